"""The warehouse BI tools read: schema, migrations, idempotent loads, views, security.

Every test runs on SQLite and, when WAREHOUSE_TEST_PG_URL is set, on PostgreSQL too (each in
its own schema, dropped afterwards).
"""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from tests.warehouse_fixtures import (  # noqa: F401  (fixtures used by name)
    PG_URL,
    SECOND_TEXT,
    SEED_TEXT,
    article_row,
    articles_frame,
    claim_checks_frame,
    curated_tables,
    many_figures,
    pg_test_schema_prefix,
    quarantine_frame,
    second_figures,
    seed_batch,
    seed_figures,
    sha,
    warehouse,
    warehouse_url,
)
from warehouse import load as load_module
from warehouse.dictionary import DOCS_PATH, generate, view_doc
from warehouse.engine import get_engine, redact
from warehouse.load import LoadError, finish_run, load_run, loaded_articles, start_run
from warehouse.migrate import current_revision, head_revision, upgrade, view_names
from warehouse.tables import metadata

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VERSION = "test-1"
TABLES = [t.name for t in metadata.sorted_tables]


def table_counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.scalar(text(f"SELECT COUNT(*) FROM {t}")) for t in TABLES + view_names()}


def snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every table, ordered: to show a warehouse did not change at all."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            key = list(table.primary_key.columns)[0]
            out[table.name] = [tuple(r) for r in conn.execute(table.select().order_by(key))]
    return out


def run_load(engine, **overrides):
    frames = seed_batch()
    frames.update(overrides)
    run_id = start_run(engine, f"flow-{uuid.uuid4()}", {"seed.txt": sha(SEED_TEXT)}, VERSION)
    counts = load_run(engine, run={"run_id": run_id}, extractor_version=VERSION, **frames)
    finish_run(engine, run_id, "succeeded", counts)
    return run_id, counts


# --------------------------------------------------------------------------- schema and migrations


def test_migrations_create_exactly_the_declared_schema(warehouse):
    with warehouse.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True,
            "include_object": lambda o, name, type_, r, c: not (type_ == "table" and name.startswith("mart_")),
        })
        assert compare_metadata(context, metadata) == []
        inspector = inspect(conn)
        assert set(inspector.get_table_names()) == set(TABLES) | {"alembic_version"}
        assert set(inspector.get_view_names()) == {"mart_figures", "mart_region_year", "mart_claim_checks"}
    assert current_revision(warehouse.engine) == head_revision()


def test_downgrade_to_base_and_upgrade_again(warehouse):
    from alembic import command

    from warehouse.migrate import alembic_config

    with warehouse.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with warehouse.engine.connect() as conn:
        assert inspect(conn).get_view_names() == []
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    upgrade(warehouse.engine)
    assert current_revision(warehouse.engine) == head_revision()


def test_upgrade_twice_changes_nothing(warehouse):
    before = snapshot(warehouse.engine)
    assert upgrade(warehouse.engine) == head_revision()
    assert snapshot(warehouse.engine) == before


def test_allowed_values_in_the_schema_match_the_pipeline():
    from schemas import claims
    from tasks.extract import record
    from warehouse import tables

    assert (tables.KINDS, tables.QUALIFIERS, tables.LINK_TYPES, tables.GRANULARITIES) == (
        record.KINDS, record.QUALIFIERS, record.LINK_TYPES, record.GRANULARITIES), "changed? write a migration"
    assert (tables.CHECK_TYPES, tables.VERDICTS) == (claims.CHECK_TYPES, claims.VERDICTS)


def test_foreign_keys_are_enforced(warehouse):
    with pytest.raises(DBAPIError):
        with warehouse.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO dim_article (article_hash, path, pub_date_precision, extractor_version,"
                " loaded_run_id) VALUES (:h, 'x.txt', 'unknown', 'v', 999)"), {"h": "0" * 64})


def test_postgresql_objects_live_in_the_named_schema_only(warehouse):
    if warehouse.dialect != "postgresql":
        pytest.skip("schemas are a PostgreSQL feature")
    with warehouse.engine.connect() as conn:
        assert conn.scalar(text("SELECT current_schema()")) == warehouse.schema
        where = conn.execute(text(
            "SELECT DISTINCT table_schema FROM information_schema.tables WHERE table_name = 'fct_figure'"
            " AND table_schema LIKE :p"), {"p": warehouse.schema.rsplit("_", 1)[0] + "%"}).scalars().all()
    assert where == [warehouse.schema]


