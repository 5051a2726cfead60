"""Faults lose nothing: a killed run, a database that is not there, a warehouse that cannot
be written, and figures that fail their schema all leave the warehouse exactly as good as
before, with a clear message, and the next run completes the work.

The flows run in-process on the session's Prefect test API; the SIGKILL tests start the
real CLI in a child process against the same API (so no temporary server is orphaned when
the child dies) and kill it at a known point: a one-line hook prints a marker at the start
of extraction, or after the figure rows are inserted inside the load's transaction, and
then waits to be killed.
"""
from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from tests.conftest import ROOT
from warehouse.engine import get_engine
from warehouse.tables import metadata

PG_URL = os.environ.get("WAREHOUSE_TEST_PG_URL")

SECOND_ARTICLE = (
    "Xinjiang exports climb\n\n"
    "Exports from Xinjiang rose 12.5 per cent in 2020 to 4,000 yuan (US$620) per worker, "
    "and the park now has 1,234 employees.\n"
)


@dataclass
class Target:
    """A warehouse (url, schema) fed from a private copy of raw/."""

    url: str
    schema: str | None
    raw: Path
    tmp: Path

    def engine(self):
        return get_engine(self.url, self.schema)

    def env(self) -> dict[str, str]:
        """Environment for a CLI child: same raw copy, warehouse and Prefect API."""
        from prefect.settings import PREFECT_API_URL

        env = {**os.environ, "RAW_ROOT": str(self.raw), "QUALITY_DIR": str(self.tmp / "quality"),
               "REPORT_DIR": str(self.tmp / "report"), "PYTHONPATH": str(ROOT),
               "PREFECT_API_URL": PREFECT_API_URL.value() or "",
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}
        env.pop("WAREHOUSE_SCHEMA", None)
        if self.schema:
            env["WAREHOUSE_SCHEMA"] = self.schema
        return env


def make_target(backend: str, tmp: Path, monkeypatch) -> Target:
    raw = tmp / "raw"
    shutil.copytree(ROOT / "raw", raw)
    monkeypatch.setenv("RAW_ROOT", str(raw))
    monkeypatch.setenv("QUALITY_DIR", str(tmp / "quality"))
    monkeypatch.setenv("REPORT_DIR", str(tmp / "report"))
    if backend == "sqlite":
        monkeypatch.delenv("WAREHOUSE_SCHEMA", raising=False)
        return Target(f"sqlite:///{tmp / 'figures.db'}", None, raw, tmp)
    schema = f"rel_{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("WAREHOUSE_SCHEMA", schema)
    return Target(PG_URL, schema, raw, tmp)


def drop_target(target: Target) -> None:
    if target.schema:
        engine = get_engine(PG_URL)
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{target.schema}" CASCADE')
        engine.dispose()


_BASELINE: list[Path] = []


@pytest.fixture(scope="session")
def baseline_db(tmp_path_factory, prefect_harness) -> Path:
    """A SQLite warehouse after one real run on raw/, made once; tests start from copies.
    (Other test modules import this fixture, which makes it theirs too: hence the memo.)"""
    if not _BASELINE:
        tmp = tmp_path_factory.mktemp("baseline")
        mp = pytest.MonkeyPatch()
        try:
            run_flow(warehouse=make_target("sqlite", tmp, mp).url)
        finally:
            mp.undo()
        _BASELINE.append(tmp / "figures.db")
    return _BASELINE[0]


def previous_run(target: Target, baseline_db: Path) -> None:
    """Bring `target` to the state one good run on raw/ leaves (on SQLite: a copy of it)."""
    if target.schema is None:
        src, dst = sqlite3.connect(baseline_db), sqlite3.connect(target.tmp / "figures.db")
        src.backup(dst)
        dst.close()
        src.close()
    else:
        run_flow(warehouse=target.url)


@pytest.fixture
def sqlite_target(tmp_path, monkeypatch, prefect_harness):
    yield make_target("sqlite", tmp_path, monkeypatch)


def snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every data table, ordered: equal snapshots mean nothing changed (the
    run ledger, etl_*, records each run whatever it loads)."""
    out = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            if table.name.startswith("etl_"):
                continue
            key = list(table.primary_key.columns)
            out[table.name] = [tuple(r) for r in conn.execute(table.select().order_by(*key))]
    return out


def runs(engine) -> list[dict]:
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(sa.text(
            "SELECT run_id, status, ended_at, error, figures_loaded, rows_rejected "
            "FROM etl_run ORDER BY run_id")).mappings()]


def run_flow(**kwargs):
    from flows.pipeline import figures_pipeline

    return figures_pipeline(**kwargs)


# --------------------------------------------------------------------------- SIGKILL


KILL_HOOKS = {
    # extraction has begun: nothing of this run is in the warehouse yet
    "extraction": (
        "import tasks.extract_articles as m\n"
        "def hook(*a, **k):\n"
        "    print('REACHED extraction', flush=True); time.sleep(600)\n"
        "m.extract_articles = hook\n"
    ),
    # inside the load's transaction, after this run's figure rows were inserted
    "load": (
        "import warehouse.load as m\n"
        "real = m._insert_figures\n"
        "def hook(*a, **k):\n"
        "    n = real(*a, **k)\n"
        "    print(f'REACHED load with {n} figure rows inserted', flush=True); time.sleep(600)\n"
        "m._insert_figures = hook\n"
    ),
}


def kill_cli_at(stage: str, target: Target, timeout: float = 90) -> str:
    """Start `figures run` in a child, SIGKILL it when it reaches `stage`; its marker line."""
    code = ("import sys, time\n" + KILL_HOOKS[stage]
            + "from flows.cli import app\n"
            + f"app(['run', '--warehouse', {target.url!r}])\n")
    log = (target.tmp / f"killed-at-{stage}.log").open("w")
    child = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=target.env(),
                             stdout=subprocess.PIPE, stderr=log, text=True)
    deadline, marker = time.monotonic() + timeout, ""
    try:
        while time.monotonic() < deadline and child.poll() is None:
            ready, _, _ = select.select([child.stdout], [], [], 0.5)
            if ready:
                line = child.stdout.readline()
                if line.startswith("REACHED"):
                    marker = line.strip()
                    break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        log.close()
    assert marker, (f"the child never reached {stage}: "
                    + (target.tmp / f"killed-at-{stage}.log").read_text()[-3000:])
    assert child.returncode == -signal.SIGKILL
    return marker


def test_a_run_killed_during_extraction_or_load_leaves_the_previous_state_and_the_next_run_completes_it(
        sqlite_target, baseline_db):
    """Slow (~20 s): CLI children started and killed, then a run in-process. (SQLite only: a
    load killed mid-transaction on PostgreSQL is tests/test_warehouse.py's, on both backends.)"""
    target = sqlite_target
    previous_run(target, baseline_db)
    engine = target.engine()
    before, runs_before = snapshot(engine), runs(engine)
    assert before["fct_figure"]

    (target.raw / "articles" / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    kill_cli_at("extraction", target)
    assert snapshot(engine) == before
    marker = kill_cli_at("load", target)
    assert "figure rows inserted" in marker and not marker.endswith(" 0 figure rows inserted")
    assert snapshot(engine) == before                  # the inserted rows died with the child
    killed = [r for r in runs(engine) if r["run_id"] not in {b["run_id"] for b in runs_before}]
    assert len(killed) == 2 and killed[-1]["ended_at"] is None and killed[-1]["status"] == "running"

    after = run_flow(warehouse=target.url)
    # the runs that died without a word are marked so by the runs after them
    ended = {r["run_id"]: r for r in runs(engine)}
    assert all(ended[r["run_id"]]["status"] == "abandoned"
               and ended[r["run_id"]]["error"].startswith("abandoned: process ") for r in killed)
    assert after.articles_skipped == 1 and after.rows_loaded > 0
    with engine.connect() as conn:
        paths = conn.execute(sa.text("SELECT path FROM dim_article ORDER BY path")).scalars().all()
        dup = conn.scalar(sa.text("SELECT COUNT(*) FROM (SELECT article_hash, seq FROM mart_figures "
                                  "GROUP BY article_hash, seq HAVING COUNT(*) > 1) d"))
        killed_ids = [r["run_id"] for r in killed]
        from_killed = conn.execute(sa.text("SELECT COUNT(*) FROM fct_figure WHERE run_id IN :ids")
                                   .bindparams(sa.bindparam("ids", expanding=True)),
                                   {"ids": killed_ids}).scalar()
    assert paths == ["scmp-xinjiang-pairing-assistance.txt", "second.txt"]
    assert dup == 0 and from_killed == 0
    now = snapshot(engine)
    assert len(now["fct_figure"]) == len(before["fct_figure"]) + after.rows_loaded
    # the seed article's rows are the very same rows as before the kills
    assert set(before["fct_figure"]) <= set(now["fct_figure"])
    engine.dispose()


# --------------------------------------------------------------------------- the database


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fast_retries(monkeypatch, *names):
    """The flow's retry policy (same count and condition), without its waits."""
    from flows import steps

    for name in names:
        task = getattr(steps, name)
        monkeypatch.setattr(steps, name, task.with_options(retry_delay_seconds=0))
        assert task.retries == 3


def test_a_database_unavailable_at_start_is_retried_per_policy_then_a_clear_error(
        sqlite_target, monkeypatch):
    from typer.testing import CliRunner

    import warehouse.migrate as migrate
    from flows.cli import app

    attempts = []
    real = migrate.upgrade
    monkeypatch.setattr(migrate, "upgrade", lambda engine, *a: attempts.append(1) or real(engine, *a))
    fast_retries(monkeypatch, "upgrade")
    url = f"postgresql+psycopg://figures:s3cr3t-pw@127.0.0.1:{closed_port()}/figures"
    result = CliRunner().invoke(app, ["run", "--warehouse", url])
    assert len(attempts) == 4                           # first try + 3 retries
    assert result.exit_code != 0
    message = str(result.exception or "") + result.output
    assert "s3cr3t-pw" not in message
    assert "Connection refused" in message or "connection failed" in message.lower(), message
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        "a database that stays unreachable is one 'error: ...' line and an exit code, not a traceback"


def test_a_read_only_warehouse_is_a_clear_error_and_stays_as_it_was(sqlite_target, monkeypatch, baseline_db):
    previous_run(sqlite_target, baseline_db)
    engine = sqlite_target.engine()
    before, runs_before = snapshot(engine), runs(engine)
    engine.dispose()
    (sqlite_target.raw / "articles" / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    fast_retries(monkeypatch, "upgrade", "start_run", "load_run", "finish_run", "loaded_articles")
    db = sqlite_target.tmp / "figures.db"
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    with pytest.raises(Exception, match="readonly database") as raised:
        run_flow(warehouse=read_only)
    assert "attempt to write a readonly database" in str(raised.value)
    engine = sqlite_target.engine()
    assert snapshot(engine) == before and runs(engine) == runs_before
    engine.dispose()


def test_a_full_disk_during_the_load_is_a_clear_error_and_rolls_the_run_back(sqlite_target, monkeypatch,
                                                                            baseline_db):
    """SQLite's own limit on the file's size returns the same SQLITE_FULL as a full disk."""
    from sqlalchemy import event

    import warehouse.engine as wh_engine
    from flows import steps

    previous_run(sqlite_target, baseline_db)
    engine = sqlite_target.engine()
    before = snapshot(engine)
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    engine.dispose()
    # distinct lines: a line printed twice is page furniture, not figures
    long_article = "Trade ledger\n\n" + "".join(
        f"In {2000 + i % 20}, exports of lot {i} rose {i % 97}.{i % 10} per cent to "
        f"{1000 + i:,} yuan (US${150 + i}).\n" for i in range(150))
    (sqlite_target.raw / "articles" / "ledger.txt").write_text(long_article, encoding="utf-8")

    real = wh_engine._sqlite_engine

    def disk_full_at_current_size(url):
        eng = real(url)

        @event.listens_for(eng, "connect")
        def _cap(dbapi_connection, _record):
            dbapi_connection.execute(f"PRAGMA max_page_count={pages + 1}")
        return eng

    monkeypatch.setattr(wh_engine, "_sqlite_engine", disk_full_at_current_size)
    steps._engine.cache_clear()
    fast_retries(monkeypatch, "load_run")
    try:
        with pytest.raises(Exception) as raised:
            run_flow(warehouse=sqlite_target.url)
    finally:
        steps._engine.cache_clear()
    message = str(raised.value)
    assert "database or disk is full" in message and "rolled back" in message, message
    monkeypatch.undo()
    engine = get_engine(sqlite_target.url)
    assert snapshot(engine) == before
    last = runs(engine)[-1]
    assert last["status"] == "failed" and "database or disk is full" in last["error"]
    engine.dispose()


# --------------------------------------------------------------------------- bad figures


def test_figures_that_fail_the_schema_are_quarantined_with_reason_and_run_id_and_counted(
        sqlite_target, monkeypatch):
    import tasks.extract_articles as extract_articles

    real = extract_articles.extract_articles

    def with_two_broken_rows(*args, **kwargs):
        frame = real(*args, **kwargs).copy()
        frame.loc[0, "end"] = frame.loc[0, "start"]          # an empty span
        frame.loc[1, "qualifier"] = "perhaps"                # not a qualifier
        return frame

    monkeypatch.setattr(extract_articles, "extract_articles", with_two_broken_rows)
    summary = run_flow(warehouse=sqlite_target.url)
    assert summary.rows_rejected == 2
    assert summary.rows_loaded == summary.figures_extracted - 2
    assert any("rows rejected:      2" in line.lower() for line in summary.lines())
    engine = sqlite_target.engine()
    with engine.connect() as conn:
        run_id = conn.scalar(sa.text("SELECT MAX(run_id) FROM etl_run"))
        rows = pd.read_sql(sa.text("SELECT * FROM quarantine"), conn)
        loaded_seqs = set(conn.execute(sa.text("SELECT seq FROM fct_figure")).scalars())
        recorded = conn.scalar(sa.text("SELECT rows_rejected FROM etl_run WHERE run_id = :r"),
                               {"r": run_id})
    assert set(rows["run_id"]) == {run_id} and recorded == 2
    assert sorted(rows["seq"].unique()) == [0, 1] and not {0, 1} & loaded_seqs
    by_seq = rows.set_index("seq")
    assert by_seq.loc[0, "check"] == "span_is_ordered"
    assert by_seq.loc[1, "column"] == "qualifier" and by_seq.loc[1, "failure_case"] == "perhaps"
    for reason in rows["reason"]:
        assert reason.startswith("extracted figures: figure ") and " at " in reason
    engine.dispose()
