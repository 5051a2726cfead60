"""The run ledger: how a run ended and which article files it skipped, on a warehouse of any age.

Migration 0004 adds etl_rejected_file and the run endings completed_with_rejections,
interrupted and abandoned to an existing warehouse, whose facts already reference its runs.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DataError, IntegrityError

from tasks.read_raw import Rejected
from tests.test_fx_warehouse import _fill_a_0001_warehouse, query
from tests.warehouse_fixtures import pg_test_schema_prefix, warehouse, warehouse_url  # noqa: F401
from warehouse.engine import get_engine
from warehouse.load import finish_run, rejected_files, start_run
from warehouse.migrate import alembic_config, head_revision, upgrade
from warehouse.tables import RUN_STATUSES

BEFORE = "0003_period_dates"  # the revision before the run ledger's
T0 = datetime(2026, 12, 1, tzinfo=timezone.utc)


def test_an_existing_warehouse_upgrades_to_the_new_run_endings_keeping_its_rows(warehouse_url):
    url, schema = warehouse_url
    engine = get_engine(url, schema)
    try:
        upgrade(engine, BEFORE)
        _fill_a_0001_warehouse(engine)
        with pytest.raises((IntegrityError, DataError)):  # the older schema refuses the new endings
            with engine.begin() as conn:
                conn.execute(text("UPDATE etl_run SET status = 'completed_with_rejections'"))
        figures = query(engine, "SELECT surface, run_id FROM fct_figure ORDER BY seq")

        assert upgrade(engine) == head_revision()
        assert query(engine, "SELECT surface, run_id FROM fct_figure ORDER BY seq") == figures
        for status in RUN_STATUSES:
            with engine.begin() as conn:
                conn.execute(text("UPDATE etl_run SET status = :s"), {"s": status})
        with pytest.raises(IntegrityError):  # and the constraint still holds
            with engine.begin() as conn:
                conn.execute(text("UPDATE etl_run SET status = 'done-ish'"))
        with engine.connect() as conn:
            assert "etl_rejected_file" in inspect(conn).get_table_names()
    finally:
        engine.dispose()


def test_a_downgrade_words_the_new_endings_as_the_older_schema_did(warehouse):
    from alembic import command

    engine = warehouse.engine
    run = start_run(engine, None, {})
    finish_run(engine, run, "completed_with_rejections", rejected=[Rejected("a.txt", "a.txt: the file is empty")])
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), BEFORE)
    assert query(engine, "SELECT status FROM etl_run") == [("succeeded",)]
    with engine.connect() as conn:
        assert "etl_rejected_file" not in inspect(conn).get_table_names()
    assert upgrade(engine) == head_revision()
    assert rejected_files(engine) == []


def test_each_rejected_path_is_one_row_with_its_first_and_latest_sighting(warehouse):
    engine = warehouse.engine
    first, second = start_run(engine, None, {}), None
    finish_run(engine, first, "completed_with_rejections",
               rejected=[Rejected("bad.txt", "bad.txt: looks binary", "b" * 64),
                         Rejected("gone.txt", "gone.txt: not a regular file")])
    second = start_run(engine, None, {})
    finish_run(engine, second, "completed_with_rejections",
               rejected=[Rejected("bad.txt", "bad.txt: the file is empty", "c" * 64)])
    rows = {r["path"]: r for r in rejected_files(engine)}
    assert set(rows) == {"bad.txt", "gone.txt"}
    bad, gone = rows["bad.txt"], rows["gone.txt"]
    assert (bad["first_run_id"], bad["last_run_id"], bad["times_rejected"]) == (first, second, 2)
    assert (bad["reason"], bad["article_hash"]) == ("bad.txt: the file is empty", "c" * 64)
    assert bad["first_seen_at"] <= bad["last_seen_at"]
    assert (gone["last_run_id"], gone["times_rejected"], gone["article_hash"]) == (first, 1, None)


def test_a_path_of_any_bytes_is_stored_as_the_printable_name_it_was_reported_by(warehouse):
    from tasks.read_raw import shown

    name = shown(b"caf\xe9\nnews.txt".decode("utf-8", "surrogateescape"))
    run = start_run(warehouse.engine, None, {})
    finish_run(warehouse.engine, run, "completed_with_rejections",
               rejected=[Rejected(name, f"{name}: the file name is not UTF-8")])
    assert [r["path"] for r in rejected_files(warehouse.engine)] == ["caf\\xe9\\nnews.txt"]
