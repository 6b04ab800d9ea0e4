"""Small helpers every layer may use: bounded file reading (`files`), stored word lists and
tables (`stored`), regular expressions compiled once (`patterns`), where the shipped rule data
lives (`data`).

May import: the standard library only (nothing else from essaylint).
"""
