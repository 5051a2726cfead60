"""The data-quality checkpoint after a load: what it validates, and where.

Row by row it validates the rows of the run it is given; warehouse-wide it checks keys and row
counts in SQL. Every test runs on SQLite and, with WAREHOUSE_TEST_PG_URL set, on PostgreSQL.
"""
from __future__ import annotations

import json
import uuid

import pytest
from sqlalchemy import inspect, text, true

from tests.warehouse_fixtures import (  # noqa: F401  (fixtures used by name)
    SECOND_TEXT,
    article_row,
    articles_frame,
    curated_tables,
    pg_test_schema_prefix,
    second_figures,
    seed_batch,
    warehouse,
    warehouse_url,
)
from warehouse import quality
from warehouse.load import finish_run, load_run, start_run
from warehouse.migrate import view_sql
from warehouse.quality import run_checkpoint

VERSION = "test-1"


def load(engine, **frames) -> int:
    run_id = start_run(engine, f"flow-{uuid.uuid4()}", {}, VERSION)
    counts = load_run(engine, run={"run_id": run_id}, extractor_version=VERSION, **frames)
    finish_run(engine, run_id, "succeeded", counts)
    return run_id


def two_runs(engine) -> tuple[int, int]:
    """The seed article loaded by one run, the second article by the next."""
    first = load(engine, **seed_batch(extra_articles=False))
    second = load(engine, articles=articles_frame(article_row(SECOND_TEXT, "second.txt")),
                  figures=second_figures(), tables=curated_tables())
    return first, second


def execute(engine, sql: str, **params) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


def failures(summary) -> set[tuple[str, str]]:
    return {(asset, f["expectation"]) for asset, s in summary.items() for f in s["failed"]}


def recorded(engine, run_id):
    with engine.connect() as conn:
        return conn.execute(text("SELECT quality_success, status FROM etl_run WHERE run_id = :r"),
                            {"r": run_id}).one()


def test_a_clean_load_passes_records_it_and_writes_docs(warehouse, tmp_path):
    run_id = load(warehouse.engine, **seed_batch())
    success, summary, docs = run_checkpoint(warehouse.engine, run_id, tmp_path / "quality")
    assert success, json.dumps(summary, default=str)
    assert set(summary) == set(quality.expectations(None))
    assert all(s["evaluated"] > 0 for s in summary.values())
    assert docs.is_file() and docs.is_relative_to(tmp_path / "quality")
    assert "fct_figure_keys" in docs.read_text()
    assert recorded(warehouse.engine, run_id) == (True, "succeeded")


@pytest.mark.parametrize("bad, asset, failing", [
    ("UPDATE fct_figure SET value = 250000 WHERE surface = '74 per cent'",
     "fct_figure", "expect_column_values_to_be_between"),
    ("UPDATE fct_figure SET value = -4000 WHERE surface = '4,000 yuan'",
     "fct_figure", "expect_column_values_to_be_between"),
    ("UPDATE fct_figure SET fx_rate = 0 WHERE surface = 'US$620'",
     "fct_figure", "expect_column_values_to_be_between"),
    ("UPDATE fct_figure SET unit = '$' WHERE surface = 'US$620'",
     "fct_figure", "expect_column_values_to_match_regex"),
    ("UPDATE fct_figure SET unit = 'XYZ' WHERE surface = '53,593 yuan'",
     "fct_figure", "expect_column_values_to_be_in_set"),
    ("UPDATE fct_figure SET unit = 'pts' WHERE surface = '74 per cent'",
     "fct_figure", "expect_column_values_to_be_in_set"),
    ("UPDATE dim_article SET article_hash = 'abc' WHERE path = 'second.txt'",
     "dim_article", "expect_column_value_lengths_to_equal"),
    ("UPDATE fct_claim_check SET tolerance = -0.01 WHERE seq = 1",
     "fct_claim_check", "expect_column_values_to_be_between"),
    ("DELETE FROM fct_figure WHERE surface = '4,168 employees'",
     "row_counts", "expect_column_pair_values_to_be_equal"),
], ids=["percent-out-of-range", "negative-money", "zero-fx-rate", "unresolved-dollar",
        "unknown-currency", "unknown-percent-unit", "short-article-hash", "negative-tolerance",
        "row-lost-after-load"])
def test_a_bad_row_of_the_run_fails_its_checkpoint(warehouse, tmp_path, bad, asset, failing):
    run_id = load(warehouse.engine, **seed_batch())
    execute(warehouse.engine, bad)
    success, summary, _ = run_checkpoint(warehouse.engine, run_id, tmp_path / "quality")
    assert not success
    assert (asset, failing) in failures(summary)
    assert recorded(warehouse.engine, run_id) == (False, "quality_failed")