# --------------------------------------------------------------------------- idempotent, incremental loads


def test_load_writes_every_frame(warehouse):
    run_id, counts = run_load(warehouse.engine)
    assert counts["articles_loaded"] == 2 and counts["figures_loaded"] == 8
    assert counts["claim_checks_loaded"] == 2 and counts["quarantine_loaded"] == 2
    with warehouse.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT value, unit, qualifier, period_start, period_end, region, metric_label"
            " FROM mart_figures WHERE surface = 'more than 2.3 trillion yuan'")).one()
        assert tuple(row) == (2.3e12, "CNY", "at_least", 2014, 2019, "Xinjiang",
                              "Central transfer payments")
        # The gazetteer resolves an alias spelled in lower case; unknown metrics keep their key.
        assert conn.scalar(text("SELECT region_level FROM mart_figures WHERE surface = '1.5 billion yuan'")) == "prefecture"
        assert conn.scalar(text("SELECT metric_label FROM mart_figures WHERE surface = '74 per cent'")) == "gdp_per_capita_ratio"
        assert conn.scalar(text("SELECT linked_surface FROM mart_figures WHERE surface = 'US$620'")) == "4,000 yuan"
        run = conn.execute(text("SELECT status, figures_loaded, rows_loaded FROM etl_run WHERE run_id = :r"),
                           {"r": run_id}).one()
        assert tuple(run) == ("succeeded", 8, 10)
        assert conn.scalar(text("SELECT COUNT(*) FROM quarantine WHERE run_id = :r"), {"r": run_id}) == 2
        parent = conn.scalar(text(
            "SELECT p.name FROM dim_region r JOIN dim_region p ON p.region_key = r.parent_key"
            " WHERE r.name = 'Kashgar'"))
        assert parent == "Xinjiang"
        assert set(conn.execute(text("SELECT period_key FROM dim_period")).scalars()) == {2014, 2019, 2020, 2021}


def test_reloading_the_same_run_changes_no_count(warehouse):
    _, first = run_load(warehouse.engine)
    after_first = table_counts(warehouse.engine)
    figures_before = snapshot(warehouse.engine)["fct_figure"]
    _, second = run_load(warehouse.engine)
    assert second["articles_skipped"] == 2 and second["articles_loaded"] == 0
    assert second["figures_loaded"] == 0 and second["quarantine_loaded"] == 0
    after_second = table_counts(warehouse.engine)
    assert after_second == {**after_first, "etl_run": after_first["etl_run"] + 1}
    assert snapshot(warehouse.engine)["fct_figure"] == figures_before


def test_loaded_articles_tells_the_flow_what_it_can_skip(warehouse_url):
    url, schema = warehouse_url
    engine = get_engine(url, schema)
    assert loaded_articles(engine) == {}  # no warehouse yet: nothing loaded, no error
    upgrade(engine)
    run_load(engine)
    assert loaded_articles(engine) == {
        "seed.txt": (sha(SEED_TEXT), VERSION), "second.txt": (sha(SECOND_TEXT), VERSION)}
    engine.dispose()


