"""Company fit: the company's values (인재상, 핵심가치), where they come from, which answers
reference them, and which company an application is for.

- `known_values(document, settings)`: the merged values with their origins (`ValueSet`);
- `value_coverage(document, settings) -> Coverage`: values and, per answered question, the
  values it references (for `score --details` and JSON);
- `render_coverage(coverage, width) -> list[str]`: the matrix as text;
- `presets`: company presets shipped in `rules/values/` (`load_presets`, `find_preset`);
- `companies`: the target company and answers addressed to another one.

Nothing here imports kiwipiepy at import time; it is loaded the first time an answer with
Korean text is matched against a non-empty list of values.
"""

from __future__ import annotations

from essaylint.values.coverage import (
    ORIGINS,
    Coverage,
    CoverageRow,
    Value,
    ValueSet,
    known_values,
    value_coverage,
)
from essaylint.values.lemmas import FALLBACK_NOTE, fallback_used
from essaylint.values.matrix import render_coverage
from essaylint.values.presets import CompanyPreset, PresetError, find_preset, load_presets

__all__ = [
    "FALLBACK_NOTE",
    "ORIGINS",
    "CompanyPreset",
    "Coverage",
    "CoverageRow",
    "PresetError",
    "Value",
    "ValueSet",
    "fallback_used",
    "find_preset",
    "known_values",
    "load_presets",
    "render_coverage",
    "value_coverage",
]
