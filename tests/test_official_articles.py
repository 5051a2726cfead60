"""Official articles (a statistical communiqué marked `official` in articles.csv) feed
fct_official_stat: each figure with a region, a lexicon metric and one year, with the bulletin,
sentence and span as its source. official_series.csv rows win where both give a value."""
from __future__ import annotations

import uuid

import pandas as pd
import pytest
from sqlalchemy import text

from tests.warehouse_fixtures import (  # noqa: F401  (fixtures used by name)
    article_row, curated_tables, figure_row, figures_frame, pg_test_schema_prefix, sha, warehouse,
    warehouse_url)
from warehouse.load import finish_run, load_run, start_run

BULLETIN = ("Statistical communique of Kashgar on 2020. Kashgar's per capita GDP was 31,000 yuan in 2020. "
            "Xinjiang's per capita GDP reached 53,600 yuan in 2020. More than 100 new firms opened in 2020.")


def bulletin_figures(text_: str = BULLETIN, kashgar: float = 31000.0) -> pd.DataFrame:
    return figures_frame([
        figure_row(text_, 0, f"{kashgar:,.0f} yuan", "money", kashgar, "CNY", period_start=2020, period_end=2020,
                   region="Kashgar", metric="gdp_per_capita"),
        figure_row(text_, 1, "53,600 yuan", "money", 53600.0, "CNY", period_start=2020, period_end=2020,
                   region="Xinjiang", metric="gdp_per_capita"),
        # a bound is not a value, and a metric the lexicon does not know is not a statistic
        figure_row(text_, 2, "More than 100 new firms", "quantity", 100.0, "firms", qualifier="at_least",
                   period_start=2020, period_end=2020, region="Kashgar", metric="new firms"),
    ])


def load(engine, source_type: str, text_: str = BULLETIN, path: str = "kashgar-2020.txt") -> dict:
    article = {**article_row(text_, path, "Kashgar statistical communique 2020"), "source_type": source_type}
    run = start_run(engine, f"flow-{uuid.uuid4()}", {}, "test")
    counts = load_run(engine, run={"run_id": run}, extractor_version="test",
                      articles=pd.DataFrame([article]), figures=bulletin_figures(text_),
                      claim_checks=None, quarantine=None, tables=curated_tables())
    finish_run(engine, run, "succeeded", counts)
    return counts


def official(engine) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT r.name, m.\"key\", o.year, o.value, o.figure_key IS NOT NULL, o.source "
            "FROM fct_official_stat o JOIN dim_region r ON r.region_key = o.region_key "
            "JOIN dim_metric m ON m.metric_key = o.metric_key ORDER BY r.name, o.year"))]


def test_an_official_articles_figures_become_official_statistics_citing_their_sentence(warehouse):
    assert load(warehouse.engine, "official")["official_stats_from_articles"] == 1
    rows = official(warehouse.engine)
    kashgar = [r for r in rows if r[0] == "Kashgar"]
    assert [r[:5] for r in kashgar] == [("Kashgar", "gdp_per_capita", 2020, 31000.0, True)]
    assert kashgar[0][5] == ("Kashgar statistical communique 2020 (kashgar-2020.txt), sentence 2, "
                             f"characters {BULLETIN.index('31,000')}-{BULLETIN.index('31,000') + 11}: 31,000 yuan")


def test_the_curated_series_wins_where_both_give_a_value(warehouse):
    load(warehouse.engine, "official")
    xinjiang = [r for r in official(warehouse.engine) if r[0] == "Xinjiang"]
    # official_series.csv's 53,593 stays; the bulletin's 53,600 is not a second row
    assert [r[:5] for r in xinjiang] == [("Xinjiang", "gdp_per_capita", 2020, 53593.0, False)]


def test_the_same_article_marked_news_adds_no_official_statistic(warehouse):
    assert load(warehouse.engine, "news")["official_stats_from_articles"] == 0
    assert not any(r[4] for r in official(warehouse.engine))


def test_a_reloaded_bulletin_replaces_what_it_said_before(warehouse):
    load(warehouse.engine, "official")
    revised = BULLETIN.replace("31,000", "31,500")
    figs = bulletin_figures(revised, kashgar=31500.0)
    article = {**article_row(revised, "kashgar-2020.txt", "Kashgar statistical communique 2020"),
               "source_type": "official"}
    run = start_run(warehouse.engine, None, {}, "test")
    load_run(warehouse.engine, run={"run_id": run}, extractor_version="test",
             articles=pd.DataFrame([article]), figures=figs, claim_checks=None, quarantine=None,
             tables=curated_tables())
    assert [r[3] for r in official(warehouse.engine) if r[0] == "Kashgar"] == [31500.0]
