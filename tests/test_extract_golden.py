"""Golden test: every figure of the seed article, checked field by field.

``tests/golden/seed_article.json`` was written by hand from a reading of
``raw/articles/scmp-xinjiang-pairing-assistance.txt`` (publication year 2021), not from the
engine's output: every numeric figure of the body text with its value, unit, qualifier, period
and region as a reader states them under ``../shared/bench/FORMAT.md`` and the period/region
conventions of ``../shared/bench/dev_news.jsonl``; its ``how_made`` field says what was left out
and why. A null period or region there means "not stated or ambiguous" and is not asserted
(as the benchmark scorer does); ``check_unit: false`` marks a count whose unit the text only
implies.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from flows.cli_extract import load_tables
from tasks.extract import parse_figures

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = json.loads((ROOT / "tests" / "golden" / "seed_article.json").read_text(encoding="utf-8"))
TEXT = (ROOT / GOLDEN["article"]).read_text(encoding="utf-8")
REGIONS, METRICS = load_tables(ROOT / "raw" / "tables")


@pytest.fixture(scope="module")
def figures():
    return parse_figures(TEXT, GOLDEN["pub_date"], regions=REGIONS, metrics=METRICS)


def _find(figures, gold):
    """The engine's figure for a golden quote: same kind and value, overlapping the quote."""
    q = gold["quote"]
    starts, pos = [], TEXT.find(q)
    while pos != -1:
        starts.append(pos)
        pos = TEXT.find(q, pos + 1)
    assert starts, f"quote not in the article: {q!r}"
    for f in figures:
        for s in starts:
            if f.start < s + len(q) and s < f.end and f.kind == gold["kind"] \
                    and abs(float(f.value) - gold["value"]) <= 0.005 * abs(gold["value"]):
                return f
    return None


def test_every_figure_found_and_nothing_else(figures):
    matched = {id(_find(figures, g)) for g in GOLDEN["figures"]}
    extra = [f.surface for f in figures if id(f) not in matched]
    missing = [g["quote"] for g in GOLDEN["figures"] if _find(figures, g) is None]
    assert not missing, f"missed: {missing}"
    assert not extra, f"not figures: {extra}"
    assert len(figures) == len(GOLDEN["figures"])


@pytest.mark.parametrize("gold", GOLDEN["figures"], ids=[g["quote"] for g in GOLDEN["figures"]])
def test_figure(figures, gold):
    f = _find(figures, gold)
    assert f is not None, f"missed {gold['quote']!r}"
    assert f.value == Decimal(str(gold["value"])) or abs(float(f.value) - gold["value"]) < 1e-6
    if gold.get("check_unit", True):
        assert f.unit == gold["unit"]
    assert f.qualifier == gold["qualifier"]
    if gold["period_start"] is not None:
        assert (f.period_start, f.period_end) == (gold["period_start"], gold["period_end"])
    if gold["region"] is not None:
        assert f.region == gold["region"]
    assert TEXT[f.start:f.end] == f.surface


@pytest.mark.parametrize("surface", GOLDEN["not_figures"])
def test_not_figures(figures, surface):
    hits = [m.start() for m in re.finditer(rf"(?<![\w.,]){re.escape(surface)}(?!\w|[.,]\d)", TEXT)]
    assert hits, f"not in the article: {surface!r}"
    for pos in hits:
        assert not any(f.start < pos + len(surface) and pos < f.end for f in figures)


def test_conversions_are_linked(figures):
    by_surface = {f.surface: f for f in figures}
    for a, b in (("4,000 yuan", "US$620"), ("3.94 billion yuan", "US$611 million")):
        fa, fb = by_surface[a], by_surface[b]
        assert (fa.link_seq, fa.link_type) == (fb.seq, "conversion")
        assert (fb.link_seq, fb.link_type) == (fa.seq, "conversion")
