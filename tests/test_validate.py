"""Rows that fail the figure schema are quarantined with a reason, never dropped silently."""
import pandas as pd
import pytest

from schemas.figures import ExtractedFigures
from tasks.validate import split_valid

GOOD = dict(article_hash="a" * 64, seq=0, start=10, end=22, surface="74 per cent", sentence=3,
            kind="percent", value=74.0, unit="%", qualifier="exact", period_start=2020,
            period_end=2020, region="Xinjiang", metric="per capita GDP", link_seq=None,
            link_type=None)


def test_valid_rows_pass_and_nothing_is_quarantined():
    good, rejected = split_valid(pd.DataFrame([GOOD]), ExtractedFigures, "seed.txt")
    assert len(good) == 1 and rejected.empty


@pytest.mark.parametrize("change, check", [
    ({"kind": "length"}, "isin"),
    ({"qualifier": "maybe"}, "isin"),
    ({"start": 30, "end": 22}, "span_is_ordered"),
    ({"period_start": 2021, "period_end": 2019}, "period_is_ordered"),
])
def test_each_bad_row_is_quarantined_with_the_failed_check(change, check):
    frame = pd.DataFrame([GOOD, {**GOOD, "seq": 1, **change}])
    good, rejected = split_valid(frame, ExtractedFigures, "seed.txt")
    assert good["seq"].tolist() == [0]
    assert rejected["seq"].unique().tolist() == [1]
    assert rejected["check"].str.contains(check).any()
    assert rejected["reason"].str.startswith("seed.txt: figure 1 '74 per cent' at").all()


def test_a_missing_column_fails_loudly_instead_of_rejecting_every_row():
    with pytest.raises(ValueError, match="seed.txt: frame fails ExtractedFigures"):
        split_valid(pd.DataFrame([GOOD]).drop(columns=["unit"]), ExtractedFigures, "seed.txt")