def test_rows_are_validated_one_by_one_by_the_checkpoint_of_the_run_that_wrote_them(
        warehouse, tmp_path):
    first, second = two_runs(warehouse.engine)
    execute(warehouse.engine, "UPDATE fct_figure SET unit = 'pts' WHERE surface = '74 per cent'")
    assert not run_checkpoint(warehouse.engine, first, tmp_path / "q", record=False).success
    # A later run does not pay for the earlier run's rows, bad or not.
    assert run_checkpoint(warehouse.engine, second, tmp_path / "q", record=False).success
    execute(warehouse.engine, "UPDATE fct_figure SET unit = 'pts' WHERE surface = '12 per cent'")
    _, summary, _ = run_checkpoint(warehouse.engine, second, tmp_path / "q", record=False)
    assert failures(summary) == {("fct_figure", "expect_column_values_to_be_in_set")}
    assert summary["fct_figure"]["failed"][0]["unexpected_values"] == ["pts"]


def test_gx_sees_only_the_rows_that_may_fail(warehouse):
    run_id = load(warehouse.engine, **seed_batch())
    suite = quality.expectations(quality.known_currencies())
    with warehouse.engine.connect() as conn:
        frames = quality._read_frames(conn, run_id, suite)
    assert all(frames[a].empty for a in quality.RUN_ROWS)
    assert all(frames[a].empty for a in quality.KEY_ROWS)
    execute(warehouse.engine, "UPDATE fct_figure SET value = 250000 WHERE surface = '74 per cent'")
    with warehouse.engine.connect() as conn:
        frames = quality._read_frames(conn, run_id, suite)
    assert frames["fct_figure"][["kind", "value"]].values.tolist() == [["percent", 250000.0]]
    assert len(frames["row_counts"]) == 1


def drop_constraints(warehouse, table: str) -> None:
    """Let ``table`` hold rows its constraints refuse (repeated keys, nulls, kinds out of set),
    as a hand-made copy or a botched migration could."""
    if warehouse.dialect == "postgresql":
        with warehouse.engine.begin() as conn:
            inspector = inspect(conn)
            for constraint in [*inspector.get_unique_constraints(table),
                               *inspector.get_check_constraints(table)]:
                conn.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{constraint["name"]}"')
            key = inspector.get_pk_constraint(table)["constrained_columns"]
            for column in inspector.get_columns(table):
                if column["name"] not in key:
                    conn.exec_driver_sql(f'ALTER TABLE {table} ALTER COLUMN "{column["name"]}" '
                                         "DROP NOT NULL")
        return
    # SQLite cannot drop a constraint: rebuild the table from its rows, without any.
    raw = warehouse.engine.raw_connection()
    try:
        raw.driver_connection.executescript(f"""
            PRAGMA foreign_keys = OFF;
            CREATE TABLE loose AS SELECT * FROM {table};
            DROP TABLE {table};
            CREATE TABLE {table} AS SELECT * FROM loose;
            DROP TABLE loose;
            PRAGMA foreign_keys = ON;
        """)
    finally:
        raw.close()


