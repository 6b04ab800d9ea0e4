"""Linting: the plugin API (`plugin`: `Rule`, `Hit`, `RuleContext`), finding installed rules
(`registry`, `entry_points`), what a run returns (`results`), the completeness score (`score`),
the typo and loanword packs rules share (`typos`, `loanwords`) and rule docs (`explain`).

May import: `essaylint.base`, `essaylint.reading`. Running rules over a document is
`essaylint.running.engine`, above the rules themselves.
"""
