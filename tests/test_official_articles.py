"""Official articles (a statistical communiqué marked `official` in articles.csv) feed
fct_official_stat: each figure with a region, a lexicon metric and one year, with the bulletin,
sentence and span as its source. official_series.csv rows win where both give a value."""
from __future__ import annotations

import uuid

import pandas as pd
import pytest
from sqlalchemy import create_engine, text

from tasks.official_stats import evidence_for_news, official_first
from tests.warehouse_fixtures import (  # noqa: F401  (fixtures used by name)
    article_row,
    curated_tables,
    figure_row,
    figures_frame,
    pg_test_schema_prefix,
    sha,
    warehouse,
    warehouse_url,
)
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


# --------------------------------------------------------------------------- end to end

COMMUNIQUE = ("Kashgar Prefecture statistical communique on the 2020 economy\n\n"
              "Kashgar's per capita GDP was 31,000 yuan in 2020. Its GDP reached 100 billion yuan in 2020.\n")
NEWS = ("Kashgar grows\n\nKashgar's per capita GDP was 31,000 yuan in 2020, officials said.\n")


def _describe(raw, path: str, title: str, source_type: str) -> None:
    with (raw / "tables" / "articles.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write(f'{path},"{title}",Kashgar statistics bureau,,2021-03-01,day,"a test article",{source_type}\r\n')


@pytest.fixture
def raw_target(tmp_path, monkeypatch, prefect_harness):
    from tests.test_reliability_faults import drop_target, make_target

    t = make_target("sqlite", tmp_path, monkeypatch)
    table = t.raw / "tables" / "articles.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    table.write_text("\r\n".join([lines[0] + ",source_type", *(line + ",news" for line in lines[1:])]) + "\r\n",
                     encoding="utf-8")
    yield t
    drop_target(t)


def test_a_communique_loaded_with_the_seed_feeds_official_statistics_and_news_is_reconciled_with_it(raw_target):
    from tests.test_reliability_faults import run_flow

    (raw_target.raw / "articles" / "kashgar-2020.txt").write_text(COMMUNIQUE, encoding="utf-8")
    _describe(raw_target.raw, "kashgar-2020.txt", "Kashgar communique 2020", "official")
    first = run_flow(warehouse=raw_target.url)
    engine = raw_target.engine()
    try:
        rows = [r for r in official(engine) if r[4]]
        assert ("Kashgar", "gdp_per_capita", 2020, 31000.0) in [r[:4] for r in rows]
        assert all("kashgar-2020.txt" in r[5] for r in rows)
        # the seed states nothing the communique does, so none of its checks cites it
        with engine.connect() as conn:
            sources = conn.execute(text("SELECT evidence_source FROM fct_claim_check")).scalars().all()
        assert len(sources) == sum(first.claim_verdicts.values()) > 0
        assert not any(str(s).startswith("an official article") for s in sources)

        (raw_target.raw / "articles" / "kashgar-news.txt").write_text(NEWS, encoding="utf-8")
        _describe(raw_target.raw, "kashgar-news.txt", "Kashgar grows", "news")
        run_flow(warehouse=raw_target.url)
        with engine.connect() as conn:
            checks = conn.execute(text(
                "SELECT c.verdict, c.evidence_source FROM fct_claim_check c JOIN dim_article a "
                "ON a.article_key = c.article_key WHERE a.path = 'kashgar-news.txt' "
                "AND c.check_type = 'official_series'")).all()
        assert [(v, src.split(":")[0]) for v, src in checks] == [("consistent", "an official article")]
    finally:
        engine.dispose()



# --------------------------------------------------------------------------- the same run

HOTAN_BULLETIN = ("Hotan Prefecture statistical communique on the 2022 economy\n\n"
                  "Hotan's per capita GDP was 28,400 yuan in 2022. Its GDP reached 95 billion yuan in 2022.\n")
HOTAN_NEWS = ("Hotan catches up\n\nHotan's per capita GDP was 28,400 yuan in 2022, officials said, "
              "and its GDP reached 90 billion yuan in 2022.\n")


