"""`extends`: a file or a preset, merged under the extending config; broken chains are one-line
errors naming the file; config_chain lists the files a config reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from essaylint.running.config import ConfigError, config_chain, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_chain_of_files_merges_and_is_listed(tmp_path: Path) -> None:
    base = write(tmp_path / "shared" / "base.toml", 'default_limit = 500\ncount = "bytes"\n')
    middle = write(tmp_path / "team" / "middle.toml", 'extends = "../shared/base.toml"\n')
    top = write(tmp_path / "essaylint.toml", 'extends = "team/middle.toml"\ncount = "chars"\n')
    settings = load_config(top)
    assert (settings.default_limit, settings.count) == (500, "chars")
    assert config_chain(top) == [top.resolve(), middle.resolve(), base.resolve()]


def test_a_preset_ends_the_chain(tmp_path: Path) -> None:
    top = write(tmp_path / "essaylint.toml", 'extends = "strict"\n')
    assert load_config(top).strict is True
    assert config_chain(top) == [top.resolve()]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('extends = "missing.toml"\n', "extends: no such file or preset 'missing.toml'"),
        ("extends = 3\n", "extends: must be a string"),
        ('extends = "essaylint.toml"\n', "extends: circular reference to essaylint.toml"),
    ],
)
def test_a_broken_chain_is_one_error_naming_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    top = write(tmp_path / "essaylint.toml", text)
    for read in (load_config, config_chain):
        with pytest.raises(ConfigError) as error:
            read(top)
        assert str(error.value) == f"{top.resolve()}: {message}"


def test_a_loop_through_two_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a.toml", 'extends = "b.toml"\n')
    write(tmp_path / "b.toml", 'extends = "a.toml"\n')
    with pytest.raises(ConfigError, match=r"b\.toml: extends: circular reference to a\.toml$"):
        load_config(first)
