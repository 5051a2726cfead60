"""The warehouse side of FX for every currency and ISO-coded regions: migration 0002 upgrades a
0001 warehouse in place, mart_region_year never holds two currencies for one region, metric
and year, and dim_region carries ISO 3166 codes when the regions frame has them."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pandas as pd
import pytest
from sqlalchemy import inspect, text

from tasks.normalise import normalise
from tests.warehouse_fixtures import (  # noqa: F401  (fixtures used by name)
    FIXTURE_SOURCE,
    article_row,
    curated_tables,
    figure_row,
    figures_frame,
    pg_test_schema_prefix,
    sha,
    warehouse,
    warehouse_url,
)
from warehouse.dictionary import view_doc
from warehouse.engine import get_engine
from warehouse.load import finish_run, load_run, start_run
from warehouse.migrate import current_revision, head_revision, revision_views, upgrade, view_names

VERSION = "test-fx"


def load(engine, articles: list[dict], figures: pd.DataFrame, tables=None):
    run_id = start_run(engine, f"flow-{uuid.uuid4()}", {}, VERSION)
    counts = load_run(engine, run={"run_id": run_id}, extractor_version=VERSION,
                      articles=pd.DataFrame(articles), figures=figures, claim_checks=None,
                      quarantine=None, tables=tables or curated_tables())
    finish_run(engine, run_id, "succeeded", counts)
    return counts


def query(engine, sql: str, **params) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), params)]


# --------------------------------------------------------------------------- the migration

def _fill_a_0001_warehouse(engine) -> None:
    """Rows as a 0001 warehouse holds them: a GBP and a CNY figure of one region, metric and year."""
    now = datetime(2026, 11, 30, tzinfo=timezone.utc)
    run = "(SELECT MAX(run_id) FROM etl_run)"
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO etl_run (started_at, status) VALUES (:t, 'succeeded')"), {"t": now})
        conn.execute(text("INSERT INTO dim_period (period_key, year, decade) VALUES (2021, 2021, 2020)"))
        conn.execute(text("INSERT INTO dim_region (name, level, source)"
                          " VALUES ('United Kingdom', 'country', 'ISO 3166-1')"))
        conn.execute(text("INSERT INTO dim_metric (\"key\", label, unit_family, source)"
                          " VALUES ('budget', 'Budget', 'money', 'lexicon')"))
        conn.execute(text(
            "INSERT INTO dim_article (article_hash, path, pub_date, pub_date_precision,"
            f" extractor_version, loaded_run_id) VALUES (:h, 'uk.txt', '2021', 'year', 'old', {run})"),
            {"h": "a" * 64})
        for seq, (surface, unit, value, cny) in enumerate([("£4bn", "GBP", 4e9, None),
                                                           ("35 billion yuan", "CNY", 35e9, 35e9)]):
            conn.execute(text(
                "INSERT INTO fct_figure (article_key, seq, start, \"end\", sentence, surface, kind, value,"
                " unit, qualifier, value_cny, period_start, period_end, region_key, metric_key,"
                " extractor_version, run_id) VALUES ((SELECT MAX(article_key) FROM dim_article), :seq,"
                " :s, :e, 0, :surface, 'money', :v, :u, 'exact', :cny, 2021, 2021,"
                " (SELECT MAX(region_key) FROM dim_region), (SELECT MAX(metric_key) FROM dim_metric),"
                f" 'old', {run})"),
                {"seq": seq, "s": 10 * seq, "e": 10 * seq + 5, "surface": surface, "v": value, "u": unit,
                 "cny": cny})


def test_the_migration_upgrades_a_0001_warehouse_in_place_keeping_its_rows(warehouse_url):
    url, schema = warehouse_url
    engine = get_engine(url, schema)
    try:
        assert upgrade(engine, "0001") == "0001"
        with engine.connect() as conn:
            before_cols = {c["name"] for c in inspect(conn).get_columns("mart_region_year")}
        # 0001 still creates the views it always did (kept in warehouse/migrations/views/0001)
        assert before_cols == {name for name, _ in view_doc("mart_region_year", revision_views("0001")).columns}
        _fill_a_0001_warehouse(engine)
        # a 0001 warehouse showed the pound figure as its own currency row beside the yuan row
        assert sorted(r[0] for r in query(engine, "SELECT unit FROM mart_region_year")) == ["CNY", "GBP"]

        assert upgrade(engine) == head_revision()
        with engine.connect() as conn:
            inspector = inspect(conn)
            figure_cols = {c["name"] for c in inspector.get_columns("fct_figure")}
            region_cols = {c["name"] for c in inspector.get_columns("dim_region")}
            assert set(inspector.get_view_names()) == set(view_names())
        assert {"fx_date", "fx_source", "unconverted_reason"} <= figure_cols
        assert {"iso_alpha2", "iso_alpha3", "iso_subdivision"} <= region_cols
        assert query(engine, "SELECT surface, value, unit, value_cny, fx_date, unconverted_reason"
                             " FROM fct_figure ORDER BY seq") == [
            ("£4bn", 4e9, "GBP", None, None, None), ("35 billion yuan", 35e9, "CNY", 35e9, None, None)]
        # the upgraded views: one money row for the region, metric and year
        rows = query(engine, "SELECT unit, figure_count, figure_avg, native_unit_count, unconverted_count"
                             " FROM mart_region_year")
        assert rows == [("CNY", 2, 35e9, 2, 1)]
        # and the upgraded warehouse takes a new load
        text_ = "Borrowing reached £60bn in 2021."
        figs = figures_frame([figure_row(text_, 0, "£60bn", "money", 60e9, "GBP", period_start=2021,
                                         period_end=2021)])
        tables = curated_tables()
        load(engine, [article_row(text_, "uk2.txt")],
             normalise(figs, tables["fx_rates.csv"], {sha(text_): "2021-03-03"}), tables)
        assert query(engine, "SELECT fx_source, fx_date FROM fct_figure WHERE surface = '£60bn'") == [
            ("ecb_day", "2021-03-03")]
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_the_migration_downgrades_to_0001_and_back(warehouse):
    from alembic import command

    from warehouse.migrate import alembic_config

    with warehouse.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    with warehouse.engine.connect() as conn:
        assert "iso_alpha2" not in {c["name"] for c in inspect(conn).get_columns("dim_region")}
        assert "fx_source" not in {c["name"] for c in inspect(conn).get_columns("fct_figure")}
        assert "native_unit" not in {c["name"] for c in inspect(conn).get_columns("mart_region_year")}
    assert upgrade(warehouse.engine) == head_revision()


# --------------------------------------------------------------------------- mart_region_year

MIXED = ("The region's budget was £2bn in 2022, officials said; the plan put it at $2.5bn, "
         "a third estimate said 17 billion yuan and a fourth Sh300bn.")


def mixed_figures() -> pd.DataFrame:
    rows = [figure_row(MIXED, i, surface, "money", value, unit, period_start=2022, period_end=2022,
                       region="Xinjiang", metric="gdp_per_capita")
            for i, (surface, value, unit) in enumerate([("£2bn", 2e9, "GBP"), ("$2.5bn", 2.5e9, "USD"),
                                                        ("17 billion yuan", 17e9, "CNY"),
                                                        ("Sh300bn", 3e11, "KES")])]
    tables = curated_tables()
    return normalise(figures_frame(rows), tables["fx_rates.csv"], {sha(MIXED): "2022-05-10"})


def test_one_currency_per_region_metric_and_year_in_mart_region_year(warehouse):
    figures = mixed_figures()
    load(warehouse.engine, [article_row(MIXED, "mixed.txt", pub_date="2022-05-10") | {
        "pub_date_precision": "day"}], figures)
    rows = query(warehouse.engine,
                 "SELECT region, metric, year, unit, figure_count, figure_avg, figure_avg_usd, native_unit,"
                 " native_unit_count, native_avg, unconverted_count FROM mart_region_year"
                 " WHERE year = 2022")
    assert len(rows) == 1
    region, metric, year, unit, count, avg_cny, avg_usd, native, n_native, native_avg, unconverted = rows[0]
    assert (region, metric, year, unit, count) == ("Xinjiang", "gdp_per_capita", 2022, "CNY", 4)
    converted = figures[figures["value_cny"].notna()]
    assert avg_cny == pytest.approx(converted["value_cny"].mean())
    assert avg_usd == pytest.approx(converted["value_usd"].mean())
    assert native is None and native_avg is None and n_native == 4
    assert unconverted == 1          # the shillings: no rate, counted, not mixed in
    # the pound figure converted at 10 May 2022's rate: about $1.23 to the pound
    pound = figures.iloc[0]
    assert pound["fx_date"] == "2022-05-10" and 2.4e9 < pound["value_usd"] < 2.5e9
    # and no query over the view finds two currencies for one region, metric and year
    assert query(warehouse.engine,
                 "SELECT region, metric, year FROM mart_region_year WHERE figure_count > 0"
                 " GROUP BY region, metric, year HAVING COUNT(*) > 1") == []


def test_money_in_one_currency_keeps_its_native_unit_and_mean_beside_the_yuan(warehouse):
    text_ = "Kashgar's budget was £2bn in 2022 and £2.2bn in a revised estimate."
    rows = [figure_row(text_, i, s, "money", v, "GBP", period_start=2022, period_end=2022,
                       region="Kashgar", metric="gdp_per_capita")
            for i, (s, v) in enumerate([("£2bn", 2e9), ("£2.2bn", 2.2e9)])]
    tables = curated_tables()
    figures = normalise(figures_frame(rows), tables["fx_rates.csv"], {sha(text_): "2022"})
    load(warehouse.engine, [article_row(text_, "k.txt", pub_date="2022")], figures)
    assert query(warehouse.engine, "SELECT unit, native_unit, native_avg, native_unit_count, figure_avg"
                                   " FROM mart_region_year WHERE region = 'Kashgar'") == [
        ("CNY", "GBP", pytest.approx(2.1e9), 1, pytest.approx(figures["value_cny"].mean()))]


def test_an_official_statistic_in_another_currency_is_compared_in_yuan(warehouse):
    tables = curated_tables()
    tables["fx_rates.csv"] = pd.concat([tables["fx_rates.csv"], pd.DataFrame([
        {"year": 2020, "currency": "GBP", "cny_per_unit": 8.8574, "source": FIXTURE_SOURCE}])])
    tables["official_series.csv"] = pd.DataFrame([
        {"region": "Kashgar", "metric": "gdp_per_capita", "year": 2020, "value": 2000.0, "unit": "GBP",
         "source": FIXTURE_SOURCE}])
    text_ = "Kashgar's per capita GDP was 18,000 yuan in 2020."
    figs = figures_frame([figure_row(text_, 0, "18,000 yuan", "money", 18000.0, "CNY", period_start=2020,
                                     period_end=2020, region="Kashgar", metric="gdp_per_capita")])
    load(warehouse.engine, [article_row(text_, "k.txt")],
         normalise(figs, tables["fx_rates.csv"], {sha(text_): "2021"}), tables)
    rows = query(warehouse.engine,
                 "SELECT unit, figure_avg, official_value, official_unit, official_published_value,"
                 " figure_vs_official FROM mart_region_year WHERE region = 'Kashgar'")
    assert rows == [("CNY", 18000.0, pytest.approx(2000 * 8.8574), "GBP", 2000.0,
                     pytest.approx(18000 / (2000 * 8.8574) - 1))]


# --------------------------------------------------------------------------- dim_region ISO codes

def test_dim_region_loads_iso_codes_when_the_regions_frame_has_them(warehouse):
    tables = curated_tables()
    regions = tables["regions.csv"].assign(iso_alpha2=["CN", None, None], iso_alpha3=["CHN", None, None],
                                           iso_subdivision=[None, "CN-XJ", None])
    text_ = "China has 31 provinces."
    article = [article_row(text_, "c.txt")]
    figures = figures_frame([figure_row(text_, 0, "31 provinces", "quantity", 31.0, "province",
                                        region="China", metric="gdp_per_capita", period_start=2021)])
    load(warehouse.engine, article, figures, tables | {"regions.csv": regions})
    assert query(warehouse.engine, "SELECT name, iso_alpha2, iso_alpha3, iso_subdivision FROM dim_region"
                                   " ORDER BY name") == [
        ("China", "CN", "CHN", None), ("Kashgar", None, None, None), ("Xinjiang", None, None, "CN-XJ")]
    # curated rows without the columns leave the codes a fuller gazetteer gave
    load(warehouse.engine, article, figures)
    assert query(warehouse.engine, "SELECT iso_alpha3 FROM dim_region WHERE name = 'China'") == [("CHN",)]
    assert query(warehouse.engine, "SELECT region_iso_alpha3 FROM mart_region_year"
                                   " WHERE region = 'China' AND year = 2021") == [("CHN",)]
    assert query(warehouse.engine, "SELECT region_iso_alpha2 FROM mart_figures") == [("CN",)]


def test_a_conversion_in_parentheses_is_counted_once_in_mart_region_year(warehouse):
    text_ = "Kashgar paid each worker 4,000 yuan (US$620) in 2021."
    rows = [figure_row(text_, 0, "4,000 yuan", "money", 4000.0, "CNY", link_seq=1, link_type="conversion"),
            figure_row(text_, 1, "US$620", "money", 620.0, "USD", link_seq=0, link_type="conversion")]
    for r in rows:
        r.update(period_start=2021, period_end=2021, region="Kashgar", metric="gdp_per_capita")
    tables = curated_tables()
    load(warehouse.engine, [article_row(text_, "k.txt")],
         normalise(figures_frame(rows), tables["fx_rates.csv"], {sha(text_): "2021"}), tables)
    assert query(warehouse.engine, "SELECT figure_count, figure_avg, native_unit FROM mart_region_year"
                                   " WHERE region = 'Kashgar'") == [(1, 4000.0, "CNY")]
