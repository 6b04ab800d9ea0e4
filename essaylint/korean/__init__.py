"""Korean text helpers for the spelling rules: jamo, the 두벌식 keyboard, candidates, Kiwi.

Everything here except `essaylint.korean.model` is pure Python and cheap to import; the model
module imports kiwipiepy only inside functions, the first time a rule needs it.
The thresholds live here so that a rule's options can name them without importing the detector.
"""

DEFAULT_THRESHOLD = 10.0
"""Context gain (natural log) a correction of a word Kiwi knows needs by default."""
DEFAULT_THRESHOLD_UNKNOWN = 10.0
"""... of a word Kiwi does not know. It was 12 (names and new loanwords are often one key from
a word); names the document repeats, listed words and compounds that start with one are now
left alone before any threshold, and on the tuning half 10 finds more typos for no false flag."""
