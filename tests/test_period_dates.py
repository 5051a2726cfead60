"""A figure's period in the warehouse: its years (the scoring interface), its first and last
day and its granularity, and DATE columns that BI tools draw time series from without casts."""
from __future__ import annotations

import uuid

import pandas as pd
import pytest
from sqlalchemy import text

from schemas.figures import ExtractedFigures
from tasks.process_batch import CuratedInputs, process_batch
from tasks.read_raw import RawArticle, article_frame, content_hash
from tests.warehouse_fixtures import curated_tables, pg_test_schema_prefix, warehouse, warehouse_url  # noqa: F401  (fixtures used by name)
from warehouse.load import finish_run, load_run, start_run

QUARTERLY = "Xinjiang's exports rose 5 per cent to 40 billion yuan in the third quarter of 2021."
UNDATED = "Kashgar's GDP grew 6 per cent last year."


def load_texts(engine, texts: dict[str, tuple[str, str | None]]) -> None:
    """Each text (path -> (text, pub_date)) through the batch steps and the load, as a run does."""
    arts = [RawArticle(path, content_hash(t.encode()), t, "utf-8") for path, (t, _) in texts.items()]
    meta = pd.DataFrame([{"path": p, "title": p, "publisher": None, "url": None, "pub_date": d,
                          "pub_date_precision": {None: "unknown", 4: "year", 10: "day"}[len(d) if d else None],
                          "source": "a test"} for p, (_, d) in texts.items()])
    articles = article_frame(arts, meta)
    tables = curated_tables()
    result = process_batch(arts, dict(zip(articles["article_hash"], articles["pub_date"])),
                           CuratedInputs.from_tables(tables))
    run = start_run(engine, f"flow-{uuid.uuid4()}", {}, "test")
    counts = load_run(engine, run={"run_id": run}, extractor_version="test", articles=articles,
                      figures=result.figures, claim_checks=result.checks, quarantine=result.rejected,
                      tables=tables)
    finish_run(engine, run, "succeeded", counts)


def rows(engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql))]


def test_a_quarterly_figure_reaches_mart_figures_with_its_quarter_and_days(warehouse):
    load_texts(warehouse.engine, {"q.txt": (QUARTERLY, "2021-11-02")})
    got = rows(warehouse.engine, "SELECT surface, period_start, period_end, period_granularity, "
                                 "period_first_day, period_last_day, pub_date, pub_date_text "
                                 "FROM mart_figures ORDER BY seq")
    assert [tuple(str(v) for v in r) for r in got] == [
        ("5 per cent", "2021", "2021", "quarter", "2021-07-01", "2021-09-30", "2021-11-02", "2021-11-02"),
        ("40 billion yuan", "2021", "2021", "quarter", "2021-07-01", "2021-09-30", "2021-11-02", "2021-11-02")]


def test_an_undated_articles_last_year_stays_null_days_and_all(warehouse):
    load_texts(warehouse.engine, {"u.txt": (UNDATED, None)})
    assert rows(warehouse.engine, "SELECT period_start, period_granularity, period_first_day, pub_date "
                                  "FROM mart_figures") == [(None, None, None, None)]


def test_an_undated_articles_last_year_stays_null_beside_a_year_it_writes(warehouse):
    load_texts(warehouse.engine, {"u2.txt": ("Kashgar's GDP grew 7 per cent in 2023 and 6 per cent last year.", None)})
    got = rows(warehouse.engine, "SELECT surface, period_start, period_end, period_first_day FROM mart_figures ORDER BY seq")
    assert [tuple(None if v is None else str(v) for v in r) for r in got] == [
        ("7 per cent", "2023", "2023", "2023-01-01"), ("6 per cent", None, None, None)]


def test_a_year_only_publication_date_is_the_first_day_of_that_year(warehouse):
    load_texts(warehouse.engine, {"y.txt": (QUARTERLY, "2021")})
    assert {(str(d), t) for d, t in rows(warehouse.engine, "SELECT pub_date, pub_date_text FROM mart_figures")} == {
        ("2021-01-01", "2021")}
    assert {str(r[0]) for r in rows(warehouse.engine, "SELECT first_day FROM dim_period WHERE year = 2021")} == {
        "2021-01-01"}


def test_the_marts_date_columns_are_dates_to_the_database(warehouse):
    load_texts(warehouse.engine, {"q.txt": (QUARTERLY, "2021-11-02")})
    wanted = {("mart_figures", "pub_date"), ("mart_figures", "period_first_day"),
              ("mart_figures", "period_last_day"), ("mart_claim_checks", "pub_date"),
              ("mart_region_year", "year_first_day")}
    if warehouse.engine.dialect.name == "postgresql":
        types = {(t, c): d for t, c, d in rows(warehouse.engine,
                 "SELECT table_name, column_name, data_type FROM information_schema.columns "
                 "WHERE table_schema = current_schema()")}
        assert {types[w] for w in wanted} == {"date"}
    else:
        for view, column in wanted:
            declared = {r[1]: r[2] for r in rows(warehouse.engine, f"PRAGMA table_info({view})")}
            assert declared[column] == "DATE", (view, column)


def _frame(**period) -> pd.DataFrame:
    base = {"article_hash": "a" * 64, "seq": 0, "start": 0, "end": 5, "surface": "5 per cent", "sentence": 0,
            "kind": "percent", "value": 5.0, "unit": "percent", "qualifier": "exact", "region": None,
            "metric": None, "link_seq": None, "link_type": None, "period_start": 2021, "period_end": 2021,
            "period_granularity": "quarter", "period_first_day": "2021-07-01", "period_last_day": "2021-09-30"}
    frame = pd.DataFrame([{**base, **period}])
    return frame.astype({"period_start": "Int64", "period_end": "Int64", "link_seq": "Int64"})


@pytest.mark.parametrize("period", [
    {"period_first_day": "2021-10-01", "period_last_day": "2021-09-30"},   # ends before it starts
    {"period_first_day": "2020-07-01"},                                      # outside its years
    {"period_start": None, "period_end": None},                              # days of no period
])
def test_the_schema_refuses_days_that_do_not_bound_the_periods_years(period):
    import pandera.errors

    with pytest.raises(pandera.errors.SchemaError, match="period_days_bound_its_years"):
        ExtractedFigures.validate(_frame(**period))


def test_the_schema_takes_a_period_whose_days_bound_its_years():
    assert len(ExtractedFigures.validate(_frame())) == 1
