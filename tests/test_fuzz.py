"""Property tests: the reader, the cleaner and the extractor never raise on any input and
every span they return indexes the raw text; the loader stores exactly what validation let
through, and validation lets nothing through silently (each row is kept or quarantined).
"""
from __future__ import annotations

import math
import re
import shutil
import uuid
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from schemas.figures import ExtractedFigures, NormalisedFigures
from schemas.tables import validate_tables
from tasks.extract import metrics_from_rows, parse_figures, regions_from_rows
from tasks.extract.record import KINDS, LINK_TYPES, QUALIFIERS
from tasks.furniture import furniture_spans
from tasks.read_raw import InputError, decode_article, read_tables, records
from tasks.validate import QUARANTINE_COLUMNS, split_valid
from tests.conftest import ROOT, SEED
from warehouse.engine import get_engine
from warehouse.load import FIGURE_COLUMNS, load_run
from warehouse.migrate import upgrade

SEED_TEXT = SEED.read_text(encoding="utf-8")
TABLES = validate_tables(read_tables(ROOT / "raw" / "tables"))

REGIONS = regions_from_rows(records(TABLES["regions.csv"]))
METRICS = metrics_from_rows(records(TABLES["metrics.csv"]))
SENTENCES = [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", SEED_TEXT)
             if re.search(r"\d", s) and len(s.strip()) > 10]
# Checks that exist to quarantine implausible but well-formed figures (a real "10^20 yuan").
PLAUSIBILITY_CHECKS = {"percent_in_plausible_range", "value_is_finite"}

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces a sentence about figures is made of, to mutate the seed's sentences with.
TOKENS = ["0", "1", "9", "12", "2,300", "4.5", ",", ".", " ", "\u00a0", "\u2009", "\r\n", "\n",
          "%", "per cent", "percentage points", "$", "US$", "HK$", "\u00a5", "\u20ac", "\u00a3",
          "yuan", "renminbi", "billion", "bn", "trillion", "million", "thousand", "-", "\u2013",
          "\u2014", "(", ")", "more than", "about", "nearly", "at least", "up to", "from", "to",
          "between", "and", "in 2019", "since 2014", "last year", "2020-21", "1990s",
          "\u4e07", "\u4ebf", "\u5143", "\u65b0\u7586", "\u0301", "\u200b", "\ufeff", "\U0001f4c8",
          "\u0661\u0662", "\uff11\uff12", "Xinjiang", "Guangdong", "GDP", "per capita",
          "Advertisement", "03:36", "x" * 40]


def assert_valid_figures(text: str, figures, ignore=()) -> None:
    assert [f.seq for f in figures] == list(range(len(figures)))
    assert [(f.start, f.end) for f in figures] == sorted((f.start, f.end) for f in figures)
    for f in figures:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start:f.end] == f.surface, f
        assert f.kind in KINDS and f.qualifier in QUALIFIERS, f
        assert isinstance(f.value, Decimal) and f.value.is_finite(), f
        assert isinstance(f.unit, str) and f.unit, f
        assert f.sentence >= 0, f
        if f.period_start is not None and f.period_end is not None:
            assert f.period_start <= f.period_end, f
        assert (f.link_seq is None) == (f.link_type is None), f
        if f.link_seq is not None:
            assert 0 <= f.link_seq < len(figures) and f.link_seq != f.seq, f
            assert f.link_type in LINK_TYPES, f
        assert not any(s <= f.start < e for s, e in ignore), f"{f} starts in furniture"


def assert_schema_accepts(figures) -> None:
    """The extractor's output passes the figure schema (bar the plausibility checks)."""
    rows = [{**f.as_dict(), "value": float(f.value), "article_hash": "f" * 64} for f in figures]
    frame = pd.DataFrame(rows, columns=list(ExtractedFigures.to_schema().columns))
    frame = frame.astype({"period_start": "Int64", "period_end": "Int64", "link_seq": "Int64"})
    _, rejected = split_valid(frame, ExtractedFigures, "fuzz")
    assert set(rejected["check"]) <= PLAUSIBILITY_CHECKS, rejected.to_dict("records")


@st.composite
def mutated_sentences(draw):
    text = draw(st.sampled_from(SENTENCES))
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 12)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "digit"]))
        piece = draw(st.sampled_from(TOKENS) | st.text(min_size=1, max_size=3))
        if op == "insert":
            text = text[:i] + piece + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "replace":
            text = text[:i] + piece + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            text = re.sub(r"\d", lambda m: draw(st.sampled_from("0123456789")), text, count=3)
    return text


# --------------------------------------------------------------------------- extractor


