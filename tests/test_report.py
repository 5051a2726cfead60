"""The HTML report: its pure parts on small inputs, then the whole page in a real Chromium.

The browser test drives Debian's ``chromium`` over the DevTools protocol (``websockets``,
which Prefect already depends on): the page must load without console errors, show one
highlight per figure the warehouse holds for the article, and draw its charts. A screenshot
is kept in ``tests/artifacts/``.
"""
from __future__ import annotations

import base64
import bisect
import html
import json
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

import report.build
from report.annotate import Highlight, annotate, figure_verdict, nest, sentence_context
from report.build import ReportError, bin_case, build_report, quality_link, read_article_texts, read_index
from report.charts import (
    RATIO_GAP_EDGES,
    gdp_chart,
    gdp_series,
    money_bins_frame,
    money_chart,
    money_points,
    money_summary_chart,
    ratio_chart,
    ratio_gap_chart,
    ratio_gap_labels,
    verdict_chart,
)
from report.page import _json_for_script, article_headline, claim_verdicts, fill, human_number, ratio_rows
from tasks.claims import check_claims
from tasks.normalise import normalise
from tests.warehouse_fixtures import (  # noqa: F401  (pytest fixtures)
    FIXTURE_SOURCE,
    SECOND_TEXT,
    SEED_TEXT,
    article_row,
    figure_row,
    figures_frame,
    many_figures,
    pg_test_schema_prefix,
    seed_batch,
    sha,
    warehouse,
    warehouse_url,
    with_text_cues,
)
from warehouse.engine import get_engine
from warehouse.load import load_run

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SEED_PATH = "scmp-xinjiang-pairing-assistance.txt"

# Figures of the seed article as it states them (surface, kind, value, unit, qualifier, period,
# region, metric); stand-in for the extractor so the report's test does not depend on it.
SEED_FIGURES = [
    ("nearly 30 billion yuan", "money", 3e10, "CNY", "at_most", (1997, 2010), "Xinjiang", "pairing_investment"),
    ("263.69 billion", "money", 263.69e9, "CNY", "exact", (2014, 2014), "Xinjiang", "transfer_payments"),
    ("422.48 billion yuan", "money", 422.48e9, "CNY", "exact", (2019, 2019), "Xinjiang", "transfer_payments"),
    ("more than 2.3 trillion yuan", "money", 2.3e12, "CNY", "at_least", (2014, 2019), "Xinjiang", "pairing_investment"),
    ("4,000 yuan", "money", 4000.0, "CNY", "exact", (2019, 2019), "Guangdong", "subsidy"),
    ("US$620", "money", 620.0, "USD", "exact", (2019, 2019), "Guangdong", "subsidy"),
    ("151,000 labourers", "quantity", 151000.0, "labourer", "exact", (2018, 2020), "Xinjiang", None),
    ("114,700", "quantity", 114700.0, "labourer", "exact", (2018, 2020), "Xinjiang", None),
    ("3.94 billion yuan", "money", 3.94e9, "CNY", "exact", (2020, 2020), "Tumshuq", "investment"),
    ("US$611 million", "money", 611e6, "USD", "exact", (2020, 2020), "Tumshuq", "investment"),
    ("4,168 employees", "quantity", 4168.0, "employee", "exact", (None, None), "Tumshuq", None),
    ("39,959 yuan", "money", 39959.0, "CNY", "exact", (2015, 2015), "Xinjiang", "per_capita_gdp"),
    ("about 81 per cent", "percent", 81.0, "percent", "approx", (2015, 2015), "Xinjiang", None),
    ("49,351 yuan", "money", 49351.0, "CNY", "exact", (2015, 2015), "China", "per_capita_gdp"),
    ("54,280 yuan", "money", 54280.0, "CNY", "exact", (2019, 2019), "Xinjiang", "per_capita_gdp"),
    ("76 per cent", "percent", 76.0, "percent", "exact", (2019, 2019), "Xinjiang", None),
    ("53,593 yuan", "money", 53593.0, "CNY", "exact", (2020, 2020), "Xinjiang", "per_capita_gdp"),
    ("74 per cent", "percent", 74.0, "percent", "exact", (2020, 2020), "Xinjiang", None),
]
SEED_LINKS = [("4,000 yuan", "US$620", "conversion"), ("3.94 billion yuan", "US$611 million", "conversion"),
              ("263.69 billion", "422.48 billion yuan", "range")]


# --------------------------------------------------------------------------- helpers


