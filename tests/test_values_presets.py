"""Company presets in `rules/values/`: loaded from the installed package, valid, and findable."""

from __future__ import annotations

import datetime
from importlib.resources import files
from pathlib import Path

import pytest

from essaylint.values.presets import (
    PresetError,
    builtin_presets,
    company_key,
    find_preset,
    load_presets,
    parse_preset,
)

REQUIRED = (
    "카카오",
    "네이버",
    "라인",
    "쿠팡",
    "우아한형제들",
    "토스",
    "당근",
    "삼성전자",
    "SK하이닉스",
    "LG전자",
    "현대자동차",
    "CJ",
    "롯데",
    "KT",
    "카카오뱅크",
)


def test_presets_load_from_the_package() -> None:
    folder = files("essaylint.rules") / "values"
    names = {e.name for e in folder.iterdir() if e.name.endswith(".toml")}
    presets = builtin_presets()
    assert {f"{slug}.toml" for slug in presets} == names
    assert len(presets) >= 15


@pytest.mark.parametrize("name", REQUIRED)
def test_required_employers_have_a_preset(name: str) -> None:
    preset = find_preset(name, builtin_presets())
    assert preset is not None, name


@pytest.mark.parametrize("slug", sorted(builtin_presets()))
def test_every_preset_records_its_source_and_date(slug: str) -> None:
    preset = builtin_presets()[slug]
    assert preset.source and preset.values
    assert datetime.date.fromisoformat(preset.checked) <= datetime.date.today()
    assert preset.confidence in ("high", "medium", "low")
    if preset.confidence != "high":
        assert preset.note, f"{slug}: an unsure preset says why in `note`"
    assert all(v.name for v in preset.values)


def test_aliases_and_names_find_the_same_preset() -> None:
    presets = builtin_presets()
    for name in ("kakao", "카카오", "Kakao", "(주)카카오", "주식회사 카카오", "KAKAO"):
        found = find_preset(name, presets)
        assert found is not None and found.slug == "kakao", name
    assert find_preset("배민", presets).slug == "woowahan"  # type: ignore[union-attr]
    assert find_preset("비바리퍼블리카", presets).slug == "toss"  # type: ignore[union-attr]
    assert find_preset("없는 회사", presets) is None


def test_company_key_ignores_legal_forms_spacing_and_case() -> None:
    assert company_key("(주) 카카오") == company_key("카카오") == company_key("㈜카카오")
    assert company_key("Kakao Corp.") == company_key("KAKAO")


def test_no_alias_belongs_to_two_presets() -> None:
    owners: dict[str, str] = {}
    for preset in builtin_presets().values():
        for name in preset.names:
            key = company_key(name)
            assert owners.setdefault(key, preset.slug) == preset.slug, name


def test_target_products_never_name_another_preset() -> None:
    presets = builtin_presets().values()
    names = {company_key(n): p.slug for p in presets for n in p.names}
    for preset in presets:
        for product in preset.products:
            owner = names.get(company_key(product))
            assert owner in (None, preset.slug), (preset.slug, product)


def test_validation_errors_name_the_file_and_key() -> None:
    good = {
        "name": "테스트",
        "source": "https://example.com",
        "checked": "2026-01-01",
        "values": [{"name": "신뢰"}],
    }
    assert parse_preset(good, "test", "test.toml").values[0].name == "신뢰"
    for broken, message in (
        ({**good, "valeus": []}, "test.toml: valeus: unknown key"),
        ({**good, "checked": "yesterday"}, "test.toml: checked: expected a date"),
        ({**good, "values": []}, "test.toml: values: expected at least one"),
        ({**good, "values": [{"name": "a"}, {"name": "a"}]}, "duplicate value"),
        ({**good, "ambiguous": ["다른"]}, "ambiguous: '다른' is not the name or an alias"),
        ({**good, "confidence": "maybe"}, "confidence: must be one of"),
    ):
        with pytest.raises(PresetError, match=message):
            parse_preset(broken, "test", "test.toml")
    with pytest.raises(PresetError, match="kebab-case"):
        parse_preset(good, "Bad_Name", "Bad_Name.toml")


def test_user_pack_overrides_a_builtin_preset(tmp_path: Path) -> None:
    (tmp_path / "mypack" / "values").mkdir(parents=True)
    (tmp_path / "mypack" / "values" / "kakao.toml").write_text(
        'name = "카카오"\nsource = "posting"\nchecked = "2026-01-01"\n'
        '[[values]]\nname = "자기주도"\n',
        encoding="utf-8",
    )
    presets = load_presets(("mypack",), tmp_path)
    assert [v.name for v in presets["kakao"].values] == ["자기주도"]
    assert "naver" in presets
