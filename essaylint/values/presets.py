"""Company presets: one TOML file per employer in `rules/values/` (or a user pack's `values/`).

A preset names the company, its aliases (`카카오`, `Kakao`, `(주)카카오`), its products (used by
wrong-company, so the target's own products are never "another company"), its stated values each
with related terms, and where they come from:

```toml
name = "카카오"
aliases = ["Kakao", "(주)카카오"]
ambiguous = []            # names that are also common words: only matched in strong contexts
products = ["카카오톡", "카카오맵"]
source = "https://…"      # URL or publication
checked = "2026-11-24"    # the date the values were last compared with the source
confidence = "high"       # high, medium or low: how sure the wording is
note = "…"                # what was checked, and what is unsure

[[values]]
name = "신뢰"
related = ["믿음"]        # synonyms and close terms that also reference the value
keys = []                 # optional: the exact key words, replacing those derived from `name`
```

Presets are read with `importlib.resources` from the installed `essaylint.rules` package, so
they work from a wheel; a user pack (a folder in `packs`) with a file of the same stem wins.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from essaylint.base.files import UnreadableFile, read_small_file
from essaylint.base.patterns import compile_pattern
from essaylint.base.stored import load_toml

PRESET_KEYS = frozenset(
    {
        "name",
        "aliases",
        "ambiguous",
        "products",
        "source",
        "checked",
        "confidence",
        "note",
        "values",
    }
)
VALUE_KEYS = frozenset({"name", "related", "keys"})
CONFIDENCE = ("high", "medium", "low")
_SLUG = compile_pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LEGAL_FORMS = compile_pattern(
    r"\(주\)|㈜|주식회사|\bco\.?,?\s*ltd\.?|\binc\.?|\bcorp(?:oration)?\.?", re.IGNORECASE
)
_NON_WORD = compile_pattern(r"[\s\W_]+")


class PresetError(ValueError):
    """One line: `<file>: <key>: <reason>`."""


@dataclass(frozen=True, slots=True)
class PresetValue:
    name: str
    related: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CompanyPreset:
    slug: str
    name: str
    aliases: tuple[str, ...]
    products: tuple[str, ...]
    values: tuple[PresetValue, ...]
    source: str
    checked: str
    confidence: str = "medium"
    note: str = ""
    ambiguous: tuple[str, ...] = ()
    origin: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """The name, then every alias, without duplicates."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))


@lru_cache(maxsize=4096)
def company_key(name: str) -> str:
    """A company name reduced for comparison: NFC, case-folded, no legal form or spaces.
    Cached: wrong-company reduces the target's names and products for every answer."""
    name = unicodedata.normalize("NFC", name)
    return _NON_WORD.sub("", _LEGAL_FORMS.sub("", name)).casefold()


def _strings(
    data: dict[str, Any], key: str, origin: str, required: bool = False
) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        if required:
            raise PresetError(f"{origin}: {key}: required")
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PresetError(f"{origin}: {key}: expected a list of non-empty strings")
    return tuple(unicodedata.normalize("NFC", v.strip()) for v in value)


def _text(data: dict[str, Any], key: str, origin: str, required: bool = True) -> str:
    value = data.get(key)
    if value is None and not required:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        raise PresetError(f"{origin}: {key}: expected a non-empty string")
    return unicodedata.normalize("NFC", value.strip())


