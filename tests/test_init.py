"""`essaylint init`: the starter config loads with essaylint's own loader, changes no result
until edited, documents every setting, and is never written over an existing config."""

from __future__ import annotations

import re
import shutil
from dataclasses import fields
from pathlib import Path

import pytest
from helpers import essaylint

from essaylint.cli.init import TEMPLATE
from essaylint.running.config import Settings, load_config
from essaylint.running.finder import ConfigFinder

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kakao-application.md"


def settings_values(settings: Settings) -> dict[str, object]:
    return {f.name: getattr(settings, f.name) for f in fields(Settings) if f.compare}


def test_init_writes_the_template_that_loads_as_the_defaults(tmp_path: Path) -> None:
    done = essaylint("init", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == (
        "wrote essaylint.toml: a starter config (defaults active, every other key commented)\n"
    )
    written = tmp_path / "essaylint.toml"
    assert written.read_bytes() == TEMPLATE.encode("utf-8")
    settings = load_config(written)
    assert settings.source == str(written.resolve())
    assert settings_values(settings) == settings_values(Settings())


def test_check_in_an_initialised_folder_reports_as_without_config(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    configured = tmp_path / "configured"
    for folder in (plain, configured):
        folder.mkdir()
        shutil.copy(EXAMPLE, folder / "essay.md")
    assert essaylint("init", "--path", str(configured), cwd=tmp_path).returncode == 0
    with_config = essaylint("check", "essay.md", cwd=configured)
    without = essaylint("check", "essay.md", cwd=plain)
    assert with_config.stderr == without.stderr == ""
    assert with_config.returncode == without.returncode == 1
    assert with_config.stdout == without.stdout
    assert "EL201 over-limit 659/500자" in with_config.stdout


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "essaylint.toml").write_text('count = "bytes"\n', encoding="utf-8")
    done = essaylint("init", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "essaylint: essaylint.toml already exists; nothing written\n"
    assert (tmp_path / "essaylint.toml").read_text(encoding="utf-8") == 'count = "bytes"\n'


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (".essaylint.toml", 'count = "bytes"\n', ".essaylint.toml already exists"),
        (
            "pyproject.toml",
            '[tool.essaylint]\ncount = "bytes"\n',
            "pyproject.toml has [tool.essaylint]",
        ),
    ],
)
def test_init_refuses_to_shadow_another_config(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    done = essaylint("init", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"essaylint: {message}; nothing written\n"
    assert not (tmp_path / "essaylint.toml").exists()


def test_init_beside_a_pyproject_without_essaylint_settings(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "essays"\n', encoding="utf-8")
    assert essaylint("init", cwd=tmp_path).returncode == 0
    assert (tmp_path / "essaylint.toml").is_file()


def test_init_path_creates_the_folder(tmp_path: Path) -> None:
    done = essaylint("init", "--path", "지원서/2026", cwd=tmp_path)
    assert done.returncode == 0
    target = Path("지원서", "2026", "essaylint.toml")
    assert done.stdout.startswith(f"wrote {target}: ")
    assert (tmp_path / target).read_text(encoding="utf-8") == TEMPLATE


def test_init_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# 메모\n", encoding="utf-8")
    done = essaylint("init", "--path", "notes.md", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "essaylint: notes.md: not a folder\n"


def uncommented(template: str) -> str:
    """The template with every commented-out setting and rule table switched on."""
    setting = re.compile(r'^# ((?:[a-z_]+|"[^"]+") = .*?)(?:\s{2,}#.*)?$')
    table = re.compile(r"^# (\[rules\.[a-z-]+\])$")
    lines = []
    for line in template.splitlines():
        matched = setting.match(line) or table.match(line)
        lines.append(matched.group(1) if matched else line)
    return "\n".join(lines) + "\n"


def test_every_commented_setting_is_valid(tmp_path: Path) -> None:
    text = uncommented(TEMPLATE)
    config = tmp_path / "essaylint.toml"
    config.write_text(text, encoding="utf-8")
    settings = load_config(config)
    # The examples in the comments, each one switched on and validated.
    assert settings.count == "chars"
    assert settings.question_style == "auto"
    assert settings.default_limit == 1000
    assert settings.select == ("structure", "length")
    assert settings.extend_select == ("spacing",)
    assert settings.ignore == ("under-filled",)
    assert (settings.strict, settings.fail_under) == (True, 80)
    assert settings.company == "kakao"
    assert settings.synonyms == {"도전": ("시도", "모험")}
    assert settings.blind is True
    assert settings.extends is None  # `extends` is read and resolved, not kept
    assert settings.limits == {"지원 ?동기": 1000, "성장 ?과정": "500-700", "자유 기술": "none"}
    assert settings.rules == {
        "stub-answer": {"min_chars": 50},
        "under-filled": {"min_fill": 0.8, "severity": "info"},
        "duplicate-question": {"severity": "error"},
    }
    ConfigFinder(config)  # rule tables validated against each rule's options too


def test_the_template_mentions_every_setting() -> None:
    keys = {f.name for f in fields(Settings) if f.compare}
    # `exclude` is validated but nothing reads it yet, so the template does not offer it.
    missing = {k for k in keys - {"exclude"} if not re.search(rf"^(# )?{k} = ", TEMPLATE, re.M)}
    missing -= {"limits", "rules"}  # tables: [limits], [rules.<name>]
    assert missing == set()
    assert "[limits]" in TEMPLATE and "# [rules.stub-answer]" in TEMPLATE
