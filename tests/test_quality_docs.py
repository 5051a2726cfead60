"""The data-quality docs a person opens after a run: offline, and counted over the rows loaded.

GX sees only the rows that may fail, so every number on the page that says how many rows an
expectation covered comes from the database; the page itself needs no network.
"""
from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import text

from tests.warehouse_fixtures import (  # noqa: F401  (fixtures used by name)
    pg_test_schema_prefix,
    seed_batch,
    warehouse,
    warehouse_url,
)
from warehouse.engine import redact_url
from warehouse.load import finish_run, load_run, start_run
from warehouse.quality import run_checkpoint

VERSION = "test-1"


def load(engine) -> int:
    run_id = start_run(engine, f"flow-{uuid.uuid4()}", {}, VERSION)
    counts = load_run(engine, run={"run_id": run_id}, extractor_version=VERSION, **seed_batch())
    finish_run(engine, run_id, "succeeded", counts)
    return run_id


def scalar(engine, sql: str, **params):
    with engine.connect() as conn:
        return conn.scalar(text(sql), params)


def remote_references(page: str) -> list[str]:
    """Scripts, stylesheets, fonts and images the page would fetch from the network."""
    return (re.findall(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=[\"']?(?:https?:)?//[^>]*>", page, re.I)
            + re.findall(r"(?:@import|url\()\s*[\"']?(?:https?:)?//[^)\"';]*", page, re.I))


def row_of(page: str, expectation_text: str) -> list[str]:
    """The cells of the expectation's row, as text."""
    [row] = [r for r in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S) if expectation_text in r]
    return [re.sub(r"<[^>]+>", " ", cell).split() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_the_docs_need_no_network_and_count_the_rows_the_run_loaded(warehouse, tmp_path):
    run_id = load(warehouse.engine)
    result = run_checkpoint(warehouse.engine, run_id, tmp_path / "quality")
    page = result.docs_path.read_text(encoding="utf-8")
    assert result.docs_path == tmp_path / "quality" / "index.html"
    assert remote_references(page) == []
    assert "<script" not in page and "NaN" not in page
    figures = scalar(warehouse.engine, "SELECT count(*) FROM fct_figure WHERE run_id = :r", r=run_id)
    articles = scalar(warehouse.engine, "SELECT count(*) FROM dim_article WHERE loaded_run_id = :r",
                      r=run_id)
    assert figures > 0 and articles > 0
    assert re.search(rf'<code>fct_figure</code></td><td class="n">{figures}</td>', page)
    assert re.search(rf'<code>dim_article</code></td><td class="n">{articles}</td>', page)
    # every figure of the run is covered by its not-null checks, and all of them hold
    assert row_of(page, "figure_key is not null")[2:5] == [[str(figures)], ["0"], ["100.0", "%"]]
    assert f"Run {run_id}:" in page and f"etl_run {run_id}" in page
    assert redact_url(warehouse.engine.url) in page


def test_a_failing_expectation_shows_its_share_of_the_rows_it_covers(warehouse, tmp_path):
    run_id = load(warehouse.engine)
    with warehouse.engine.begin() as conn:
        conn.execute(text("UPDATE fct_figure SET value = 250000 WHERE surface = '74 per cent'"))
    result = run_checkpoint(warehouse.engine, run_id, tmp_path / "quality")
    page = result.docs_path.read_text(encoding="utf-8")
    percents = scalar(warehouse.engine,
                      "SELECT count(*) FROM fct_figure WHERE run_id = :r AND kind = 'percent'", r=run_id)
    assert percents >= 2  # so the share is neither 0 nor 100
    cells = row_of(page, "value ≥ -100 and ≤ 10,000")
    assert cells[1] == ["where", "kind", "=", "percent"]
    assert cells[2:4] == [[str(percents)], ["1"]]
    assert cells[4] == [f"{100 * (percents - 1) / percents:.1f}", "%"]
    assert cells[5] == ["fails"]
    assert "e.g. 250000.0" in " ".join(cells[0])  # the value that breaks it
    assert "FAILED" in page


def test_the_index_lists_every_kept_run_and_links_its_own_page(warehouse, tmp_path):
    docs = tmp_path / "quality"
    runs = [load(warehouse.engine) for _ in range(3)]
    for run_id in runs:
        run_checkpoint(warehouse.engine, run_id, docs, keep_runs=2)
    index = (docs / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'href="runs/etl_run_(\d+)\.html"', index)
    assert listed == [str(runs[2]), str(runs[1])]  # newest first; the oldest pruned
    assert sorted(p.name for p in (docs / "runs").iterdir()) == sorted(
        f"etl_run_{r}.{ext}" for r in runs[1:] for ext in ("html", "json"))
    assert f"Run {runs[2]}:" in index  # the index opens on the newest run
    own = (docs / "runs" / f"etl_run_{runs[1]}.html").read_text(encoding="utf-8")
    assert f"Run {runs[1]}:" in own and 'href="../index.html"' in own


def test_the_site_gx_built_before_is_removed(warehouse, tmp_path):
    old = tmp_path / "quality" / "gx" / "uncommitted" / "data_docs" / "local_site"
    old.mkdir(parents=True)
    (old / "index.html").write_text('<link href="https://cdn.example/bootstrap.css">')
    run_checkpoint(warehouse.engine, load(warehouse.engine), tmp_path / "quality")
    assert not old.exists()


def test_the_docs_open_offline_in_chromium(warehouse, tmp_path):
    if warehouse.dialect != "sqlite":
        pytest.skip("the page is the same on PostgreSQL")
    from tests.test_report import open_in_chromium

    run_id = load(warehouse.engine)
    docs = run_checkpoint(warehouse.engine, run_id, tmp_path / "quality").docs_path
    browser = open_in_chromium(docs)
    try:
        shown = browser.evaluate("document.querySelector('#rows').innerText")
        figures = scalar(warehouse.engine, "SELECT count(*) FROM fct_figure WHERE run_id = :r", r=run_id)
        assert re.search(rf"fct_figure\s+{figures}\b", shown)
        assert browser.evaluate("document.querySelectorAll('#fct_figure tbody tr').length") > 10
        assert browser.fetched() == [] and browser.errors() == []
    finally:
        browser.close()
