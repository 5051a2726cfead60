"""End to end: the flow on raw/ into a fresh SQLite warehouse, checked with plain SQL.

The figures asserted here are read off the seed article by hand; each is looked up the
way an analyst would, through the `mart_figures` view.
"""
import pytest
import sqlalchemy as sa

from flows.pipeline import figures_pipeline


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_harness):
    tmp = tmp_path_factory.mktemp("wh")
    url = f"sqlite:///{tmp / 'figures.db'}"
    mp = pytest.MonkeyPatch()
    mp.setenv("QUALITY_DIR", str(tmp / "quality"))
    mp.setenv("REPORT_DIR", str(tmp / "report"))
    first = figures_pipeline(warehouse=url)
    engine = sa.create_engine(url)
    counts = _counts(engine)
    second = figures_pipeline(warehouse=url)
    yield {"engine": engine, "first": first, "second": second, "counts_after_first": counts}
    mp.undo()


def _counts(engine):
    with engine.connect() as c:
        return {t: c.scalar(sa.text(f"select count(*) from {t}"))
                for t in ("dim_article", "fct_figure", "fct_claim_check", "quarantine")}


def _figure(engine, surface_like):
    with engine.connect() as c:
        rows = c.execute(sa.text(
            "select * from mart_figures where surface like :s"), {"s": surface_like}).mappings().all()
    assert len(rows) == 1, f"expected one figure like {surface_like!r}, got {rows}"
    return rows[0]


def test_run_summary_counts_what_was_read_extracted_and_loaded(warehouse):
    first = warehouse["first"]
    assert first.articles_read >= 1 and first.articles_skipped == 0
    assert first.figures_extracted >= 30
    assert first.rows_loaded == first.figures_extracted - first.rows_rejected
    assert first.quality_success is True


def test_more_than_2_3_trillion_yuan(warehouse):
    f = _figure(warehouse["engine"], "%2.3 trillion yuan")
    assert (f["kind"], f["unit"], f["qualifier"]) == ("money", "CNY", "at_least")
    assert f["value"] == pytest.approx(2.3e12)
    assert (f["period_start"], f["period_end"]) == (2014, 2019)
    assert f["value_usd"] > 0 and f["fx_rate"] > 0


def test_xinjiang_per_capita_gdp_last_year(warehouse):
    f = _figure(warehouse["engine"], "53,593 yuan")
    assert f["value"] == 53593 and f["unit"] == "CNY"
    assert (f["period_start"], f["period_end"]) == (2020, 2020)
    assert f["region"] == "Xinjiang"
    assert "per capita gdp" in (f["metric_label"] or f["metric"]).lower().replace("_", " ")


def test_74_per_cent(warehouse):
    f = _figure(warehouse["engine"], "74 per cent")
    assert (f["kind"], f["value"], f["unit"]) == ("percent", 74, "%")


def test_a_converted_amount_is_two_linked_figures(warehouse):
    yuan = _figure(warehouse["engine"], "4,000 yuan")
    usd = _figure(warehouse["engine"], "US$620")
    assert (yuan["value"], yuan["unit"], usd["value"], usd["unit"]) == (4000, "CNY", 620, "USD")
    assert yuan["link_type"] == usd["link_type"] == "conversion"
    assert (yuan["link_seq"], usd["link_seq"]) == (usd["seq"], yuan["seq"])


def test_employees_are_a_count(warehouse):
    f = _figure(warehouse["engine"], "4,168 employees")
    assert (f["kind"], f["value"], f["unit"]) == ("quantity", 4168, "employee")


def test_claim_checks_are_in_the_warehouse(warehouse):
    with warehouse["engine"].connect() as c:
        types = set(c.scalars(sa.text("select distinct check_type from mart_claim_checks")))
    assert {"stated_ratio", "conversion"} <= types


def test_second_run_finds_nothing_new_and_leaves_the_same_rows(warehouse):
    assert warehouse["second"].nothing_new
    assert _counts(warehouse["engine"]) == warehouse["counts_after_first"]