def test_a_changed_article_replaces_only_its_own_rows(warehouse):
    run_load(warehouse.engine)
    before = snapshot(warehouse.engine)
    edited = SEED_TEXT.replace("4,168 employees", "many staff")
    figures = seed_figures(edited)
    assert len(figures) == 5  # the edit removed one figure
    batch = seed_batch()
    articles = batch["articles"].copy()
    articles.loc[articles["path"] == "seed.txt", "article_hash"] = sha(edited)
    run_id, counts = run_load(
        warehouse.engine, articles=articles,
        figures=pd.concat([figures, second_figures()], ignore_index=True),
        claim_checks=claim_checks_frame(edited), quarantine=quarantine_frame(edited))
    assert (counts["articles_loaded"], counts["articles_replaced"], counts["articles_skipped"]) == (1, 1, 1)
    after = snapshot(warehouse.engine)
    with warehouse.engine.connect() as conn:
        hashes = dict(conn.execute(text("SELECT path, article_hash FROM dim_article")).all())
        assert hashes == {"seed.txt": sha(edited), "second.txt": sha(SECOND_TEXT)}
        seed_rows = conn.execute(text(
            "SELECT surface, run_id FROM mart_figures WHERE article_path = 'seed.txt' ORDER BY seq")).all()
        assert [s for s, _ in seed_rows] == list(figures["surface"]) and {r for _, r in seed_rows} == {run_id}
        # The other article's rows are untouched: same keys, same run.
        assert conn.scalar(text("SELECT COUNT(DISTINCT run_id) FROM mart_figures WHERE article_path = 'second.txt'")) == 1
        assert conn.scalar(text("SELECT COUNT(*) FROM quarantine WHERE article_hash = :h"), {"h": sha(SEED_TEXT)}) == 0
        assert conn.scalar(text("SELECT COUNT(*) FROM quarantine WHERE article_hash = :h"), {"h": sha(edited)}) == 1
        assert conn.scalar(text("SELECT COUNT(*) FROM quarantine WHERE article_hash IS NULL")) == 1
    second_before = [r for r in before["fct_figure"] if r[1] == 2]
    second_after = [r for r in after["fct_figure"] if r[1] == 2]
    assert second_after == second_before
    assert len(after["fct_figure"]) == 7 and len(after["fct_claim_check"]) == 2


def test_a_new_extractor_version_reloads_every_article(warehouse):
    run_load(warehouse.engine)
    frames = seed_batch()
    run_id = start_run(warehouse.engine, None, {}, "test-2")
    counts = load_run(warehouse.engine, run={"run_id": run_id}, extractor_version="test-2", **frames)
    assert (counts["articles_loaded"], counts["articles_replaced"]) == (2, 2)
    with warehouse.engine.connect() as conn:
        assert set(conn.execute(text("SELECT extractor_version FROM fct_figure")).scalars()) == {"test-2"}
        assert conn.scalar(text("SELECT COUNT(*) FROM fct_figure")) == 8


def test_curated_tables_are_the_whole_truth_for_rates_and_series(warehouse):
    run_load(warehouse.engine)
    tables = curated_tables()
    tables["fx_rates.csv"] = tables["fx_rates.csv"].iloc[1:].assign(source="corrected fixture")
    tables["official_series.csv"] = tables["official_series.csv"].iloc[:1]
    run_load(warehouse.engine, tables=tables)
    with warehouse.engine.connect() as conn:
        rates = conn.execute(text("SELECT year, source FROM fct_fx_rate ORDER BY year")).all()
        assert [tuple(r) for r in rates] == [(2020, "corrected fixture"), (2021, "corrected fixture")]
        assert conn.scalar(text("SELECT COUNT(*) FROM fct_official_stat")) == 1
        assert conn.scalar(text("SELECT COUNT(*) FROM dim_region")) == 3


def test_a_failure_mid_load_leaves_the_warehouse_as_it_was(warehouse, monkeypatch):
    run_load(warehouse.engine)
    before = snapshot(warehouse.engine)
    edited = SEED_TEXT.replace("4,168", "4,169")
    articles = articles_frame(article_row(edited, "seed.txt"), article_row("brand new", "new.txt"))

    def explode(*args, **kwargs):  # after the old rows were deleted and the new figures inserted
        raise OSError("disk full")

    monkeypatch.setattr(load_module, "_insert_claim_checks", explode)
    run_id = start_run(warehouse.engine, None, {}, VERSION)
    with pytest.raises(LoadError, match="rolled back.*disk full") as raised:
        load_run(warehouse.engine, run={"run_id": run_id}, articles=articles,
                 figures=seed_figures(edited), claim_checks=claim_checks_frame(edited),
                 quarantine=quarantine_frame(edited), tables=curated_tables(),
                 extractor_version=VERSION)
    assert raised.value.transient  # an OSError: worth a retry
    after = snapshot(warehouse.engine)
    after["etl_run"] = [r for r in after["etl_run"] if r[0] != run_id]
    assert after == before