@pytest.mark.parametrize("currencies", ["from the lexicon", "unknown"])
def test_gx_reports_the_same_failures_as_it_would_on_every_row(warehouse, tmp_path, monkeypatch,
                                                               currencies):
    if currencies == "unknown":  # then only the regex stands between a typo and the warehouse
        monkeypatch.setattr(quality, "known_currencies", lambda: None)
    run_id = load(warehouse.engine, **seed_batch())
    drop_constraints(warehouse, "fct_figure")  # to try rows the database would refuse too
    for bad in [  # one broken rule a row, so each rule's SQL alone must find its rows
        "UPDATE fct_figure SET kind = 'bogus' WHERE surface = '4,168 employees'",
        'UPDATE fct_figure SET "end" = "start", value = -100 WHERE surface = \'74 per cent\'',
        "UPDATE fct_figure SET surface = NULL WHERE surface = '12 per cent'",
        "UPDATE fct_figure SET value = 10000.5 WHERE surface = '53,593 yuan'",  # money: no cap
        "UPDATE fct_figure SET unit = 'usd' WHERE surface = '53,593 yuan'",
        "UPDATE fct_figure SET unit = 'USD ' WHERE surface = 'US$620'",
        # re.search lets "$" match before a final newline; the currency list does not.
        "UPDATE fct_figure SET unit = 'USD\n' WHERE surface = '1.5 billion yuan'",
        "UPDATE fct_figure SET value_cny = 0, fx_rate = 0 WHERE surface = '4,000 yuan'",
        "UPDATE fct_figure SET value_usd = -1 WHERE surface = 'more than 2.3 trillion yuan'",
        "UPDATE fct_figure SET value = -5 WHERE surface = '4,168 employees'",  # no rule
        "UPDATE fct_claim_check SET tolerance = 0 WHERE seq = 1",
        "UPDATE fct_claim_check SET tolerance = -0.5 WHERE seq = 4",
        "UPDATE dim_article SET article_hash = 'abc' WHERE path = 'seed.txt'",
    ]:
        execute(warehouse.engine, bad)

    def reported(summary):  # GX lists unexpected values in row order: compare them as sets
        return {asset: sorted(json.dumps({**f, "unexpected_values": sorted(
                    map(repr, f["unexpected_values"]))}, sort_keys=True, default=str)
                    for f in s["failed"])
                for asset, s in summary.items()}

    suspects = run_checkpoint(warehouse.engine, run_id, tmp_path / "q", record=False)
    monkeypatch.setattr(quality, "may_fail", lambda expectation, table: true())
    every_row = run_checkpoint(warehouse.engine, run_id, tmp_path / "q", record=False)
    assert reported(suspects.summary) == reported(every_row.summary)
    assert failures(suspects.summary) == {
        ("fct_figure", "expect_column_values_to_not_be_null"),
        ("fct_figure", "expect_column_pair_values_a_to_be_greater_than_b"),
        ("fct_figure", "expect_column_values_to_be_between"),
        ("fct_figure", "expect_column_values_to_match_regex"),
        ("fct_figure", "expect_column_values_to_be_in_set"),
        ("fct_claim_check", "expect_column_values_to_be_between"),
        ("dim_article", "expect_column_value_lengths_to_equal"),
    }


def test_a_key_repeated_across_runs_fails_the_warehouse_wide_check(warehouse, tmp_path):
    first, second = two_runs(warehouse.engine)
    drop_constraints(warehouse, "fct_figure")
    # The second run's first figure takes the key of the first run's first figure.
    execute(warehouse.engine, """
        UPDATE fct_figure SET article_key = (SELECT article_key FROM dim_article
                                             WHERE path = 'seed.txt')
        WHERE run_id = :run AND seq = 0""", run=second)
    with warehouse.engine.connect() as conn:
        seed_key = conn.scalar(text("SELECT article_key FROM dim_article WHERE path = 'seed.txt'"))
    for run_id in (first, second):  # whichever run's checkpoint looks
        success, summary, _ = run_checkpoint(warehouse.engine, run_id, tmp_path / "q")
        assert not success
        [repeated] = [f for f in summary["fct_figure_keys"]["failed"]
                      if f["kwargs"]["column_list"] == ["article_key", "seq"]]
        assert repeated["unexpected_values"] == [{"article_key": seed_key, "seq": 0}] * 2


def test_a_mart_view_that_repeats_rows_fails_the_row_counts(warehouse, tmp_path):
    run_id = load(warehouse.engine, **seed_batch())
    join = "lf.article_key = f.article_key AND lf.seq = f.link_seq"
    assert join in view_sql("mart_figures")
    with warehouse.engine.begin() as conn:  # a join that lost a condition: one row per pair
        conn.exec_driver_sql("DROP VIEW mart_figures")
        conn.exec_driver_sql("CREATE VIEW mart_figures AS\n" + view_sql("mart_figures").replace(
            join, "lf.article_key = f.article_key"))
    success, summary, _ = run_checkpoint(warehouse.engine, run_id, tmp_path / "q")
    assert not success
    [failed] = summary["row_counts"]["failed"]
    assert failed["kwargs"] == {"column_A": "mart_figures_rows", "column_B": "fct_figure_rows"}


def test_what_an_older_suite_stored_is_forgotten(warehouse, tmp_path):
    run_id = load(warehouse.engine, **seed_batch())
    run_checkpoint(warehouse.engine, run_id, tmp_path / "q", record=False)
    gx_dir = tmp_path / "q" / "gx"
    stale = [gx_dir / "expectations" / "renamed_suite.json",
             gx_dir / "validation_definitions" / "renamed_vd.json",
             gx_dir / "checkpoints" / "warehouse_renamed.json"]
    for path, current in zip(stale, ["fct_figure_suite.json", "fct_figure_vd.json",
                                     "warehouse_fct_figure.json"]):
        path.write_text((path.parent / current).read_text().replace("fct_figure", "renamed"))
    success, _, docs = run_checkpoint(warehouse.engine, run_id, tmp_path / "q", record=False)
    assert success
    assert not any(path.exists() for path in stale)
    assert (gx_dir / "expectations" / "fct_figure_suite.json").is_file()
    assert "renamed_suite" not in docs.read_text()