@FUZZ
@given(text=st.text(), pub_date=st.sampled_from([None, "2021", "2021-03", "2021-03-05"]))
@example(text="", pub_date=None)
@example(text="\r\n" * 5 + "4,000 yuan (US$620)", pub_date="2021")
@example(text="1" * 400 + " trillion yuan", pub_date=None)
@example(text="10" * 60 + "% of 9" * 30, pub_date="2021")
def test_parse_figures_on_any_unicode_never_raises_and_every_span_is_valid(text, pub_date):
    ignore = furniture_spans(text)
    figures = parse_figures(text, pub_date, regions=REGIONS, metrics=METRICS, ignore=ignore)
    assert_valid_figures(text, figures, ignore)
    assert_schema_accepts(figures)


@FUZZ
@given(text=mutated_sentences(), pub_date=st.sampled_from([None, "2021", "2019-12-31"]))
def test_parse_figures_on_mutated_seed_sentences_never_raises_and_every_span_is_valid(text, pub_date):
    ignore = furniture_spans(text)
    figures = parse_figures(text, pub_date, regions=REGIONS, metrics=METRICS, ignore=ignore)
    assert_valid_figures(text, figures, ignore)
    assert_schema_accepts(figures)


@settings(max_examples=25, deadline=None)
@given(cut=st.integers(0, len(SEED_TEXT)), insert=st.sampled_from(TOKENS))
def test_the_whole_seed_article_with_one_edit_still_extracts_valid_spans(cut, insert):
    text = SEED_TEXT[:cut] + insert + SEED_TEXT[cut:]
    ignore = furniture_spans(text)
    figures = parse_figures(text, "2021", regions=REGIONS, metrics=METRICS, ignore=ignore)
    assert_valid_figures(text, figures, ignore)
    assert len(figures) >= 20          # one edit does not lose the article's figures


# --------------------------------------------------------------------------- cleaner and reader


@FUZZ
@given(text=st.text() | mutated_sentences() | st.lists(
    st.sampled_from(TOKENS + ["Advertisement\n", "Learn more\n", "03:36\n", "Photo: Xinhua\n"]),
    max_size=30).map("".join))
def test_furniture_spans_on_any_text_are_sorted_disjoint_single_lines(text):
    spans = furniture_spans(text)
    assert spans == sorted(spans)
    for (s, e), nxt in zip(spans, spans[1:] + [(len(text) + 1, None)]):
        assert 0 <= s < e <= len(text) and e <= nxt[0]
        assert "\n" not in text[s:e]
        assert text[s:e] == text[s:e].strip()


@FUZZ
@given(data=st.binary(max_size=2000) | st.text().map(lambda t: t.encode("utf-8"))
       | st.text().map(lambda t: t.encode("gb18030"))
       | st.text(st.characters(max_codepoint=255)).map(lambda t: t.encode("latin-1")))
