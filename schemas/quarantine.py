"""Pandera model of the quarantine frame: one row per failure of a check by a row (tasks/validate.py).

A rejected row may carry anything (that is why it was rejected), so its own values keep the
types they came with: ``article_hash`` and ``seq`` as given, ``failure_case`` as text. What
the frame itself promises is that every record names its file, the check and a reason.
"""
from __future__ import annotations

from typing import Any

import pandera.pandas as pa
from pandera.typing import Series


class Quarantine(pa.DataFrameModel):
    """Grain: source_file, row, column, check (the warehouse's ``quarantine`` adds the run)."""

    article_hash: Series[Any] = pa.Field(nullable=True)
    seq: Series[Any] = pa.Field(nullable=True)
    source_file: Series[Any] = pa.Field(str_length={"min_value": 1})
    row: Series[Any] = pa.Field(nullable=True, ge=0)
    column: Series[Any] = pa.Field(nullable=True)
    check: Series[Any] = pa.Field(str_length={"min_value": 1})
    failure_case: Series[Any] = pa.Field(nullable=True)
    reason: Series[Any] = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True
        ordered = True


QUARANTINE_COLUMNS: list[str] = list(Quarantine.to_schema().columns)
