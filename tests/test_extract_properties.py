"""Property tests (hypothesis) for the figure extraction engine.

* it never raises, whatever the Unicode text, publication date or ignore spans;
* every figure's span lies in the text and ``text[start:end] == surface``; records are sorted,
  numbered by position, and links are mutual;
* "<number> <scale> <currency>" phrases built from random values read back as the same value
  and currency.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flows.cli_extract import load_tables
from tasks.extract import parse_figures

ROOT = Path(__file__).resolve().parents[1]
REGIONS, METRICS = load_tables(ROOT / "raw" / "tables")

# text that looks like news more often than uniform Unicode would
NEWSY = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(["yuan", "US$", "$", "€", "£", "HK$", "per cent", "%", "billion", "million",
                         "bn", "m", "k", "from", "to", "between", "and", "more than", "nearly",
                         "about", "(", ")", "-", "–", ",", ".", " ", "\n", "In", "2019", "2014-19",
                         "last year", "this year", "Xinjiang", "China's", "Beijing said", "the",
                         "one", "two-thirds", "half", "close to", "times", "years", "ago", "since",
                         "03:36", "September 8", "iPhone 11", "a dozen", "thousand", "cents",
                         "percentage points", "over the past 11 years", "(US$620)", "0", "1,000",
                         "3.5", ".5", "1/2", "-27%", "sub-", "No.", "#", "¥", "₹", "Rs", "RMB"]),
        st.integers(min_value=-10**6, max_value=10**13).map(str),
        st.decimals(min_value=-10**6, max_value=10**9, places=2, allow_nan=False).map(str),
    ),
    max_size=40,
).map(" ".join)

PUB = st.one_of(st.none(), st.sampled_from(["2021", "2024-03", "2024-03-04", "", "junk"]),
                st.text(max_size=12))


def _check_records(text, figures):
    assert [f.seq for f in figures] == list(range(len(figures)))
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    for f in figures:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.surface
        assert f.kind in ("money", "percent", "quantity")
        assert f.qualifier in ("exact", "approx", "at_least", "at_most")
        assert isinstance(f.value, Decimal) and f.value.is_finite()
        assert f.unit
        assert 0 <= f.sentence
        if f.period_start is not None and f.period_end is not None:
            assert f.period_start <= f.period_end
        if f.link_seq is not None:
            partner = figures[f.link_seq]
            assert partner.link_seq == f.seq and partner.link_type == f.link_type


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), pub=PUB)
def test_never_raises_on_any_unicode(text, pub):
    figures = parse_figures(text, pub, regions=REGIONS, metrics=METRICS)
    _check_records(text, figures)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NEWSY, pub=PUB)
def test_spans_and_records_on_newsy_text(text, pub):
    figures = parse_figures(text, pub, regions=REGIONS, metrics=METRICS)
    _check_records(text, figures)


@settings(max_examples=100, deadline=None)
@given(text=NEWSY, data=st.data())
def test_no_figure_starts_inside_ignored_spans(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)).map(sorted).map(tuple), max_size=3))
    figures = parse_figures(text, ignore=spans)
    _check_records(text, figures)
    for f in figures:
        assert not any(s <= f.start < e for s, e in spans)


SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
          "bn": 10**9, "mn": 10**6, "m": 10**6, "k": 10**3, "": 1}
SUFFIX_CURRENCIES = {"yuan": "CNY", "euros": "EUR", "pounds": "GBP", "yen": "JPY",
                     "renminbi": "CNY", "US dollars": "USD", "Hong Kong dollars": "HKD", "rupees": "INR"}
PREFIX_CURRENCIES = {"US$": "USD", "HK$": "HKD", "€": "EUR", "£": "GBP", "$": "USD", "RMB ": "CNY",
                     "C$": "CAD", "A$": "AUD", "S$": "SGD", "¥": "CNY", "₹": "INR"}


def _fmt(value: Decimal, commas: bool) -> str:
    s = f"{value:,}" if commas else f"{value}"
    return s


@settings(max_examples=300, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999_999),
    cents=st.integers(min_value=0, max_value=99),
    decimals=st.booleans(),
    commas=st.booleans(),
    scale=st.sampled_from(sorted(SCALES)),
    currency=st.one_of(st.sampled_from(sorted(SUFFIX_CURRENCIES)).map(lambda c: ("suffix", c)),
                       st.sampled_from(sorted(PREFIX_CURRENCIES)).map(lambda c: ("prefix", c))),
    lead=st.sampled_from(["The firm invested", "Revenue reached", "It cost", "Transfers were"]),
)
def test_number_scale_currency_round_trips(whole, cents, decimals, commas, scale, currency, lead):
    value = Decimal(whole) + (Decimal(cents) / 100 if decimals else 0)
    num = _fmt(value, commas)
    glued = scale in ("bn", "mn", "m", "k")
    where, cur = currency
    if where == "suffix" and glued:
        scale = "million"  # "5m yuan" is fine, but keep abbreviations for symbols
        glued = False
    amount = num + ("" if not scale else scale if glued else " " + scale)
    text = f"{lead} {amount} {cur} last year." if where == "suffix" else f"{lead} {cur}{amount} last year."
    code = SUFFIX_CURRENCIES[cur] if where == "suffix" else PREFIX_CURRENCIES[cur]
    figures = parse_figures(text, "2021")
    assert len(figures) == 1, (text, figures)
    f = figures[0]
    assert f.kind == "money" and f.unit == code, text
    assert f.value == value * SCALES[scale], text
    assert (f.period_start, f.period_end) == (2020, 2020)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("unit", ["5 per cent of ", "between 5 and ", "close to half and ",
                                  "the region had 5 workers, ", "lowest since 2007 at 5%, "])
def test_no_quadratic_blow_up_on_one_long_sentence(unit):
    text = unit * 8000  # ~100-200 KB with no full stop: must stay roughly linear
    figures = parse_figures(text, "2021", regions=REGIONS, metrics=METRICS)
    _check_records(text, figures)