def test_a_row_the_database_refuses_rolls_back_the_whole_run(warehouse):
    run_load(warehouse.engine)
    before = snapshot(warehouse.engine)
    edited = SEED_TEXT + " Also 5 per cent."
    figures = seed_figures(edited)
    figures.loc[5, ["start", "end"]] = figures.loc[4, ["start", "end"]].to_numpy()  # two figures, one span
    with pytest.raises(LoadError, match="rolled back") as raised:
        load_run(warehouse.engine, run={"flow_run_id": "f"},
                 articles=articles_frame(article_row(edited, "seed.txt")), figures=figures,
                 extractor_version=VERSION)
    assert "unique" in str(raised.value).lower() or "duplicate" in str(raised.value).lower()
    assert not raised.value.transient  # the data was refused: retrying cannot help
    after = snapshot(warehouse.engine)
    failed = [r for r in after["etl_run"] if r not in before["etl_run"]]
    assert len(failed) == 1 and failed[0][4] == "failed" and "rolled back" in failed[0][-1]
    after["etl_run"] = before["etl_run"]
    assert after == before


def test_a_load_killed_mid_transaction_leaves_the_previous_state(warehouse):
    """SIGKILL a loading process while it holds the transaction; nothing of it survives."""
    run_load(warehouse.engine)
    before = snapshot(warehouse.engine)
    script = PROJECT_ROOT / "tests" / "warehouse_fixtures.py"
    child = subprocess.Popen(
        [sys.executable, str(script), "load-and-hang", warehouse.url, warehouse.schema or ""],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    try:
        assert child.stdout.readline().strip() == "inserted", "the child never reached the load"
    finally:
        child.kill()
        child.wait(timeout=30)
    after = snapshot(warehouse.engine)
    after["etl_run"] = [r for r in after["etl_run"] if r[0] in {b[0] for b in before["etl_run"]}]
    assert after == before
    # The next run completes the work the killed one did not.
    _, counts = run_load(warehouse.engine)
    assert counts["articles_skipped"] == 2


def test_bad_frames_are_refused_before_anything_is_written(warehouse):
    before = snapshot(warehouse.engine)
    frames = seed_batch()
    with pytest.raises(ValueError, match="figures frame lacks column.*qualifier"):
        load_run(warehouse.engine, run={"run_id": 1}, extractor_version=VERSION,
                 **{**frames, "figures": frames["figures"].drop(columns="qualifier")})
    with pytest.raises(ValueError, match="not in the articles frame"):
        load_run(warehouse.engine, run={"run_id": 1}, extractor_version=VERSION,
                 **{**frames, "articles": frames["articles"].iloc[:1]})
    assert snapshot(warehouse.engine) == before


def _split(frame, hashes):
    return frame[frame["article_hash"].isin(hashes)] if frame is not None else None


def test_a_run_loaded_batch_by_batch_holds_exactly_its_rows(warehouse):
    # 1,200 figures: more than one insert chunk, so PostgreSQL takes its COPY path
    frames = many_figures(20, 60)
    hashes = list(frames["articles"]["article_hash"])
    batches = [(_split(frames["figures"], part), None, None)
               for part in (hashes[:7], hashes[7:8], hashes[8:])]
    run_id = start_run(warehouse.engine, "flow-batches", {}, VERSION)
    counts = load_run(warehouse.engine, run={"run_id": run_id}, extractor_version=VERSION,
                      articles=frames["articles"], batches=batches, tables=frames["tables"])
    assert counts["articles_loaded"] == 20 and counts["figures_loaded"] == 1200
    with warehouse.engine.connect() as conn:
        loaded = conn.execute(text(
            "SELECT a.path, f.seq, f.surface, f.value FROM fct_figure f "
            "JOIN dim_article a ON a.article_key = f.article_key ORDER BY a.path, f.seq")).all()
    paths = dict(zip(frames["articles"]["article_hash"], frames["articles"]["path"]))
    expected = sorted((paths[h], q, s, v) for h, q, s, v in frames["figures"][
        ["article_hash", "seq", "surface", "value"]].itertuples(index=False))
    assert [tuple(r) for r in loaded] == expected


def test_a_bad_batch_after_good_ones_rolls_the_whole_run_back(warehouse):
    run_load(warehouse.engine)
    before = snapshot(warehouse.engine)
    frames = many_figures(3, 5)
    hashes = list(frames["articles"]["article_hash"])
    good = (_split(frames["figures"], hashes[:2]), None, None)
    bad = (_split(frames["figures"], hashes[2:]).drop(columns="unit"), None, None)
    with pytest.raises(ValueError, match="figures frame lacks column.*unit"):
        load_run(warehouse.engine, run={"run_id": 1}, extractor_version=VERSION,
                 articles=frames["articles"], batches=[good, bad], tables=frames["tables"])
    assert snapshot(warehouse.engine) == before


def test_sql_in_titles_and_text_is_data(warehouse):
    evil = "Robert'); DROP TABLE fct_figure; -- \"quoted\" 100% yuan"
    run_load(warehouse.engine, articles=seed_batch()["articles"].assign(title=evil))
    with warehouse.engine.connect() as conn:
        assert set(conn.execute(text("SELECT DISTINCT article_title FROM mart_figures")).scalars()) == {evil}
        assert conn.scalar(text("SELECT COUNT(*) FROM fct_figure")) == 8


# --------------------------------------------------------------------------- concurrency


def _load_in_thread(url, schema, barrier, results, index):
    engine = get_engine(url, schema)
    try:
        barrier.wait()
        run_id = start_run(engine, f"thread-{index}", {}, VERSION)
        results[index] = load_run(engine, run={"run_id": run_id}, extractor_version=VERSION,
                                  **seed_batch())
    except Exception as exc:  # surfaced by the assertion below
        results[index] = exc
    finally:
        engine.dispose()


def test_two_concurrent_loads_leave_no_duplicates(warehouse):
    barrier, results = threading.Barrier(2), [None, None]
    threads = [threading.Thread(target=_load_in_thread,
                                args=(warehouse.url, warehouse.schema, barrier, results, i))
               for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert all(isinstance(r, dict) for r in results), results
    assert sorted(r["articles_loaded"] for r in results) == [0, 2]
    assert sorted(r["articles_skipped"] for r in results) == [0, 2]
    counts = table_counts(warehouse.engine)
    assert (counts["fct_figure"], counts["fct_claim_check"], counts["quarantine"]) == (8, 2, 2)


def _load_in_process(url, schema, start_at, queue):
    sys.path.insert(0, str(PROJECT_ROOT))
    engine = get_engine(url, schema)
    time.sleep(max(0.0, start_at - time.time()))
    try:
        queue.put(load_run(engine, run={"flow_run_id": "process"}, extractor_version=VERSION,
                           **seed_batch())["articles_loaded"])
    except Exception as exc:
        queue.put(repr(exc))


def test_two_concurrent_processes_leave_no_duplicates(warehouse):
    ctx = multiprocessing.get_context("spawn")
    queue, start_at = ctx.Queue(), time.time() + 3
    procs = [ctx.Process(target=_load_in_process,
                         args=(warehouse.url, warehouse.schema, start_at, queue)) for _ in range(2)]
    for p in procs:
        p.start()
    loaded = sorted(queue.get(timeout=120) for _ in procs)
    for p in procs:
        p.join(timeout=30)
    assert loaded == [0, 2]
    assert table_counts(warehouse.engine)["fct_figure"] == 8


# --------------------------------------------------------------------------- views and dictionary


@pytest.mark.parametrize("view", ["mart_figures", "mart_region_year", "mart_claim_checks"])
def test_views_have_their_documented_columns_and_grain(warehouse, view):
    run_load(warehouse.engine)
    with warehouse.engine.connect() as conn:
        result = conn.execute(text(f"SELECT * FROM {view}"))
        columns, rows = list(result.keys()), result.all()
        assert columns == [name for name, _ in view_doc(view).columns]
        grain = {"mart_figures": "fct_figure", "mart_claim_checks": "fct_claim_check"}
        if view in grain:
            assert len(rows) == conn.scalar(text(f"SELECT COUNT(*) FROM {grain[view]}"))
        else:
            keys = [(r.region, r.metric, r.year, r.unit) for r in rows]
            assert len(keys) == len(set(keys))


def test_region_year_puts_figures_beside_official_statistics(warehouse):
    run_load(warehouse.engine)
    with warehouse.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT region, metric, year, unit, figure_count, figure_avg, official_value, figure_vs_official"
            " FROM mart_region_year ORDER BY region")).all()
    assert [tuple(r) for r in rows] == [
        ("China", "gdp_per_capita", 2020, "CNY", 0, None, 72000.0, None),
        ("Xinjiang", "gdp_per_capita", 2020, "CNY", 1, 53593.0, 53593.0, 0.0),
    ]


