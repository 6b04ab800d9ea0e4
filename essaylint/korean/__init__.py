"""Korean text helpers for the spelling rules: jamo, the 두벌식 keyboard, candidates, Kiwi.

Everything here except `essaylint.korean.model` is pure Python and cheap to import; the model
module imports kiwipiepy only inside functions, the first time a rule needs it.
"""