@pytest.fixture
def project(tmp_path, monkeypatch, prefect_harness):
    """A project folder (`figures init`) with one bulletin and one news article of its own."""
    from flows.cli_init import scaffold
    from tasks.config import PROJECT_ENV

    root = tmp_path / "p"
    scaffold(root)
    for name in ("RAW_ROOT", "QUALITY_DIR", "REPORT_DIR", "WAREHOUSE_URL", "WAREHOUSE_SCHEMA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(PROJECT_ENV, str(root))
    raw = root / "raw"
    table = raw / "tables" / "articles.csv"
    lines = table.read_text(encoding="utf-8").splitlines()
    table.write_text("\r\n".join([lines[0] + ",source_type", *(line + ",news" for line in lines[1:])])
                     + "\r\n", encoding="utf-8")
    (raw / "articles" / "hotan-2022.txt").write_text(HOTAN_BULLETIN, encoding="utf-8")
    _describe(raw, "hotan-2022.txt", "Hotan communique 2022", "official")
    (raw / "articles" / "hotan-news.txt").write_text(HOTAN_NEWS, encoding="utf-8")
    _describe(raw, "hotan-news.txt", "Hotan catches up", "news")
    return root


def test_news_is_checked_against_a_bulletin_read_in_the_same_run(project):
    from tests.test_reliability_faults import run_flow

    run_flow()
    engine = create_engine(f"sqlite:///{project / 'warehouse' / 'figures.db'}")
    try:
        with engine.connect() as conn:
            checks = conn.execute(text(
                "SELECT a.path, f.surface, c.verdict, c.evidence_source FROM fct_claim_check c "
                "JOIN dim_article a ON a.article_key = c.article_key "
                "JOIN fct_figure f ON f.article_key = c.article_key AND f.seq = c.seq "
                "WHERE c.check_type = 'official_series' AND a.path LIKE 'hotan-%' "
                "ORDER BY f.start")).all()
    finally:
        engine.dispose()
    assert [row[:3] for row in checks] == [("hotan-news.txt", "28,400 yuan", "consistent"),
                                           ("hotan-news.txt", "90 billion yuan", "inconsistent")]
    assert all(src.startswith("an official article: Hotan communique 2022 (hotan-2022.txt)")
               for *_, src in checks)


# --------------------------------------------------------------------------- the rule, alone

def _run_inputs(run_pub: str, loaded_pub: str, curated: list[tuple] = ()):
    """A bulletin read in this run (Hotan 2022 per capita GDP 28,400) and one loaded before
    (hotan-old.txt, which stated 27,000 for the same year), published as given."""
    figures = figures_frame([figure_row(HOTAN_BULLETIN, 0, "28,400 yuan", "money", 28400.0, "CNY",
                                        period_start=2022, period_end=2022, region="Hotan",
                                        metric="gdp_per_capita")])
    meta = pd.DataFrame([{"article_hash": sha(HOTAN_BULLETIN), "path": "hotan-2022.txt",
                          "title": "Hotan communique 2022", "pub_date": run_pub, "source_type": "official"}])
    before = pd.DataFrame([{"region": "Hotan", "metric": "gdp_per_capita", "year": 2022, "value": 27000.0,
                            "unit": "CNY", "source": "an older bulletin", "article_hash": "b" * 64}])
    tables = {"official_series.csv": pd.DataFrame(curated, columns=["region", "metric", "year", "value",
                                                                    "unit", "source"]),
              "articles.csv": pd.DataFrame([{"path": "hotan-2022.txt", "pub_date": run_pub},
                                            {"path": "hotan-old.txt", "pub_date": loaded_pub}])}
    return [figures], meta, before, {"hotan-old.txt": ("b" * 64, "v")}, tables


def _values(evidence: pd.DataFrame) -> list[tuple]:
    return [(r.region, r.metric, int(r.year), r.value) for r in evidence.itertuples()]


def test_a_bulletin_of_this_run_is_evidence_over_an_older_one_loaded_before():
    evidence = evidence_for_news(*_run_inputs(run_pub="2023-03-01", loaded_pub="2022-03-01"))
    assert _values(evidence) == [("Hotan", "gdp_per_capita", 2022, 28400.0)]
    assert evidence["article_hash"].tolist() == [sha(HOTAN_BULLETIN)]
    source = evidence["source"].iloc[0]
    assert source.startswith("Hotan communique 2022 (hotan-2022.txt), sentence ") and source.endswith(": 28,400 yuan")


def test_a_later_bulletin_loaded_before_stays_the_evidence_as_it_stays_in_the_warehouse():
    evidence = evidence_for_news(*_run_inputs(run_pub="2023-03-01", loaded_pub="2024-03-01"))
    assert _values(evidence) == [("Hotan", "gdp_per_capita", 2022, 27000.0)]


def test_a_bulletin_read_again_in_this_run_no_longer_speaks_with_what_it_said_before():
    figures, meta, before, loaded, tables = _run_inputs(run_pub="2023-03-01", loaded_pub="2024-03-01")
    loaded = {"hotan-2022.txt": ("b" * 64, "v")}       # the loaded statement was this file's
    assert _values(evidence_for_news(figures, meta, before, loaded, tables)) == [
        ("Hotan", "gdp_per_capita", 2022, 28400.0)]


def test_a_statistic_official_series_csv_gives_is_left_to_it():
    curated = [("Hotan", "gdp_per_capita", 2022, 28000.0, "CNY", "Hotan statistics bureau")]
    evidence = evidence_for_news(*_run_inputs("2023-03-01", "2022-03-01", curated))
    # the older loaded row may remain: CuratedInputs.from_tables lets the curated row win
    assert sha(HOTAN_BULLETIN) not in evidence["article_hash"].tolist()


def test_official_articles_go_first_each_group_in_its_order():
    from tasks.read_raw import RawArticle

    arts = [RawArticle(f"{n}.txt", n * 64, "text", "utf-8") for n in "abcd"]
    meta = pd.DataFrame({"article_hash": [a.article_hash for a in arts],
                         "source_type": ["news", "official", "news", "official"]})
    first, rest = official_first(arts, meta)
    assert [a.path for a in first] == ["b.txt", "d.txt"] and [a.path for a in rest] == ["a.txt", "c.txt"]