def test_claim_checks_view_shows_the_figure_and_its_evidence(warehouse):
    run_load(warehouse.engine)
    with warehouse.engine.connect() as conn:
        row = conn.execute(text(
            "SELECT check_type, verdict, surface, evidence_surface, article_title FROM mart_claim_checks"
            " WHERE check_type = 'conversion'")).one()
    assert tuple(row) == ("conversion", "consistent", "US$620", "4,000 yuan", "China's Xinjiang gets money")


def test_data_dictionary_is_current():
    assert DOCS_PATH.read_text(encoding="utf-8") == generate(), (
        "docs/warehouse.md is out of date: run `figures db docs`")


def test_data_dictionary_documents_every_live_column(warehouse):
    documented = generate()
    with warehouse.engine.connect() as conn:
        inspector = inspect(conn)
        for name in inspector.get_table_names():
            if name == "alembic_version":
                continue
            assert f"### `{name}`" in documented
            for column in inspector.get_columns(name):
                assert f"| `{column['name']}` |" in documented, (name, column["name"])
                if warehouse.dialect == "postgresql":  # comments live in the database too
                    assert column["comment"] == metadata.tables[name].c[column["name"]].comment


# --------------------------------------------------------------------------- security


def test_passwords_never_reach_messages():
    url = "postgresql+psycopg://bi:s3cr%3Et@db.example:5432/figures"
    assert "s3cr" not in redact(f"could not connect to {url}")
    assert "s3cr" not in redact("host=db password=s3cret dbname=x")
    with pytest.raises(ValueError) as raised:
        get_engine("mysql://bi:s3cret@db/figures")
    assert "s3cret" not in str(raised.value) and "***" in str(raised.value)