class _Tags(HTMLParser):
    """Collects marks and checks that every element closes in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.marks: list[dict] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "mark":
            self.marks.append(dict(attrs))

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unbalanced </{tag}>")

    def handle_data(self, data):
        self.text.append(data)


def parse(fragment: str) -> _Tags:
    p = _Tags()
    p.feed(fragment)
    p.close()
    assert not p.errors and not p.stack, (p.errors, p.stack)
    return p


def mark_ids(fragment: str) -> list[int]:
    return [int(m["data-figure-id"]) for m in parse(fragment).marks]


# --------------------------------------------------------------------------- annotate


def test_a_figure_becomes_one_mark_with_its_id_and_verdict_class():
    t = "Per capita GDP was 53,593 yuan in 2020."
    out = annotate(t, [Highlight(41, t.index("53,593"), t.index(" in 2020"), "consistent")])
    assert '<mark class="fig v-consistent" data-figure-id="41" tabindex="0">53,593 yuan</mark>' in out
    assert out.startswith("Per capita GDP was ") and out.endswith(" in 2020.")


def test_text_is_escaped_inside_and_outside_marks():
    t = 'Cost <script>alert("x")</script> & "5 < 6" yuan'
    start = t.index('"5')
    out = annotate(t, [Highlight(1, start, len(t))])
    assert "<script>" not in out and "&lt;script&gt;" in out and "&amp;" in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == t
    assert mark_ids(out) == [1]


def test_text_that_looks_like_markup_stays_text():
    t = 'He typed data-figure-id="5" and </mark> for 12 yuan'
    out = annotate(t, [Highlight(5, t.index("12 yuan"), len(t))], id_prefix="fig-")
    assert mark_ids(out) == [5] and out.count('id="fig-5"') == 1
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == t


def test_adjacent_figures_are_two_sibling_marks():
    t = "4,000 yuanUS$620"
    out = annotate(t, [Highlight(1, 0, 10), Highlight(2, 10, 16)])
    assert out.count("</mark><mark") == 1
    assert mark_ids(out) == [1, 2]


def test_a_figure_inside_another_is_nested():
    t = "from 263.69 billion to 422.48 billion yuan"
    whole = Highlight(1, 0, len(t))
    inner = Highlight(2, t.index("422.48"), len(t))
    out = annotate(t, [inner, whole])
    assert mark_ids(out) == [1, 2]
    assert out.endswith("</mark></mark>")


def test_crossing_figures_keep_one_mark_each_the_later_clipped():
    t = "abcdefghij"
    roots = nest([Highlight(1, 0, 6), Highlight(2, 4, 9)])
    assert [(n.highlight.figure_id, n.start, n.end) for n in roots] == [(1, 0, 6), (2, 6, 9)]
    out = annotate(t, [Highlight(1, 0, 6), Highlight(2, 4, 9)])
    assert mark_ids(out) == [1, 2]
    assert 'data-figure-id="2" tabindex="0" data-clipped="true">ghi</mark>' in out


def test_furniture_is_greyed_and_never_splits_a_mark():
    t = "Advertisement\nGDP rose 5 per cent.\n03:36\nPaid 4,000 yuan\n"
    spans = [(0, 13), (t.index("03:36"), t.index("03:36") + 5)]
    fig = Highlight(7, t.index("5 per cent"), t.index("5 per cent") + 10, "inconsistent")
    out = annotate(t, [fig], spans)
    assert '<span class="furniture">Advertisement</span>' in out
    assert '<span class="furniture">03:36</span>' in out
    assert mark_ids(out) == [7]
    # A figure inside furniture is still one mark, greyed itself.
    in_furniture = annotate(t, [Highlight(3, 5, 9)], [(0, 13)])
    assert '<mark class="fig v-none furniture" data-figure-id="3"' in in_furniture
    assert in_furniture.startswith('<span class="furniture">Adver</span><mark ')
    assert '<span class="furniture">tise</span></mark><span class="furniture">ment</span>' in in_furniture


def test_a_span_outside_the_text_names_the_figure():
    with pytest.raises(ValueError, match=r"figure 9: span \[5, 50\)"):
        annotate("short text", [Highlight(9, 5, 50)])


def test_a_figure_with_several_checks_takes_the_worst_verdict():
    assert figure_verdict(["consistent", "unverifiable"]) == "consistent"
    assert figure_verdict(["consistent", "inconsistent"]) == "inconsistent"
    assert figure_verdict(["unverifiable"]) == "unverifiable"
    assert figure_verdict([]) == "none"


@st.composite
def text_and_spans(draw):
    t = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\n.é"), min_size=1, max_size=60))
    n = draw(st.integers(0, 6))
    spans = set()
    for _ in range(n):
        s = draw(st.integers(0, len(t) - 1))
        e = draw(st.integers(s + 1, len(t)))
        spans.add((s, e))
    furniture = draw(st.lists(st.tuples(st.integers(0, len(t)), st.integers(0, len(t))), max_size=3))
    furniture = sorted({(min(a, b), max(a, b)) for a, b in furniture})
    merged: list[tuple[int, int]] = []
    for s, e in furniture:  # furniture_spans() returns non-overlapping spans
        if merged and s < merged[-1][1]:
            continue
        merged.append((s, e))
    return t, sorted(spans), merged


@settings(max_examples=300, deadline=None)
@given(text_and_spans())
def test_any_spans_give_balanced_html_one_mark_each_and_the_text_unchanged(case):
    t, spans, furniture = case
    hs = [Highlight(i, s, e) for i, (s, e) in enumerate(spans)]
    out = annotate(t, hs, furniture)
    p = parse(out)
    assert sorted(int(m["data-figure-id"]) for m in p.marks) == list(range(len(hs)))
    assert "".join(p.text) == t


def test_sentence_context_shows_the_claim_in_its_sentence():
    t = "First one. In 2015, it was 39,959 yuan – or about 81 per cent of China's. Next."
    s = t.index("81 per cent")
    before, surface, after = sentence_context(t, s, s + 11)
    assert (before, surface, after) == ("In 2015, it was 39,959 yuan – or about ", "81 per cent", " of China's.")


# --------------------------------------------------------------------------- charts


def _region_year() -> pd.DataFrame:
    """Rows shaped like mart_region_year (the values are the fixture's, not statistics)."""
    cols = ["region", "metric", "metric_label", "year", "unit", "figure_count", "figure_avg",
            "official_value", "official_source"]
    return pd.DataFrame([
        ["China", "per_capita_gdp", "Per capita GDP", 2019, "CNY", 0, None, 70000.0, "test"],
        ["Xinjiang", "per_capita_gdp", "Per capita GDP", 2019, "CNY", 1, 54000.0, 54000.0, "test"],
        ["Xinjiang", "per_capita_gdp", "Per capita GDP", 2020, "CNY", 1, 53000.0, None, None],
        ["Xinjiang", "gdp_per_capita_ratio", "Ratio", 2020, "percent", 1, 74.0, None, None],
        ["Xinjiang", "transfer_payments", "Transfers", 2019, "CNY", 1, 4e11, None, None],
    ], columns=cols)


def test_gdp_chart_puts_official_and_article_values_of_each_region_in_its_data():
    data = gdp_series(_region_year())
    assert set(map(tuple, data[["region", "year", "series"]].values)) == {
        ("China", 2019, "official statistic"),
        ("Xinjiang", 2019, "official statistic"),
        ("Xinjiang", 2019, "stated in the article"),
        ("Xinjiang", 2020, "stated in the article"),
    }
    spec = gdp_chart(_region_year())
    assert len(spec["data"]["values"]) == 4
    assert spec["layer"][1]["mark"]["shape"] == "diamond"
    json.dumps(spec, allow_nan=False)  # what the page embeds must be strict JSON


def test_gdp_chart_matches_either_metric_key_spelling():
    ry = _region_year().replace({"metric": {"per_capita_gdp": "gdp_per_capita"},
                                 "metric_label": {"Per capita GDP": "GDP per capita"}})
    assert gdp_series(ry).equals(gdp_series(_region_year()))
    assert len(gdp_series(ry)) == 4


def test_gdp_chart_marks_a_stated_ratio_under_the_figure_it_is_about():
    ratios = pd.DataFrame([
        {"year": 2019, "region": "Xinjiang", "surface": "76 per cent", "observed": 76.0,
         "expected": 76.57, "verdict": "inconsistent", "explanation": ""},
        {"year": 2018, "region": "Xinjiang", "surface": "70 per cent", "observed": 70.0,
         "expected": 70.0, "verdict": "consistent", "explanation": ""},  # no 2018 value: no label
    ])
    spec = gdp_chart(_region_year(), ratios)
    labels = [layer for layer in spec["layer"] if layer["mark"]["type"] == "text"][-1]
    assert labels["data"]["values"] == [
        {"year": 2019, "value": 54000.0, "text": "76% ✗", "verdict_label": "does not hold"}]
    assert all(layer["mark"]["type"] != "text" for layer in gdp_chart(_region_year())["layer"])


def test_a_ratio_without_its_own_year_takes_the_year_of_its_evidence_figure():
    figures = pd.DataFrame({"article_key": [1, 1], "seq": [0, 1], "figure_key": [10, 11],
                            "period_start": [2019, None], "period_end": [2019, None],
                            "region": ["Xinjiang", None]})
    checks = pd.DataFrame([{"check_type": "stated_ratio", "article_key": 1, "seq": 1, "evidence_seq": 0,
                            "surface": "76 per cent", "observed": 76.0, "expected": 76.6,
                            "verdict": "consistent", "explanation": "x"},
                           {"check_type": "conversion", "article_key": 1, "seq": 0, "evidence_seq": None,
                            "surface": "x", "observed": 1.0, "expected": 1.0, "verdict": "consistent",
                            "explanation": "y"}])
    rows = ratio_rows(checks, figures)
    assert rows[["year", "region", "surface"]].values.tolist() == [[2019, "Xinjiang", "76 per cent"]]


def test_ratio_chart_shows_stated_against_computed_per_cent():
    ratios = pd.DataFrame([{"year": 2019, "region": "Xinjiang", "surface": "76 per cent",
                            "observed": 76.0, "expected": 76.57, "verdict": "inconsistent",
                            "explanation": "54,280 / 70,892 = 76.57 %"}])
    spec = ratio_chart(ratios)
    [row] = spec["data"]["values"]
    assert (row["stated"], row["computed"], row["verdict_label"]) == (76.0, 76.57, "does not hold")
    assert ratio_chart(ratios.iloc[0:0]) is None


def _figures(**over) -> pd.DataFrame:
    base = {"figure_key": [1, 2, 3], "seq": [0, 1, 2], "kind": ["money", "money", "percent"],
            "value_cny": [4000.0, 4000.0, None], "link_seq": [1, 0, None],
            "link_type": ["conversion", "conversion", None], "metric_label": [None, None, None],
            "period_start": [2019, 2019, None], "period_end": [2019, 2019, None],
            "surface": ["4,000 yuan", "US$620", "74 per cent"], "qualifier": ["exact"] * 3,
            "region": [None, None, None]}
    base.update(over)
    return pd.DataFrame(base).astype({"link_seq": "Int64", "period_start": "Int64", "period_end": "Int64"})


def test_money_chart_draws_a_converted_amount_once():
    pts = money_points(_figures())
    assert pts["surface"].tolist() == ["4,000 yuan"]
    assert pts["period"].tolist() == ["2019"] and pts["metric_label"].tolist() == ["(no metric)"]
    assert money_chart(_figures())["encoding"]["x"]["scale"]["type"] == "log"
    assert money_chart(_figures(kind=["percent"] * 3)) is None


def test_verdict_chart_counts_checks_per_type_and_verdict():
    checks = pd.DataFrame({"check_type": ["conversion", "conversion", "stated_ratio"],
                           "verdict": ["consistent", "consistent", "inconsistent"]})
    values = verdict_chart(checks)["data"]["values"]
    assert {(v["check_type_label"], v["verdict_label"], v["n"]) for v in values} == {
        ("Currency conversion", "holds", 2), ("Stated ratio", "does not hold", 1)}
    assert verdict_chart(checks.iloc[0:0]) is None


def test_verdict_chart_draws_counts_made_in_sql_as_it_draws_single_checks():
    checks = pd.DataFrame({"check_type": ["conversion", "conversion", "stated_ratio"],
                           "verdict": ["consistent", "consistent", "inconsistent"]})
    counted = pd.DataFrame({"check_type": ["conversion", "stated_ratio"],
                            "verdict": ["consistent", "inconsistent"], "n": [2, 1]})
    assert verdict_chart(counted)["data"]["values"] == verdict_chart(checks)["data"]["values"]


def test_many_money_figures_are_counted_per_metric_and_power_of_ten():
    bins = pd.DataFrame({
        "metric_label": ["GDP", "GDP", "wages", None] + [f"m{i:02d}" for i in range(12)],
        "decade": [9, 12, 3, 6] + [6] * 12,
        "n": [40, 2, 30, 5] + [1] * 12,
    })
    frame = money_bins_frame(bins)
    # 15 metrics: the 12 largest get a row each, largest first; the other 3 share one.
    rows = list(dict.fromkeys(frame["metric_label"]))
    assert rows == ["GDP", "wages", "(no metric)", *[f"m{i:02d}" for i in range(9)], "3 other metrics"]
    gdp = frame[(frame["metric_label"] == "GDP") & (frame["decade"] == 9)].iloc[0]
    assert (gdp["n"], gdp["range"]) == (40, "1 billion – 10 billion yuan")
    assert gdp["mid"] == pytest.approx(10 ** 9.5) and gdp["share"] == pytest.approx(40 / 42)
    assert frame.loc[frame["metric_label"] == "3 other metrics", "n"].tolist() == [3]
    spec = money_summary_chart(bins)
    assert spec["encoding"]["x"]["scale"]["type"] == "log" and spec["encoding"]["size"]["field"] == "n"
    assert sum(v["n"] for v in spec["data"]["values"]) == 89 and "All 89 money amounts" in spec["title"]["subtitle"][0]
    json.dumps(spec, allow_nan=False)
    assert money_summary_chart(bins.iloc[0:0]) is None


def test_many_stated_ratios_are_counted_by_how_far_off_they_are():
    gaps = pd.DataFrame({"gap_bin": [6, 0, 0, None], "n": [3, 5, 1, 4],
                         "verdict": ["consistent", "inconsistent", "inconsistent", "unverifiable"]})
    spec = ratio_gap_chart(gaps)
    assert {(v["gap"], v["verdict_label"], v["n"]) for v in spec["data"]["values"]} == {
        ("−1 to +1", "holds", 3), ("below −50", "does not hold", 6)}
    assert spec["encoding"]["x"]["scale"]["domain"] == ratio_gap_labels()
    assert "All 13 stated ratios" in spec["title"]["subtitle"][0]
    assert "4 more had nothing to compare with" in spec["title"]["subtitle"][-1]
    assert ratio_gap_chart(gaps.iloc[0:0]) is None


def test_sql_bins_put_a_value_on_an_edge_in_the_bin_above_it():
    edges = list(RATIO_GAP_EDGES)
    values = [-1e6, -50.0, -50.000001, -1.0, 0.0, 0.999999, 1.0, 49.9, 50.0, 1e9]
    with sqlite3.connect(":memory:") as db:
        got = [db.execute(f"SELECT {bin_case('?', edges)}", (v, v, v, v, v, v, v, v, v, v, v, v, v))
               .fetchone()[0] for v in values]
        assert db.execute(f"SELECT {bin_case('NULL', edges)}").fetchone()[0] is None
    assert got == [bisect.bisect_right(edges, v) for v in values]


# --------------------------------------------------------------------------- page pieces


def test_data_islands_cannot_close_their_script_element():
    out = _json_for_script({"surface": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"surface": "</script><script>alert(1)</script> & <!--"}


def test_template_markers_must_all_be_filled():
    assert fill("<b>{{ a }}</b>{{b}}", {"a": "1", "b": "{{ a }}"}) == "<b>1</b>{{ a }}"
    with pytest.raises(KeyError, match="no value for b"):
        fill("{{ a }}{{ b }}", {"a": ""})


def test_headline_says_how_many_claims_hold():
    line = article_headline(38, pd.Series(["consistent"] * 6 + ["inconsistent"] * 2 + ["unverifiable"]))
    assert re.sub("<[^>]+>", "", line) == (
        "38 figures found; 9 claims checked: 6 hold, 2 do not hold, 1 cannot be verified.")
    assert re.sub("<[^>]+>", "", article_headline(1, pd.Series([], dtype=str))) == (
        "1 figure found; no claim could be checked.")


def test_human_numbers():
    assert [human_number(v) for v in (2.3e12, 263.69e9, 611e6, 53593, 7855.06, 6.4516)] == [
        "2.3 trillion", "263.69 billion", "611 million", "53,593", "7,855", "6.45"]


# --------------------------------------------------------------------------- from a warehouse


def _raw_dir(tmp_path: Path) -> Path:
    raw = tmp_path / "raw_articles"
    raw.mkdir()
    (raw / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    (raw / "second.txt").write_text(SECOND_TEXT, encoding="utf-8")
    return raw


def _figure_count(engine, path: str) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT COUNT(*) FROM mart_figures WHERE article_path = :p"),
                            {"p": path}).scalar_one()


def _article_block(page: str, path: str) -> str:
    """The <article> element of the article at ``path`` (found by its meta line)."""
    for block in re.findall(r'<article class="article"[^>]*>.*?</article>', page, flags=re.S):
        if html.escape(path) in block:
            return block
    raise AssertionError(f"no article section for {path}")


@pytest.fixture
def loaded(warehouse, tmp_path):
    load_run(warehouse.engine, run={}, extractor_version="test", **seed_batch())
    return warehouse, _raw_dir(tmp_path)


def test_report_highlights_every_figure_of_each_article_and_lists_every_check(loaded, tmp_path):
    wh, raw = loaded
    out = build_report(wh.engine, tmp_path / "report")
    page = out.read_text(encoding="utf-8")
    assert out == tmp_path / "report" / "index.html"
    for path in ("seed.txt", "second.txt"):
        block = _article_block(page, path)
        assert len(re.findall(r"data-figure-id=", block)) == _figure_count(wh.engine, path) > 0
    with wh.engine.connect() as conn:
        keys = set(conn.execute(text("SELECT figure_key FROM mart_figures")).scalars())
        n_claims = conn.execute(text(
            "SELECT COUNT(*) FROM (SELECT DISTINCT article_key, seq FROM mart_claim_checks) AS c")).scalar_one()
    assert {int(k) for k in re.findall(r'data-figure-id="(\d+)"', page)} == keys
    assert page.count('<tr class="r-') == n_claims  # one row per checked figure
    # The fixture's two checks hold; the headline says so before anything else.
    headline = re.search(r'<p class="headline" id="headline">(.*?)<span', page, re.S).group(1)
    assert re.sub("<[^>]+>", "", headline).strip() == (
        f"2 articles: {len(keys)} figures found; 2 claims checked: 2 hold.")
    # Quarantine rows with their reasons, and no network fetch anywhere.
    assert "fx_rates.csv row 3, column cny_per_unit: -1 is not &gt; 0" in page
    assert not re.search(r'<script[^>]*\bsrc=|<link[^>]*\bhref="?https?:', page)


def test_report_shows_the_text_the_warehouse_holds_whatever_became_of_the_file(loaded, tmp_path):
    wh, raw = loaded
    (raw / "seed.txt").write_text(SEED_TEXT.replace("4,168", "9,999"), encoding="utf-8")
    (raw / "second.txt").unlink()
    page = build_report(wh.engine, tmp_path / "report").read_text(encoding="utf-8")
    block = _article_block(page, "seed.txt")
    assert "4,168" in block and "9,999" not in block
    assert len(re.findall(r"data-figure-id=", _article_block(page, "second.txt"))) == \
        _figure_count(wh.engine, "second.txt") > 0


def test_an_article_loaded_before_texts_were_kept_is_listed_without_context_saying_why(loaded, tmp_path):
    wh, _ = loaded
    with wh.engine.begin() as conn:
        conn.execute(text("UPDATE dim_article SET text = NULL WHERE path = 'seed.txt'"))
    block = _article_block(build_report(wh.engine, tmp_path / "report").read_text(encoding="utf-8"), "seed.txt")
    assert "holds no text for this article" in block and "--full-refresh" in block
    # Still one element per figure, listed without context.
    assert len(re.findall(r"data-figure-id=", block)) == _figure_count(wh.engine, "seed.txt")


def test_an_unmigrated_warehouse_is_refused_with_the_reason(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    with pytest.raises(ReportError, match=r"no warehouse at .*empty\.db"):
        build_report(engine, tmp_path / "report")
    assert not (tmp_path / "empty.db").exists()  # not created by looking for it
    with engine.connect():
        pass  # now an empty database file exists
    with pytest.raises(ReportError, match=r"has no mart_figures.*figures db upgrade"):
        build_report(engine, tmp_path / "report")
    assert not (tmp_path / "report" / "index.html").exists()


def test_a_view_missing_a_column_is_named(loaded, tmp_path):
    wh, raw = loaded
    with wh.engine.begin() as conn:
        conn.exec_driver_sql("DROP VIEW mart_region_year")
        conn.exec_driver_sql("CREATE VIEW mart_region_year AS SELECT 1 AS region")
    with pytest.raises(ReportError, match=r"mart_region_year has no column metric, metric_label"):
        build_report(wh.engine, tmp_path / "report")


def test_quality_link_is_relative_from_the_report_folder(tmp_path):
    docs = tmp_path / "warehouse" / "quality"
    docs.mkdir(parents=True)
    (docs / "index.html").write_text("<html></html>")
    link = quality_link(tmp_path / "warehouse" / "quality", tmp_path / "warehouse" / "report")
    assert link.href == "../quality/index.html"
    assert quality_link(tmp_path / "nowhere", tmp_path).href is None


def test_article_text_is_the_one_the_pipeline_decoded_and_loaded(warehouse, tmp_path):
    from tasks.read_raw import article_frame, read_article

    (tmp_path / "a.txt").write_bytes("\ufeffAdvertisement\nGDP 5 yuan".encode("utf-8"))
    articles = article_frame([read_article(tmp_path / "a.txt", tmp_path, 1_000)], pd.DataFrame())
    load_run(warehouse.engine, run={}, extractor_version="test", articles=articles,
             figures=figures_frame([figure_row(articles["text"].iloc[0], 0, "5 yuan", "money", 5.0, "CNY")])
             .assign(article_hash=articles["article_hash"].iloc[0]))
    with warehouse.engine.connect() as conn:
        key = conn.execute(text("SELECT article_key FROM dim_article")).scalar_one()
        art = read_article_texts(conn, [key])["a.txt"]
    assert art.text == "Advertisement\nGDP 5 yuan" and art.furniture == [(0, 13)]


def test_cli_report_builds_from_a_warehouse_url(loaded, tmp_path, monkeypatch, capsys):
    from flows.cli_report import report

    wh, raw = loaded
    if wh.schema:
        monkeypatch.setenv("WAREHOUSE_SCHEMA", wh.schema)
    monkeypatch.setenv("RAW_ROOT", str(raw.parent))
    (raw.parent / "articles").symlink_to(raw)
    path = report(tmp_path / "out", wh.url)
    assert path == tmp_path / "out" / "index.html" and path.is_file()
    assert str(path) in capsys.readouterr().out


def test_cli_report_annotates_as_many_articles_as_asked(loaded, tmp_path, monkeypatch, capsys):
    from flows.cli_report import report

    wh, raw = loaded
    if wh.schema:
        monkeypatch.setenv("WAREHOUSE_SCHEMA", wh.schema)
    monkeypatch.setenv("RAW_ROOT", str(raw.parent))
    (raw.parent / "articles").symlink_to(raw)
    annotated = lambda page: len(re.findall(r'<article class="article"', page))  # noqa: E731
    assert annotated(report(tmp_path / "one", wh.url, articles=1).read_text(encoding="utf-8")) == 1
    assert annotated(report(tmp_path / "all", wh.url, all_articles=True).read_text(encoding="utf-8")) == 2
    none = report(tmp_path / "none", wh.url, articles=0).read_text(encoding="utf-8")
    assert annotated(none) == 0 and "Showing <b>0</b> of <b>2</b> articles annotated" in none


THIRD_TEXT = ("Hotan's per capita GDP was 40,000 yuan in 2020, or 60 per cent of the national figure. "
              "Officials said 500 million yuan (US$80 million) was spent.")


def third_article_batch() -> dict:
    """load_run arguments for an article whose claims fail or cannot be verified (as the
    fixture's and the seed's all hold): hand-made checks, not the checker's."""
    h = sha(THIRD_TEXT)
    figures = figures_frame([
        figure_row(THIRD_TEXT, 0, "40,000 yuan", "money", 4e4, "CNY", period_start=2020, period_end=2020,
                   region="Hotan", metric="gdp_per_capita", value_cny=4e4, fx_rate=1.0, fx_year=2020),
        figure_row(THIRD_TEXT, 1, "60 per cent", "percent", 60.0, "percent", period_start=2020,
                   period_end=2020, region="Hotan"),
        figure_row(THIRD_TEXT, 2, "500 million yuan", "money", 5e8, "CNY", link_seq=3, link_type="conversion",
                   value_cny=5e8, fx_rate=1.0, fx_year=2022),
        figure_row(THIRD_TEXT, 3, "US$80 million", "money", 8e7, "USD", link_seq=2, link_type="conversion",
                   value_cny=8e7 * 6.73, fx_rate=6.73, fx_year=2022),
    ])
    check = lambda seq, kind, verdict, observed, expected, evidence_seq: {  # noqa: E731
        "article_hash": h, "seq": seq, "check_type": kind, "verdict": verdict, "observed": observed,
        "expected": expected, "rel_diff": None if expected is None else observed / expected - 1,
        "tolerance": 0.01, "explanation": f"test check of figure {seq}", "evidence_seq": evidence_seq,
        "evidence_source": FIXTURE_SOURCE}
    checks = pd.DataFrame([
        check(1, "stated_ratio", "inconsistent", 60.0, 55.56, 0),
        check(3, "conversion", "inconsistent", 6.25, 6.73, 2),
        check(0, "official_series", "unverifiable", 4e4, None, None),
    ]).astype({"evidence_seq": "Int64", "expected": "float64", "rel_diff": "float64"})
    return {"articles": pd.DataFrame([article_row(THIRD_TEXT, "third.txt", "Hotan", pub_date="2022")]),
            "figures": figures, "claim_checks": checks}


@pytest.fixture
def three_runs(loaded):
    """The fixture's two articles (run 1), the real seed article with its checks (run 2), and
    an article whose claims fail (run 3)."""
    wh, raw = loaded
    load_run(wh.engine, run={}, extractor_version="test", **seed_article_batch())
    load_run(wh.engine, run={}, extractor_version="test", **third_article_batch())
    (raw / SEED_PATH).write_bytes((ROOT / "raw" / "articles" / SEED_PATH).read_bytes())
    (raw / "third.txt").write_text(THIRD_TEXT, encoding="utf-8")
    return wh, raw


def _rows(engine, sql: str) -> pd.DataFrame:
    with engine.connect() as conn:
        return pd.read_sql(text(sql), conn)


def _charts_json(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="charts-json">(.*?)</script>',
                                page, re.S).group(1))


def test_the_article_index_counts_in_sql_what_the_rows_say(three_runs):
    wh, _ = three_runs
    with wh.engine.connect() as conn:
        index, totals = read_index(conn)
    figures = _rows(wh.engine, "SELECT article_key FROM mart_figures")
    checks = _rows(wh.engine, "SELECT article_key, seq, verdict FROM mart_claim_checks")
    verdicts = claim_verdicts(checks)
    # The latest load first, then the newest publication date ("2021" before "2020-05-01").
    assert index["path"].tolist() == ["third.txt", SEED_PATH, "seed.txt", "second.txt"]
    for a in index.itertuples(index=False):
        mine = verdicts[verdicts.index.get_level_values(0) == a.article_key]
        assert a.figures == (figures["article_key"] == a.article_key).sum()
        assert (a.claims, a.consistent, a.inconsistent, a.unverifiable) == (
            len(mine), *((mine == v).sum() for v in ("consistent", "inconsistent", "unverifiable")))
    assert (totals.articles, totals.figures, totals.checks) == (4, len(figures), len(checks))
    assert totals.claims == verdicts.value_counts().to_dict()
    assert set(totals.claims) == {"consistent", "inconsistent", "unverifiable"}  # a real mix


def test_only_the_first_articles_are_annotated_and_every_article_is_listed(three_runs, tmp_path):
    wh, raw = three_runs
    page = build_report(wh.engine, tmp_path / "report", articles_shown=2).read_text(encoding="utf-8")
    # The two latest loads' articles are annotated, with every figure they have and no other.
    assert len(re.findall(r'<article class="article"', page)) == 2
    shown = _rows(wh.engine, "SELECT figure_key, article_path FROM mart_figures "
                             f"WHERE article_path IN ('third.txt', '{SEED_PATH}')")
    assert {int(k) for k in re.findall(r'data-figure-id="(\d+)"', page)} == set(shown["figure_key"])
    for path, n in (("third.txt", 4), (SEED_PATH, len(SEED_FIGURES))):
        assert len(re.findall(r"data-figure-id=", _article_block(page, path))) == n
    # Every article is in the index, the annotated ones linked, with the note saying so.
    index = re.search(r'<table class="index" id="article-index">.*?</table>', page, re.S).group(0)
    assert len(re.findall(r"<tr[ >]", index)) == 1 + 4  # the header row and one per article
    assert index.count('href="#article-') == 2
    for title in ("Hotan", "China&#x27;s Xinjiang gets money", "Kashgar", "pairing assistance"):
        assert title in index
    assert "Showing <b>2</b> of <b>4</b> articles annotated" in page
    assert "figures report --articles N" in page
    # The headline still counts the whole warehouse.
    headline = re.sub("<[^>]+>", "", re.search(r'id="headline">(.*?)<span', page, re.S).group(1)).strip()
    n_figures = len(_rows(wh.engine, "SELECT figure_key FROM mart_figures"))
    assert headline.startswith(f"4 articles: {n_figures} figures found;")
    # A claim links to its highlight only where that highlight is on the page.
    for target in re.findall(r'href="#fig-(\d+)"', page):
        assert f'id="fig-{target}"' in page
    assert "(not annotated below)" in page  # the fixture's claims, whose article is not shown


def test_the_articles_of_the_claims_are_annotated_first_so_every_claim_links_to_its_article(loaded, tmp_path):
    wh, raw = loaded
    # the article whose claims fail is loaded first; the latest load is the seed article
    load_run(wh.engine, run={}, extractor_version="test", **third_article_batch())
    load_run(wh.engine, run={}, extractor_version="test", **seed_article_batch())
    (raw / SEED_PATH).write_bytes((ROOT / "raw" / "articles" / SEED_PATH).read_bytes())
    (raw / "third.txt").write_text(THIRD_TEXT, encoding="utf-8")
    claim_articles = set(_rows(wh.engine, "SELECT DISTINCT article_key FROM mart_claim_checks")["article_key"])
    articles = _rows(wh.engine, "SELECT article_key, path FROM dim_article")
    assert 1 < len(claim_articles) < len(articles)  # some articles have no claim

    page = build_report(wh.engine, tmp_path / "report",
                        articles_shown=len(claim_articles)).read_text(encoding="utf-8")
    annotated = {int(k) for k in re.findall(r'<article class="article" id="article-(\d+)"', page)}
    assert annotated == {int(k) for k in claim_articles}
    assert "(not annotated below)" not in page
    for target in re.findall(r'href="#article-(\d+)"', page):
        assert f'id="article-{target}"' in page
    # one article only: the one whose claim does not hold, though an older load
    page = build_report(wh.engine, tmp_path / "one", articles_shown=1).read_text(encoding="utf-8")
    third = int(articles.loc[articles["path"] == "third.txt", "article_key"].iloc[0])
    assert re.findall(r'<article class="article" id="article-(\d+)"', page) == [str(third)]


def test_a_capped_claims_table_shows_the_failing_claims_and_counts_the_rest(three_runs, tmp_path):
    wh, raw = three_runs
    page = build_report(wh.engine, tmp_path / "report", claims_shown=1).read_text(encoding="utf-8")
    verdicts = claim_verdicts(_rows(wh.engine, "SELECT article_key, seq, verdict FROM mart_claim_checks"))
    counts = verdicts.value_counts()
    assert counts["inconsistent"] == 2 and counts["unverifiable"] == 1
    assert re.findall(r'<tr class="r-(\w+)">', page) == ["inconsistent"]
    note = re.sub("<[^>]+>", "", re.search(r'<p class="note">Showing.*?</p>', page, re.S).group(0))
    assert note.startswith(f"Showing 1 of {len(verdicts)} claims, those that do not hold first. Not shown: "
                           f"1 that does not hold, {counts['consistent']} that hold and 1 that cannot be verified;")


def test_many_figures_are_charted_as_counts_made_in_sql(warehouse, tmp_path, monkeypatch):
    load_run(warehouse.engine, run={}, extractor_version="test", **many_figures(60, 10))
    assert report.build.MONEY_POINTS_MAX < 600
    page = build_report(warehouse.engine, tmp_path / "report").read_text(encoding="utf-8")
    money = _charts_json(page)["money"]
    assert money["title"]["text"] == "Money figures by metric: how large they are"
    # Each article states 1,000 ... 10,000 yuan: nine amounts below 10,000, one exactly on it.
    assert {(v["metric_label"], v["decade"], v["n"]) for v in money["data"]["values"]} == {
        ("GDP per capita", 3, 540), ("GDP per capita", 4, 60)}
    assert len(re.findall(r'<article class="article"', page)) == report.build.ARTICLES_SHOWN == 50
    assert "Showing <b>50</b> of <b>60</b> articles annotated" in page


def test_many_stated_ratios_are_charted_by_their_gap_counted_in_sql(three_runs, tmp_path, monkeypatch):
    wh, raw = three_runs
    monkeypatch.setattr(report.build, "RATIO_POINTS_MAX", 0)
    page = build_report(wh.engine, tmp_path / "report").read_text(encoding="utf-8")
    ratios = _rows(wh.engine, "SELECT observed, expected, verdict FROM mart_claim_checks "
                              "WHERE check_type = 'stated_ratio'")
    assert len(ratios) > 0
    labels = ratio_gap_labels()
    expected: dict[tuple[str, str], int] = {}
    for r in ratios.itertuples(index=False):
        if not pd.isna(r.expected):
            key = (labels[bisect.bisect_right(RATIO_GAP_EDGES, r.observed - r.expected)], r.verdict)
            expected[key] = expected.get(key, 0) + 1
    spec = _charts_json(page)["ratios"]
    assert {(v["gap"], v["verdict"]): v["n"] for v in spec["data"]["values"]} == expected


# --------------------------------------------------------------------------- in a real browser


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if found := shutil.which(name):
            return found
    return None


class DevTools:
    """Just enough of the Chrome DevTools Protocol: one page, commands, collected events."""

    FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--remote-debugging-port=0")

    def __init__(self, binary: str):
        from websockets.sync.client import connect

        self.profile = tempfile.mkdtemp(prefix="report-chromium-")
        self.proc = subprocess.Popen([binary, *self.FLAGS, f"--user-data-dir={self.profile}",
                                      "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and len(port_file.read_text().split()) >= 2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"{binary} did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().split()[:2]
        self.ws = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=10)
        self.next_id = 0
        self.events: list[dict] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

    def call(self, method: str, session: bool = False, timeout: float = 30, **params):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + timeout
        while True:
            reply = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def page(self, method: str, **params):
        return self.call(method, session=True, **params)

    def evaluate(self, expression: str):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True)
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(0.1)
        return False

    def errors(self) -> list[str]:
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e.get("method") == "Runtime.exceptionThrown":
                d = p["exceptionDetails"]
                out.append(f"uncaught: {d.get('exception', {}).get('description') or d.get('text')}")
            elif e.get("method") == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console.error: " + " ".join(str(a.get("value", a.get("description")))
                                                         for a in p.get("args", [])))
            elif e.get("method") == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(f"log: {p['entry']['text']} {p['entry'].get('url', '')}")
        return out

    def fetched(self) -> list[str]:
        """URLs the page requested other than itself (file:, data:, blob: and about: are local)."""
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"
                and not e["params"]["request"]["url"].startswith(("file:", "data:", "blob:", "about:"))]

    def screenshot(self, path: Path, full_page: bool = True) -> None:
        params = {"format": "png"}
        if full_page:
            size = self.page("Page.getLayoutMetrics")["cssContentSize"]
            params.update(captureBeyondViewport=True,
                          clip={"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1})
        path.write_bytes(base64.b64decode(self.page("Page.captureScreenshot", **params)["data"]))

    def close(self) -> None:
        try:
            if getattr(self, "ws", None):
                self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


def open_in_chromium(page_path: Path, width: int = 1280, height: int = 900) -> DevTools:
    binary = _chromium()
    if binary is None:
        pytest.skip("no chromium on PATH: install Debian's with `apt-get install -y chromium`")
    browser = DevTools(binary)
    try:
        browser.page("Runtime.enable")
        browser.page("Log.enable")
        browser.page("Page.enable")
        browser.page("Network.enable")
        browser.page("Emulation.setDeviceMetricsOverride", width=width, height=height,
                     deviceScaleFactor=1, mobile=False)
        browser.page("Page.navigate", url=page_path.resolve().as_uri())
        assert browser.wait_for("document.readyState === 'complete'"), "the page never finished loading"
    except BaseException:
        browser.close()
        raise
    return browser


def test_report_on_a_narrow_screen_shows_details_in_a_popup(loaded, tmp_path):
    wh, raw = loaded
    browser = open_in_chromium(build_report(wh.engine, tmp_path / "report"), width=420)
    try:
        browser.evaluate("document.querySelector('mark.fig.v-consistent[data-figure-id]').click()")
        card = browser.evaluate("getComputedStyle(document.getElementById('pop')).display !== 'none' && "
                                "document.getElementById('pop').innerText")
        assert card and "53,593 yuan" in card and "holds" in card
        assert browser.evaluate("document.documentElement.scrollWidth") <= 420  # nothing overflows
        assert browser.errors() == []
    finally:
        browser.close()


def seed_article_batch() -> dict:
    """load_run arguments for the real seed article: its figures, normalised and checked by
    the project's own modules against raw/tables' official series and exchange rates."""
    text_ = (ROOT / "raw" / "articles" / SEED_PATH).read_text(encoding="utf-8")
    sentence_ends = [m.end() for m in re.finditer(r"[.!?][\"”’]?\s+|\n+", text_)]
    rows = []
    for seq, (surface, kind, value, unit, qualifier, (ps, pe), region, metric) in enumerate(SEED_FIGURES):
        row = figure_row(text_, seq, surface, kind, value, unit, qualifier=qualifier, period_start=ps,
                         period_end=pe, region=region, metric=metric)
        row["sentence"] = sum(e <= row["start"] for e in sentence_ends)
        rows.append(row)
    seq_of = {r["surface"]: r["seq"] for r in rows}
    for a, b, kind in SEED_LINKS:
        rows[seq_of[a]].update(link_seq=seq_of[b], link_type=kind)
        rows[seq_of[b]].update(link_seq=seq_of[a], link_type=kind)
    article = article_row(text_, SEED_PATH, "China's Xinjiang gets money, talent from 'pairing assistance'")
    fx = pd.read_csv(ROOT / "raw" / "tables" / "fx_rates.csv")
    official = pd.read_csv(ROOT / "raw" / "tables" / "official_series.csv")
    regions = pd.DataFrame([{"name": n, "aliases": None, "level": lvl, "parent": p, "source": FIXTURE_SOURCE}
                            for n, lvl, p in (("China", "country", None), ("Xinjiang", "province", "China"),
                                              ("Guangdong", "province", "China"), ("Tumshuq", "city", "Xinjiang"))])
    metrics = pd.DataFrame([{"key": k, "label": k.replace("_", " ").capitalize(), "unit_family": "money",
                             "triggers": k, "source": FIXTURE_SOURCE}
                            for k in sorted({m for *_, m in SEED_FIGURES if m} | set(official["metric"]))])
    pub_year = {article["article_hash"]: 2021}
    figures = normalise(figures_frame(rows), fx, pub_year)
    checks = check_claims(with_text_cues(figures, text_), official, fx, pub_year, regions=regions)
    return {"articles": pd.DataFrame([article]), "figures": figures, "claim_checks": checks,
            "tables": {"regions.csv": regions, "metrics.csv": metrics, "fx_rates.csv": fx,
                       "official_series.csv": official}}


def test_seed_article_report_in_headless_chromium(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'figures.db'}")
    from warehouse.migrate import upgrade

    upgrade(engine)
    load_run(engine, run={}, extractor_version="test", **seed_article_batch())
    started = time.perf_counter()
    out = build_report(engine, tmp_path / "report")
    build_seconds = time.perf_counter() - started
    page = out.read_text(encoding="utf-8")
    # Claims that do not hold come first in the table.
    order = {"inconsistent": 0, "consistent": 1, "unverifiable": 2}
    rows = [order[v] for v in re.findall(r'<tr class="r-(\w+)">', page)]
    assert rows and rows == sorted(rows)
    browser = open_in_chromium(out)
    try:
        drawn = ("document.querySelectorAll('.vega').length === 4 && Array.from(document.querySelectorAll('.vega'))"
                 ".every(el => el.querySelectorAll('svg .mark-symbol path, svg .mark-rect path').length > 0)")
        assert browser.wait_for(drawn), "the four charts (GDP, ratios, verdicts, money) were not all drawn"
        assert browser.evaluate("document.querySelectorAll('[data-figure-id]').length") == len(SEED_FIGURES)
        assert browser.evaluate(
            "Array.from(document.querySelectorAll('.article-text .furniture')).map(e => e.textContent)"
            ".filter(t => t === 'Advertisement').length") == 2
        ARTIFACTS.mkdir(exist_ok=True)
        browser.screenshot(ARTIFACTS / "report-seed.png")
        assert browser.errors() == []
        assert browser.fetched() == []  # self-contained: nothing from the network
    finally:
        browser.close()
    assert build_seconds < 5


def test_report_in_headless_chromium(loaded, tmp_path):
    wh, raw = loaded
    out = build_report(wh.engine, tmp_path / "report")
    browser = open_in_chromium(out)
    try:
        charts = browser.evaluate("document.querySelectorAll('.vega').length")
        drawn = ("Array.from(document.querySelectorAll('.vega')).every(el => "
                 "el.querySelector('svg') && el.querySelectorAll('svg path, svg line, svg rect').length > 5)")
        assert charts >= 2 and browser.wait_for(drawn), "the charts were not drawn"
        assert browser.evaluate("document.querySelectorAll('.vega svg .mark-symbol path').length") > 0
        # One highlight per figure of the seed article, in the rendered DOM.
        count = browser.evaluate(
            "Array.from(document.querySelectorAll('article.article')).find(a => "
            "a.querySelector('.meta').textContent.includes('seed.txt'))"
            ".querySelectorAll('[data-figure-id]').length")
        assert count == _figure_count(wh.engine, "seed.txt")
        # Clicking a figure pins its details beside the text: value, period and its verdict.
        browser.evaluate("document.querySelector('mark.fig.v-consistent[data-figure-id]').click()")
        card = browser.evaluate("document.querySelector('mark.pinned').closest('article')"
                                ".querySelector('.fig-panel').innerText")
        assert "53,593 yuan" in card and "holds" in card and "2020" in card
        ARTIFACTS.mkdir(exist_ok=True)
        browser.screenshot(ARTIFACTS / "report-fixture.png")
        assert (ARTIFACTS / "report-fixture.png").stat().st_size > 10_000
        assert browser.errors() == []
    finally:
        browser.close()


def test_a_large_report_in_headless_chromium_lists_filters_and_annotates(warehouse, tmp_path, monkeypatch):
    monkeypatch.setattr(report.build, "BATCH", 20)  # several data islands of figure details
    batch = many_figures(60, 10)
    raw = tmp_path / "raw"
    for path in batch["articles"]["path"]:
        n = int(Path(path).stem)
        body = " ".join(f"Item {i} cost {i + 1},000 yuan." for i in range(10))
        (raw / path).parent.mkdir(parents=True, exist_ok=True)
        (raw / path).write_text(f"Synthetic article {n}. {body}", encoding="utf-8")
    load_run(warehouse.engine, run={}, extractor_version="test", **batch)
    out = build_report(warehouse.engine, tmp_path / "report", articles_shown=45)
    browser = open_in_chromium(out)
    try:
        assert browser.evaluate("document.querySelectorAll('article.article').length") == 45
        per_article = browser.evaluate("Array.from(document.querySelectorAll('article.article'))"
                                       ".map(a => a.querySelectorAll('.article-text [data-figure-id]').length)")
        assert per_article == [10] * 45
        assert browser.evaluate("document.querySelectorAll('#article-index tbody tr').length") == 60
        # Typing in the filter (any case; the file path counts too) leaves the matching article only.
        visible = ("(() => { const f = document.getElementById('index-filter'); f.value = 'SYNTHETIC/00007';"
                   " f.dispatchEvent(new Event('input'));"
                   " return Array.from(document.querySelectorAll('#article-index tbody tr'))"
                   ".filter(r => !r.hidden).map(r => r.cells[0].textContent); })()")
        assert browser.evaluate(visible) == ["Synthetic 7"]
        # A click on a column sorts by it; a second click reverses.
        first = ("(() => { document.querySelector('#article-index th').click();"
                 " return document.querySelector('#article-index tbody tr').cells[0].textContent; })()")
        assert browser.evaluate(first) == "Synthetic 0"
        assert browser.evaluate(first) == "Synthetic 9"
        # The last article's figures come from the last data island: their details still show.
        assert browser.evaluate("document.querySelectorAll('script.figures-json').length") == 3
        browser.evaluate("Array.from(document.querySelectorAll('article.article')).pop()"
                         ".querySelector('mark.fig[data-figure-id]').click()")
        card = browser.evaluate("document.querySelector('mark.pinned').closest('article')"
                                ".querySelector('.fig-panel').innerText")
        assert "1,000 yuan" in card
        assert browser.errors() == []
    finally:
        browser.close()


# --------------------------------------------------------------------------- hostile files and links


def _build_in_time(engine, out: Path, raw: Path, fifo: Path | None = None, seconds: float = 60) -> str:
    """The page, or a failure if building it takes longer than `seconds` (a hung read)."""
    import threading

    done: dict = {}
    thread = threading.Thread(target=lambda: done.update(page=build_report(engine, out)),
                              daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:
            with fifo.open("wb"):  # give the stuck reader its end of file so the thread ends
                pass
        thread.join(10)
        pytest.fail(f"the report was still being built after {seconds} s")
    return done["page"].read_text(encoding="utf-8")


def test_an_article_replaced_by_a_pipe_since_its_load_neither_hangs_the_report_nor_is_read(loaded, tmp_path):
    import os

    wh, raw = loaded
    (raw / "seed.txt").unlink()
    os.mkfifo(raw / "seed.txt")
    page = _build_in_time(wh.engine, tmp_path / "report", raw, fifo=raw / "seed.txt")
    block = _article_block(page, "seed.txt")
    # the text is the warehouse's: the pipe is never opened, and the figures are shown in place
    assert "4,168" in block and "not a regular file" not in block
    assert len(re.findall(r"data-figure-id=", block)) == _figure_count(wh.engine, "seed.txt")


def test_an_article_replaced_by_a_link_to_an_endless_device_is_not_read(loaded, tmp_path):
    wh, raw = loaded
    (raw / "second.txt").unlink()
    (raw / "second.txt").symlink_to("/dev/zero")
    page = _build_in_time(wh.engine, tmp_path / "report", raw)
    block = _article_block(page, "second.txt")
    assert "resolves outside" not in block
    assert len(re.findall(r"data-figure-id=", block)) == _figure_count(wh.engine, "second.txt") > 0


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JavaScript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "vbscript:msgbox(1)", "//evil.example/x", "file:///etc/passwd"])
def test_only_http_article_urls_become_links_anything_else_is_escaped_text(warehouse, tmp_path, url):
    batch = seed_batch()
    batch["articles"].loc[0, "url"] = url
    batch["articles"].loc[1, "url"] = "https://www.scmp.com/economy/article/1"
    load_run(warehouse.engine, run={}, extractor_version="test", **batch)
    page = build_report(warehouse.engine, tmp_path / "report").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert "https://www.scmp.com/economy/article/1" in hrefs
    scheme = url.strip().split(":")[0].replace("\t", "").lower()
    assert not [h for h in hrefs if html.unescape(h).replace("\t", "").strip().lower().startswith(
        (scheme + ":", "//"))], hrefs
    block = _article_block(page, "seed.txt")
    assert html.escape(url, quote=True) in block and "<script>alert" not in page
