"""Shared pytest options: `--update-fixtures` rewrites fixture `expect` blocks for review."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        default=False,
        help="rewrite the trailing <!-- expect ... --> block of every fail_*.md fixture with "
        "what essaylint reports now (review the diff before committing)",
    )