def test_a_failed_run_records_a_redacted_error(warehouse):
    run_id = start_run(warehouse.engine, None, {}, VERSION)
    finish_run(warehouse.engine, run_id, "failed", {"articles_read": 3},
               error=RuntimeError("could not reach postgresql://u:hunter2@db/x"))
    with warehouse.engine.connect() as conn:
        error = conn.scalar(text("SELECT error FROM etl_run WHERE run_id = :r"), {"r": run_id})
    assert "hunter2" not in error and "u:***@db" in error


def test_quality_docs_and_config_hold_no_password(warehouse, tmp_path):
    if warehouse.dialect != "postgresql":
        pytest.skip("a password needs a server URL")
    from sqlalchemy.engine import make_url

    from warehouse.quality import run_checkpoint

    secret = f"pw{uuid.uuid4().hex}"
    url = make_url(warehouse.url).set(password=secret).render_as_string(hide_password=False)
    engine = get_engine(url, warehouse.schema)  # the test server trusts local connections
    run_id, _ = run_load(engine)
    run_checkpoint(engine, run_id, tmp_path / "quality")
    for path in (tmp_path / "quality").rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(errors="ignore"), path
    engine.dispose()


def test_bi_role_reads_only_the_mart_views(warehouse):
    if warehouse.dialect != "postgresql":
        pytest.skip("roles are a PostgreSQL feature")
    from sqlalchemy.engine import make_url

    from warehouse.grants import grant_bi

    run_load(warehouse.engine)
    role, password = f"bi_{uuid.uuid4().hex[:10]}", f"pw'{uuid.uuid4().hex}"
    try:
        assert grant_bi(warehouse.engine, role, password=password) == view_names()
        assert grant_bi(warehouse.engine, role, password=password) == view_names()  # re-runnable
        url = make_url(warehouse.url).set(username=role, password=password)
        bi = get_engine(url.render_as_string(hide_password=False), warehouse.schema)
        with bi.connect() as conn:
            for view in view_names():
                conn.execute(text(f"SELECT * FROM {view}")).all()
            assert conn.scalar(text("SELECT COUNT(*) FROM mart_figures")) == 8
        refused = [
            "SELECT * FROM quarantine",
            "SELECT * FROM fct_figure",
            "SELECT * FROM etl_run",
            "INSERT INTO dim_period (period_key, year, decade) VALUES (1999, 1999, 1990)",
            "DELETE FROM fct_figure",
            "UPDATE dim_article SET title = 'x'",
            "CREATE TABLE mart_mine (x int)",
        ]
        for statement in refused:
            with bi.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
                conn.execute(text(statement))
        bi.dispose()
    finally:
        with warehouse.engine.begin() as conn:
            if conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')


