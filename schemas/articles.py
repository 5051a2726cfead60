"""Pandera model of the article frame: one row per article read from raw/articles."""
from __future__ import annotations

import os

os.environ.setdefault("DISABLE_PANDERA_IMPORT_WARNING", "True")

import pandera.pandas as pa
from pandera.typing import Series

PRECISIONS = ("year", "month", "day", "unknown")
# what an article is: news, or an official publication (a statistical communiqué, a budget)
# whose figures are themselves official statistics (fct_official_stat)
SOURCE_TYPES = ("news", "official")


class Articles(pa.DataFrameModel):
    article_hash: Series[str] = pa.Field(unique=True, str_length={"min_value": 64, "max_value": 64})
    path: Series[str] = pa.Field(unique=True)
    title: Series[str] = pa.Field(str_length={"min_value": 1})
    publisher: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True)
    pub_date: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    pub_date_precision: Series[str] = pa.Field(isin=list(PRECISIONS))
    word_count: Series[int] = pa.Field(ge=0)
    has_metadata: Series[bool]
    source_type: Series[str] = pa.Field(isin=list(SOURCE_TYPES))

    class Config:
        strict = True
        coerce = True


ARTICLE_COLUMNS: list[str] = list(Articles.to_schema().columns)