def test_decode_article_on_any_bytes_decodes_faithfully_or_names_the_file(data):
    try:
        text, encoding = decode_article(data, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        return
    assert text.strip()
    reencoded = text.encode(encoding)
    assert reencoded == data or encoding.startswith("utf-16"), (encoding, data)


# --------------------------------------------------------------------------- loader


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    engine = get_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


maybe = st.none().__or__
ints = st.integers
floats = st.floats(allow_nan=True, allow_infinity=True) | st.floats(-1e15, 1e15)


@st.composite
def figure_frames(draw):
    """Figure rows as the normaliser hands them to validation: mostly plausible, some not."""
    seqs = draw(st.lists(ints(0, 40), min_size=1, max_size=8, unique=True))
    rows = []
    for seq in seqs:
        start = draw(ints(-2, 10**6))
        kind = draw(st.sampled_from(KINDS + ("length",)))
        money = kind == "money"
        rows.append({
            "article_hash": "a" * 64,
            "seq": seq,
            "start": start,
            "end": start + draw(ints(-1, 300)),
            "surface": draw(st.text(max_size=30)),
            "sentence": draw(ints(-1, 500)),
            "kind": kind,
            "value": draw(floats),
            "unit": draw(st.sampled_from(["CNY", "USD", "percent", "employee"]) | st.text(max_size=70)),
            "qualifier": draw(st.sampled_from(QUALIFIERS + ("perhaps",))),
            "period_start": draw(maybe(ints(1700, 2300))),
            "period_end": draw(maybe(ints(1700, 2300))),
            "region": draw(maybe(st.sampled_from(["Xinjiang", "Guangdong", "Atlantis"]) | st.text(max_size=20))),
            "metric": draw(maybe(st.sampled_from(["gdp", "per_capita_gdp"]) | st.text(max_size=20))),
            "link_seq": draw(maybe(ints(-1, 40))),
            "link_type": draw(maybe(st.sampled_from(LINK_TYPES + ("pair",)))),
            "value_cny": draw(maybe(floats)) if money else None,
            "value_usd": draw(maybe(floats)) if money else None,
            "fx_rate": draw(maybe(st.floats(-1, 100))) if money else draw(st.none() | st.just(1.0)),
            "fx_year": draw(maybe(ints(1700, 2300))),
            "fx_date": draw(maybe(st.sampled_from(["2021-03-04", "2021-3-4"]) | st.text(max_size=12))),
            "fx_source": draw(maybe(st.sampled_from(["ecb_day", "ecb_year_mean", "fx_rates.csv", "guess"]))),
            "unconverted_reason": draw(maybe(st.sampled_from(["no rate for KES in 2019", ""]))),
        })
    frame = pd.DataFrame(rows).astype({
        "period_start": "Int64", "period_end": "Int64", "link_seq": "Int64", "fx_year": "Int64",
        "value_cny": "float64", "value_usd": "float64", "fx_rate": "float64"})
    if draw(st.booleans()):
        # a cell that is not a number at all: an engine bug must cost one row, not the run
        column = draw(st.sampled_from(["value", "start", "sentence"]))
        frame[column] = frame[column].astype(object)
        frame.loc[frame.index[draw(ints(0, len(frame) - 1))], column] = draw(
            st.sampled_from(["abc", "", "4,000", "1e999x", None]))
    return frame


def _same(a, b) -> bool:
    if a is None or (isinstance(a, float) and math.isnan(a)) or a is pd.NA:
        return b is None or (isinstance(b, float) and math.isnan(b))
    if isinstance(a, float) or isinstance(b, float):
        return float(a) == float(b)
    return a == b


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(frame=figure_frames())
def test_what_loads_is_exactly_what_was_validated_and_the_rest_is_quarantined(frame, template_db, tmp_path):
    good, rejected = split_valid(frame, NormalisedFigures, "fuzz")
    # nothing is dropped silently: every row is either kept or quarantined, never both
    kept, quarantined = set(good["seq"]), set(pd.to_numeric(rejected["seq"]).dropna().astype(int))
    assert kept | quarantined == set(frame["seq"]) and not kept & quarantined
    assert list(rejected.columns) == QUARANTINE_COLUMNS and rejected["reason"].str.len().gt(0).all()

    db = tmp_path / f"{uuid.uuid4().hex}.db"
    shutil.copy(template_db, db)
    engine = get_engine(f"sqlite:///{db}")
    article = pd.DataFrame([{"article_hash": "a" * 64, "path": "fuzz.txt", "title": "Fuzz",
                             "publisher": None, "url": None, "pub_date": None,
                             "pub_date_precision": "unknown", "word_count": 1}])
    try:
        counts = load_run(engine, run={"flow_run_id": "fuzz"}, articles=article, figures=good,
                          quarantine=rejected, extractor_version="fuzz")
        with engine.connect() as conn:
            stored = pd.read_sql(sa.text(
                "SELECT a.article_hash, f.* FROM fct_figure f JOIN dim_article a USING (article_key) "
                "ORDER BY f.seq"), conn)
            in_quarantine = conn.scalar(sa.text("SELECT COUNT(*) FROM quarantine"))
    finally:
        engine.dispose()
    assert counts["figures_loaded"] == len(good) == len(stored)
    expected = good.sort_values("seq").reset_index(drop=True)
    for column in [c for c in FIGURE_COLUMNS if c in expected]:  # optional ones may be absent
        for want, got in zip(expected[column].tolist(), stored[column].tolist()):
            assert _same(want, got), (column, want, got)
    assert in_quarantine == len(rejected.drop_duplicates(
        ["seq", "source_file", "row", "column", "check", "failure_case"]))


def test_a_repeated_figure_number_is_quarantined_not_a_failed_load():
    row = {"article_hash": "a" * 64, "seq": 0, "start": 10, "end": 20, "surface": "5 per cent",
           "sentence": 0, "kind": "percent", "value": 5.0, "unit": "percent", "qualifier": "exact",
           "period_start": None, "period_end": None, "region": None, "metric": None,
           "link_seq": None, "link_type": None, "value_cny": None, "value_usd": None,
           "fx_rate": None, "fx_year": None, "fx_date": None, "fx_source": None,
           "unconverted_reason": None}
    frame = pd.DataFrame([row, {**row, "start": 30, "end": 40}]).astype(
        {"period_start": "Int64", "period_end": "Int64", "link_seq": "Int64", "fx_year": "Int64",
         "value_cny": "float64", "value_usd": "float64", "fx_rate": "float64"})
    good, rejected = split_valid(frame, NormalisedFigures, "fuzz")
    assert len(good) == 0 and set(rejected["seq"]) == {0}
