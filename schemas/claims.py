"""Pandera model of the claim-check frame: one row per check of one figure (tasks/claims.py)."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocabulary import CHECK_TYPES, VERDICTS


class ClaimChecks(pa.DataFrameModel):
    """Grain: article_hash, seq, check_type, evidence (one figure may be checked several ways)."""

    article_hash: Series[str] = pa.Field(str_length={"min_value": 64, "max_value": 64})
    seq: Series[int] = pa.Field(ge=0)
    check_type: Series[str] = pa.Field(isin=list(CHECK_TYPES))
    expected: Series[float] = pa.Field(nullable=True)
    observed: Series[float] = pa.Field(nullable=True)
    rel_diff: Series[float] = pa.Field(nullable=True)
    tolerance: Series[float] = pa.Field(nullable=True, ge=0)
    verdict: Series[str] = pa.Field(isin=list(VERDICTS))
    explanation: Series[str] = pa.Field(str_length={"min_value": 1})
    evidence_seq: Series[pa.Int64] = pa.Field(nullable=True, ge=0)
    evidence_source: Series[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="a_verdict_shows_its_arithmetic")
    def _decided_rows_have_numbers(cls, df):
        decided = df["verdict"] != "unverifiable"
        return ~decided | (df["expected"].notna() & df["observed"].notna()
                           & df["rel_diff"].notna() & df["tolerance"].notna())

    @pa.dataframe_check(name="evidence_is_named")
    def _evidence_named(cls, df):
        decided = df["verdict"] != "unverifiable"
        return ~decided | df["evidence_seq"].notna() | df["evidence_source"].notna()

    class Config:
        strict = True
        coerce = True


CLAIM_CHECK_COLUMNS: list[str] = list(ClaimChecks.to_schema().columns)
