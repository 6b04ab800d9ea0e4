"""Reading a document: bytes -> text (`source`) -> `Document` (`document`), with the original
line and column of every piece of text.

Owns source decoding, the line-by-line block reader (`simple_blocks`), the token walk (`walk`,
`walker`, `spans`, `candidates`, `markdown`), the outline (`outline`, `titles`,
`question_styles`), limits, counting, the model every rule reads (`model`), what an answer is
(`answers`) and suppression comments (`suppress`).

May import: `essaylint.base`. Knows nothing of rules, settings, files on disk or output.
"""
