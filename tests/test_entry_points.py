"""The quick entry-point reader must give what importlib.metadata gives."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from essaylint.linting import entry_points
from essaylint.linting.entry_points import PluginEntry, find_entry_points
from essaylint.linting.registry import ENTRY_POINT_GROUP


def _as_rows(found: tuple[PluginEntry, ...]) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((e.name, e.value, e.dist, e.version) for e in found)


def _distribution(
    site: Path, folder: str, name: str, text: str, metadata: str = "METADATA"
) -> None:
    info = site / folder
    info.mkdir(parents=True)
    (info / metadata).write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 2.0\n\nbody\n")
    (info / "entry_points.txt").write_text(text)


@pytest.mark.parametrize("group", [ENTRY_POINT_GROUP, "console_scripts", "pytest11"])
def test_quick_reader_equals_importlib_metadata(group: str) -> None:
    quick = entry_points._scan(group)
    assert _as_rows(quick) == _as_rows(entry_points._from_importlib(group))
    if group == ENTRY_POINT_GROUP:
        assert {e.name for e in quick} >= {"EL101", "EL201", "EL301"}


def test_third_party_distributions_on_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    _distribution(
        site,
        "my_rules-2.0.dist-info",
        "my-rules",
        "# comment\n[console_scripts]\nx = y:z\n\n[essaylint.plugins]\nXA001 = my_rules.a:RULE\n"
        " XA002=my_rules.b : RULE \n[other]\nXA003 = nope:RULE\n",
    )
    _distribution(
        site, "old_rules.egg-info", "old.rules", "[essaylint.plugins]\nXB001 = o:R\n", "PKG-INFO"
    )
    # A second copy of a distribution later on the path is shadowed by the first.
    shadow = tmp_path / "shadow"
    _distribution(
        shadow, "my_rules-1.0.dist-info", "my-rules", "[essaylint.plugins]\nXA009 = s:R\n"
    )
    monkeypatch.setattr(sys, "path", [str(site), str(shadow), *sys.path])
    quick = entry_points._scan(ENTRY_POINT_GROUP)
    assert _as_rows(quick) == _as_rows(entry_points._from_importlib(ENTRY_POINT_GROUP))
    mine = [e for e in quick if e.name.startswith("X")]
    assert _as_rows(tuple(mine)) == [
        ("XA001", "my_rules.a:RULE", "my-rules", "2.0"),
        ("XA002", "my_rules.b : RULE", "my-rules", "2.0"),
        ("XB001", "o:R", "old.rules", "2.0"),
    ]


def test_a_zip_on_the_path_is_left_to_importlib(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "plugins.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    monkeypatch.setattr(sys, "path", [str(archive), *sys.path])
    with pytest.raises(entry_points._Unusual):
        entry_points._scan(ENTRY_POINT_GROUP)
    assert _as_rows(find_entry_points(ENTRY_POINT_GROUP)) == _as_rows(
        entry_points._from_importlib(ENTRY_POINT_GROUP)
    )


def test_entry_loads_its_object() -> None:
    rule = PluginEntry(
        "EL101", "essaylint.plugins.el101_empty_answer:RULE", "essaylint", "0"
    ).load()
    assert rule.code == "EL101"


def test_builtin_tags_are_the_built_in_rules_tags() -> None:
    from essaylint.linting.registry import BUILTIN_TAGS, all_tags, is_builtin, load_rules

    assert all_tags(r for r in load_rules().values() if is_builtin(r)) == BUILTIN_TAGS


@pytest.mark.parametrize(
    ("selector", "known"),
    [
        ("model", True),
        ("EL3", True),
        ("el301", True),
        ("ALL", True),
        ("EL999", False),
        ("known-typo", False),
        ("modle", False),
    ],
)
def test_selectors_known_from_entry_points_alone(selector: str, known: bool) -> None:
    from essaylint.linting.registry import known_without_loading

    # Names need the rule modules; `_check_selectors` then loads them.
    assert known_without_loading(selector) is known


def test_a_finder_that_supplies_distributions_is_left_to_importlib(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Supplier:
        @staticmethod
        def find_distributions(*args: object, **kwargs: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Supplier()])
    with pytest.raises(entry_points._Unusual):
        entry_points._scan(ENTRY_POINT_GROUP)
