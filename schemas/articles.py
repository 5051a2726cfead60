"""Pandera model of the article frame: one row per article read from raw/articles."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocabulary import DATE_PRECISIONS, SOURCE_TYPES


class Articles(pa.DataFrameModel):
    article_hash: Series[str] = pa.Field(unique=True, str_length={"min_value": 64, "max_value": 64})
    path: Series[str] = pa.Field(unique=True)
    title: Series[str] = pa.Field(str_length={"min_value": 1})
    publisher: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    pub_date: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    pub_date_precision: Series[str] = pa.Field(isin=list(DATE_PRECISIONS))
    word_count: Series[int] = pa.Field(ge=0)
    has_metadata: Series[bool]
    source_type: Series[str] = pa.Field(isin=list(SOURCE_TYPES))
    # the text as decoded, which the figures' offsets index: the warehouse keeps it for the report
    text: Series[str]

    class Config:
        strict = True
        coerce = True


ARTICLE_COLUMNS: list[str] = list(Articles.to_schema().columns)
