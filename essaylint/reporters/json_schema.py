"""The `--format json` report as pydantic models: its JSON schema (`essaylint schema report`) and
a check that `reporters.json`, which writes the report without pydantic, writes what these
models would (tests/test_formats.py). A field added to the report is added here and there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, SerializerFunctionWrapHandler, model_serializer

from essaylint.linting.results import FileResult
from essaylint.reporters.json import VERSION, report_data


class EditModel(BaseModel):
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    safe: bool


class FixModel(EditModel):
    # More edits of the same fix (the same word elsewhere in the file), applied with this one;
    # left out of the output when there are none.
    also: list[EditModel] = []

    @model_serializer(mode="wrap")
    def _leave_out_empty_also(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if not data.get("also"):
            data.pop("also", None)
        return data


class FindingModel(BaseModel):
    code: str
    rule: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    section: str
    suggestion: str | None = None
    fix: FixModel | None = None


class SectionModel(BaseModel):
    title: str
    line: int
    level: int
    kind: str
    state: str | None
    count: int | None
    limit: int | None
    min: int | None
    mode: str | None
    limit_source: str | None
    path: str
    style: str
    alt_titles: list[str]


class ValueModel(BaseModel):
    name: str
    origin: str
    statement: str | None = None


class FileModel(BaseModel):
    path: str
    score: float | None
    questions: int
    answered: int
    complete: int
    encoding: str
    error: str | None
    notes: list[str]
    findings: list[FindingModel]
    sections: list[SectionModel]
    company: str | None = None
    company_source: str | None = None
    values: list[ValueModel] = []
    coverage: dict[str, list[str]] = {}
    matched: dict[str, dict[str, list[str]]] = {}


class SummaryModel(BaseModel):
    files: int
    errors: int
    warnings: int
    infos: int
    questions: int
    complete: int
    score: float


class ReportModel(BaseModel):
    version: int = VERSION
    files: list[FileModel]
    summary: SummaryModel


def build_report(results: Sequence[FileResult]) -> ReportModel:
    """The report as these models read it (a key they do not know is dropped, so a test
    comparing its dump with `report_data` finds it)."""
    return ReportModel.model_validate(report_data(results))
