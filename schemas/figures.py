"""Pandera models for the figure frame, one per stage, each inheriting from the one before.

Column names are the field names of ``tasks.extract.record.Figure`` plus the article key;
the warehouse's ``fct_figure`` uses the same words, and the vocabularies are
``schemas/vocabulary.py``'s. The check that a figure's metric fits it needs the engine and a
lexicon, so it is added to these models where both are at hand (``tasks/metric_fit.py``).
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocabulary import FX_SOURCES, GRANULARITIES, KINDS, LINK_TYPES, QUALIFIERS

ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"


class ExtractedFigures(pa.DataFrameModel):
    """One row per figure found in an article (grain: article_hash, seq).

    Check methods are named exactly as their checks: Pandera reports the method name once
    a subclass has been built, and quarantine reasons must not depend on import order."""

    article_hash: Series[str] = pa.Field(str_length={"min_value": 64, "max_value": 64})
    seq: Series[int] = pa.Field(ge=0)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    surface: Series[str] = pa.Field(str_length={"min_value": 1})
    sentence: Series[int] = pa.Field(ge=0)
    kind: Series[str] = pa.Field(isin=list(KINDS))
    value: Series[float] = pa.Field(nullable=False)
    unit: Series[str] = pa.Field(str_length={"min_value": 1, "max_value": 64})
    qualifier: Series[str] = pa.Field(isin=list(QUALIFIERS))
    period_start: Series[pa.Int64] = pa.Field(nullable=True, ge=1800, le=2200)
    period_end: Series[pa.Int64] = pa.Field(nullable=True, ge=1800, le=2200)
    region: Series[str] = pa.Field(nullable=True)
    metric: Series[str] = pa.Field(nullable=True)
    link_seq: Series[pa.Int64] = pa.Field(nullable=True, ge=0)
    link_type: Series[str] = pa.Field(nullable=True, isin=list(LINK_TYPES))
    # optional: frames made before periods had days (an older spool, a hand-made frame)
    period_granularity: Optional[Series[str]] = pa.Field(nullable=True, isin=list(GRANULARITIES))
    period_first_day: Optional[Series[str]] = pa.Field(nullable=True, str_matches=ISO_DAY)
    period_last_day: Optional[Series[str]] = pa.Field(nullable=True, str_matches=ISO_DAY)
    # what the claim checks need of the text around the figure (tasks/extract/cues.py);
    # optional like the days, and empty where a frame was made without the text
    half_unit: Optional[Series[float]] = pa.Field(nullable=True, ge=0)
    whole_cue: Optional[Series[pd.BooleanDtype]] = pa.Field(nullable=True)
    growth_cue: Optional[Series[pd.BooleanDtype]] = pa.Field(nullable=True)
    of_follows: Optional[Series[pd.BooleanDtype]] = pa.Field(nullable=True)
    apposed_seq: Optional[Series[pa.Int64]] = pa.Field(nullable=True, ge=0)

    @pa.dataframe_check(name="span_is_ordered")
    def span_is_ordered(cls, df):
        return df["end"] > df["start"]

    @pa.dataframe_check(name="period_is_ordered")
    def period_is_ordered(cls, df):
        both = df["period_start"].notna() & df["period_end"].notna()
        return ~both | (df["period_start"] <= df["period_end"])

    @pa.dataframe_check(name="period_days_bound_its_years")
    def period_days_bound_its_years(cls, df):
        """A period's days, where given, are ordered and fall in its first and last year; a
        figure without a period has neither days nor granularity."""
        absent = pd.Series(None, index=df.index, dtype="object")  # the columns are optional
        first, last, granularity = (df[c] if c in df else absent for c in (
            "period_first_day", "period_last_day", "period_granularity"))
        dated = first.notna() & last.notna()
        ordered = ~dated | (first.fillna("") <= last.fillna(""))
        first_year = pd.to_numeric(first.str[:4], errors="coerce")
        last_year = pd.to_numeric(last.str[:4], errors="coerce")
        years = ~dated | ((first_year == df["period_start"]) & (last_year == df["period_end"])).fillna(False)
        undated = df["period_start"].isna()
        none_without = ~undated | (first.isna() & last.isna() & granularity.isna())
        return ordered & years & none_without

    @pa.dataframe_check(name="percent_in_plausible_range")
    def percent_in_plausible_range(cls, df):
        return (df["kind"] != "percent") | (df["value"].abs() <= 100_000)

    @pa.dataframe_check(name="value_is_finite")
    def value_is_finite(cls, df):
        return df["value"].abs() < 1e18

    class Config:
        strict = True
        coerce = True
        unique = ["article_hash", "seq"]


class NormalisedFigures(ExtractedFigures):
    """After currency normalisation: money rows carry CNY and USD values and the rate used,
    or say why they could not be converted."""

    value_cny: Series[float] = pa.Field(nullable=True)
    value_usd: Series[float] = pa.Field(nullable=True)
    fx_rate: Series[float] = pa.Field(nullable=True, gt=0)  # CNY per one unit of `unit`
    fx_year: Series[pa.Int64] = pa.Field(nullable=True, ge=1800, le=2200)
    fx_date: Series[str] = pa.Field(nullable=True, str_matches=ISO_DAY)
    fx_source: Series[str] = pa.Field(nullable=True, isin=list(FX_SOURCES))
    unconverted_reason: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})

    @pa.dataframe_check(name="money_is_converted_where_a_rate_exists")
    def money_is_converted_where_a_rate_exists(cls, df):
        return df["fx_rate"].isna() | (df["kind"] == "money")

    @pa.dataframe_check(name="money_is_converted_or_says_why")
    def money_is_converted_or_says_why(cls, df):
        converted = df["value_cny"].notna() & df["value_usd"].notna()
        return (df["kind"] != "money") | (converted ^ df["unconverted_reason"].notna())

    @pa.dataframe_check(name="a_rate_names_its_day_or_year")
    def a_rate_names_its_day_or_year(cls, df):
        dated = df["fx_date"].notna() | df["fx_year"].notna()
        return df["fx_source"].isna() | dated

    @pa.dataframe_check(name="converted_values_are_finite")
    def converted_values_are_finite(cls, df):
        values = df[["value_cny", "value_usd", "fx_rate"]].astype("float64")
        return (values.isna() | np.isfinite(values)).all(axis=1)