def parse_preset(data: dict[str, Any], slug: str, origin: str) -> CompanyPreset:
    """Validate one preset table; raise PresetError naming the file and key."""
    if not _SLUG.match(slug):
        raise PresetError(f"{origin}: file name must be a kebab-case slug, got '{slug}'")
    for key in data:
        if key not in PRESET_KEYS:
            raise PresetError(f"{origin}: {key}: unknown key")
    checked = _text(data, "checked", origin)
    try:
        datetime.date.fromisoformat(checked)
    except ValueError:
        raise PresetError(f"{origin}: checked: expected a date like 2026-11-24") from None
    confidence = _text(data, "confidence", origin, required=False) or "medium"
    if confidence not in CONFIDENCE:
        raise PresetError(f"{origin}: confidence: must be one of {', '.join(CONFIDENCE)}")
    raw_values = data.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise PresetError(f"{origin}: values: expected at least one [[values]] table")
    values: list[PresetValue] = []
    seen: set[str] = set()
    for index, item in enumerate(raw_values):
        where = f"{origin}: values[{index}]"
        if not isinstance(item, dict):
            raise PresetError(f"{where}: expected a table")
        for key in item:
            if key not in VALUE_KEYS:
                raise PresetError(f"{where}.{key}: unknown key")
        name = _text(item, "name", where)
        if name in seen:
            raise PresetError(f"{where}.name: duplicate value '{name}'")
        seen.add(name)
        values.append(
            PresetValue(name, _strings(item, "related", where), _strings(item, "keys", where))
        )
    name = _text(data, "name", origin)
    aliases = _strings(data, "aliases", origin)
    ambiguous = _strings(data, "ambiguous", origin)
    names = {company_key(n) for n in (name, *aliases)}
    for word in ambiguous:
        if company_key(word) not in names:
            raise PresetError(f"{origin}: ambiguous: '{word}' is not the name or an alias")
    return CompanyPreset(
        slug=slug,
        name=name,
        aliases=aliases,
        products=_strings(data, "products", origin),
        values=tuple(values),
        source=_text(data, "source", origin),
        checked=checked,
        confidence=confidence,
        note=_text(data, "note", origin, required=False),
        ambiguous=ambiguous,
        origin=origin,
    )


def _load_text(text: str, slug: str, origin: str) -> CompanyPreset:
    try:
        data = load_toml(text)
    except ValueError as error:  # tomllib.TOMLDecodeError
        raise PresetError(f"{origin}: invalid TOML: {error}") from None
    except RecursionError:
        raise PresetError(f"{origin}: invalid TOML: nested too deeply") from None
    return parse_preset(data, slug, origin)


@lru_cache(maxsize=1)
def builtin_presets() -> dict[str, CompanyPreset]:
    """The presets shipped in `essaylint.rules/values`, by slug."""
    from essaylint.base.data import rules_root

    folder = rules_root() / "values"
    presets: dict[str, CompanyPreset] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml") and entry.is_file():
            slug = entry.name[: -len(".toml")]
            origin = f"essaylint.rules/values/{entry.name}"
            presets[slug] = _load_text(entry.read_text(encoding="utf-8"), slug, origin)
    return presets


@lru_cache(maxsize=16)
def _pack_presets(folders: tuple[Path, ...]) -> dict[str, CompanyPreset]:
    presets: dict[str, CompanyPreset] = {}
    for folder in folders:
        values = folder / "values"
        if not values.is_dir():
            continue
        for path in sorted(values.glob("*.toml")):
            try:
                text = read_small_file(path).decode("utf-8-sig")
            except UnreadableFile as error:
                raise PresetError(f"{path}: cannot read: {error}") from None
            except UnicodeDecodeError:
                raise PresetError(f"{path}: not UTF-8 text") from None
            presets[path.stem] = _load_text(text, path.stem, str(path))
    return presets


def load_presets(
    packs: Iterable[str] = (), base_dir: Path | None = None
) -> dict[str, CompanyPreset]:
    """Built-in presets, overridden by same-named files in each pack's `values/` folder."""
    base = base_dir or Path.cwd()
    folders = tuple((base / p).resolve() for p in packs)
    if not folders:
        return builtin_presets()
    return {**builtin_presets(), **_pack_presets(folders)}


def find_preset(name: str, presets: dict[str, CompanyPreset]) -> CompanyPreset | None:
    """A preset by slug (`kakao`), name or alias (`카카오`, `(주)카카오`, `KAKAO`)."""
    if name in presets:
        return presets[name]
    key = company_key(name)
    if not key:
        return None
    for preset in presets.values():
        if key == preset.slug or any(company_key(n) == key for n in preset.names):
            return preset
    return None