def test_grant_bi_refuses_sqlite(warehouse):
    if warehouse.dialect != "sqlite":
        pytest.skip("SQLite only")
    from warehouse.grants import grant_bi

    with pytest.raises(ValueError, match="PostgreSQL"):
        grant_bi(warehouse.engine, "bi_reader")


# --------------------------------------------------------------------------- CLI


def test_db_cli_upgrades_and_checks_docs(tmp_path):
    from typer.testing import CliRunner

    from flows.cli_db import db_app

    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(db_app, ["upgrade", "--warehouse", url])
    assert result.exit_code == 0, result.output
    assert f"revision {head_revision()}" in result.output
    assert current_revision(get_engine(url)) == head_revision()
    result = runner.invoke(db_app, ["grant-bi", "bi_reader", "--warehouse", url])
    assert result.exit_code == 2 and "PostgreSQL" in result.output
    result = runner.invoke(db_app, ["upgrade", "--warehouse", "postgresql://u:topsecret@127.0.0.1:1/x"])
    assert result.exit_code == 2 and "topsecret" not in result.output
    assert runner.invoke(db_app, ["docs", "--check"]).exit_code == 0


def test_every_command_acts_on_the_warehouse_dot_env_names(tmp_path):
    """With WAREHOUSE_URL only in .env, `figures db upgrade`, `figures db grant-bi` and
    Alembic's own command line all act on that warehouse, as `figures run` does."""
    import subprocess
    import sys

    target = tmp_path / "from-dot-env.db"
    (tmp_path / ".env").write_text(f"WAREHOUSE_URL=sqlite:///{target}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("WAREHOUSE_URL", "WAREHOUSE_SCHEMA")}

    def figures(*args):
        return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=tmp_path, env={
            **env, "PYTHONPATH": str(PROJECT_ROOT)}, capture_output=True, text=True, timeout=300)

    upgraded = figures("db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert str(target) in upgraded.stdout and current_revision(get_engine(f"sqlite:///{target}")) == head_revision()
    granted = figures("db", "grant-bi", "bi_reader")
    assert granted.returncode == 2 and "PostgreSQL" in granted.stdout
    # Alembic's command line, from the project's alembic.ini, reads the same settings
    target.unlink()
    alembic = subprocess.run([sys.executable, "-m", "alembic", "-c",
                              str(PROJECT_ROOT / "warehouse" / "migrations" / "alembic.ini"), "upgrade", "head"],
                             cwd=tmp_path, env={**env, "PYTHONPATH": str(PROJECT_ROOT)},
                             capture_output=True, text=True, timeout=300)
    assert alembic.returncode == 0, alembic.stderr
    assert current_revision(get_engine(f"sqlite:///{target}")) == head_revision()


def test_quarantine_keeps_malformed_rejections_without_failing_the_load(warehouse):
    junk = pd.DataFrame([{
        "article_hash": "not-a-hash-" * 10, "seq": 3.0, "source_file": "extracted figures",
        "row": 7.0, "column": "article_hash", "check": "str_length(64, 64)",
        "failure_case": 12345, "reason": "article_hash is not a sha256 hex digest",
    }])
    run_id, counts = run_load(warehouse.engine, quarantine=junk)
    assert counts["quarantine_loaded"] == 1
    with warehouse.engine.connect() as conn:
        row = conn.execute(text('SELECT article_hash, seq, "row", failure_case, run_id FROM quarantine')).one()
    assert tuple(row) == ("not-a-hash-" * 10, 3, 7, "12345", run_id)


def test_an_unreachable_database_is_a_clear_transient_error():
    engine = get_engine("postgresql+psycopg://bi:topsecret@127.0.0.1:1/figures")
    with pytest.raises(LoadError, match="could not record the run") as raised:
        load_run(engine, run={"flow_run_id": "x"}, extractor_version=VERSION, **seed_batch())
    assert raised.value.transient and "topsecret" not in str(raised.value)
