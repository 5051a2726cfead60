"""Security: the warehouse password never leaves in clear text, SQL in the data is data, and
the pipeline reads inputs only from its configured raw root.

(The BI role's rights are proved in tests/test_warehouse.py::test_bi_role_reads_only_the_mart_views.)
"""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tasks.read_raw import InputError
from tests.conftest import ROOT
from tests.test_reliability_faults import (  # noqa: F401
    PG_URL,
    SECOND_ARTICLE,
    baseline_db,
    closed_port,
    drop_target,
    fast_retries,
    make_target,
    previous_run,
    run_flow,
    snapshot,
)

EVIL = "Robert'); DROP TABLE fct_figure; --"


def leaks(secret: str, texts: dict[str, str]) -> list[str]:
    """Where `secret` occurs: the place and the text around it."""
    found = []
    for where, text in texts.items():
        at = text.find(secret)
        if at >= 0:
            found.append(f"{where}: ...{text[max(0, at - 200):at + len(secret) + 40]}...")
    return found


def prefect_records() -> dict[str, str]:
    """Everything the Prefect API holds about every run of this session, by kind."""
    from prefect.client.orchestration import get_client
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    out: dict[str, list[str]] = {"flow-run parameters": [], "flow runs": [], "states": [],
                                 "task runs": [], "artifacts": [], "logs": []}
    with get_client(sync_client=True) as client:
        for run in client.read_flow_runs(limit=200):
            out["flow-run parameters"].append(json.dumps(run.parameters, default=str))
            out["flow runs"].append(run.model_dump_json(exclude={"parameters"}))
            out["states"] += [s.model_dump_json() for s in client.read_flow_run_states(run.id)]
        out["task runs"] += [t.model_dump_json() for t in client.read_task_runs(limit=200)]
        out["artifacts"] += [a.model_dump_json() for a in client.read_artifacts(limit=200)]
        offset = 0
        while True:
            logs = client.read_logs(limit=200, offset=offset)
            out["logs"] += [log.model_dump_json() for log in logs]
            if len(logs) < 200:
                break
            offset += 200
    return {f"Prefect API {kind}": "\n".join(texts) for kind, texts in out.items()}


def assert_no_leak(secret: str, texts: dict[str, str]) -> None:
    found = leaks(secret, texts)
    assert not found, found


def files_text(*folders: Path) -> str:
    return "\n".join(p.read_text(errors="ignore") for f in folders if f.exists()
                     for p in f.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- the password


@pytest.mark.skipif(not PG_URL, reason="a password needs a server URL (WAREHOUSE_TEST_PG_URL)")
def test_the_password_of_a_working_warehouse_url_is_nowhere(tmp_path, monkeypatch, prefect_harness):
    """`figures run` against PostgreSQL with a password (trust auth ignores it): grep its
    terminal output, the Prefect API's flow runs, parameters, states, logs and artifacts, the
    report, the data docs and the warehouse's own etl_run rows."""
    from prefect.settings import PREFECT_API_URL
    from sqlalchemy.engine import make_url

    target = make_target("postgresql", tmp_path, monkeypatch)
    secret = f"pw-{uuid.uuid4().hex}"
    url = make_url(PG_URL).set(password=secret).render_as_string(hide_password=False)
    env = {**os.environ, "RAW_ROOT": str(target.raw), "QUALITY_DIR": str(tmp_path / "quality"),
           "REPORT_DIR": str(tmp_path / "report"), "WAREHOUSE_SCHEMA": target.schema,
           "PREFECT_API_URL": PREFECT_API_URL.value(), "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--warehouse", url],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        assert "Rows loaded" in done.stdout and "postgresql+psycopg://postgres:***@" in done.stdout
        engine = target.engine()
        with engine.connect() as conn:
            runs = json.dumps([dict(r) for r in conn.execute(sa.text("SELECT * FROM etl_run")).mappings()],
                              default=str)
        engine.dispose()
        assert_no_leak(secret, {
            "stdout": done.stdout, "stderr": done.stderr, "etl_run": runs,
            "report and data docs": files_text(tmp_path / "report", tmp_path / "quality"),
            **prefect_records()})
    finally:
        drop_target(target)


def test_the_password_of_an_unreachable_warehouse_is_in_no_error_log_or_api_record(
        tmp_path, monkeypatch, prefect_harness, capfd):
    from typer.testing import CliRunner

    from flows.cli import app

    make_target("sqlite", tmp_path, monkeypatch)
    fast_retries(monkeypatch, "upgrade")
    secret = f"pw-{uuid.uuid4().hex}"
    url = f"postgresql+psycopg://figures:{secret}@127.0.0.1:{closed_port()}/figures"
    result = CliRunner().invoke(app, ["run", "--warehouse", url])
    assert result.exit_code != 0
    out, err = capfd.readouterr()
    assert_no_leak(secret, {"CLI output": result.output, "exception": repr(result.exception),
                            "stdout": out, "stderr": err, **prefect_records()})


# --------------------------------------------------------------------------- SQL is data


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="WAREHOUSE_TEST_PG_URL is not set"))])
def target(request, tmp_path, monkeypatch, prefect_harness):
    t = make_target(request.param, tmp_path, monkeypatch)
    yield t
    drop_target(t)


def test_sql_in_an_articles_file_name_title_and_text_is_stored_as_data(target, baseline_db):
    previous_run(target, baseline_db)
    name = f"{EVIL}.txt"
    text = f"{EVIL}\n\n" + SECOND_ARTICLE.replace("the park", f"the park {EVIL}")
    (target.raw / "articles" / name).write_text(text, encoding="utf-8")
    with (target.raw / "tables" / "articles.csv").open("a", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerow(
            [name, EVIL, EVIL, "https://example.com/?q=1'--", "2021", "year", EVIL])
    summary = run_flow(warehouse=target.url)
    assert summary.rows_loaded > 0
    engine = target.engine()
    with engine.connect() as conn:
        article = conn.execute(sa.text("SELECT path, title, publisher, url FROM dim_article "
                                       "WHERE title = :t"), {"t": EVIL}).one()
        sentences = conn.execute(sa.text(
            "SELECT DISTINCT sentence_text FROM mart_figures WHERE article_title = :t"),
            {"t": EVIL}).scalars().all() if _has_column(conn, "mart_figures", "sentence_text") else []
        seed_figures = conn.scalar(sa.text(
            "SELECT COUNT(*) FROM mart_figures WHERE article_title <> :t"), {"t": EVIL})
        evil_figures = conn.scalar(sa.text(
            "SELECT COUNT(*) FROM mart_figures WHERE article_title = :t"), {"t": EVIL})
    engine.dispose()
    assert tuple(article) == (name, EVIL, EVIL, "https://example.com/?q=1'--")
    assert seed_figures > 20 and evil_figures >= 3       # fct_figure is still there, and full
    assert all(isinstance(s, str) for s in sentences)


def _has_column(conn, table, column) -> bool:
    return column in {c["name"] for c in sa.inspect(conn).get_columns(table)}


# --------------------------------------------------------------------------- the raw root


def test_only_the_configured_raw_root_is_read(tmp_path, monkeypatch, prefect_harness, baseline_db):
    """With RAW_ROOT pointing at a copy, no file of the project's own raw/ (nor any other
    .txt/.csv outside the copy) is opened by a whole run, and every input comes from the copy."""
    target = make_target("sqlite", tmp_path, monkeypatch)
    previous_run(target, baseline_db)
    (target.raw / "articles" / "second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    opened: list[str] = []
    watching = [True]

    def audit(event, args):
        if watching[0] and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(args[0]))

    sys.addaudithook(audit)       # cannot be removed: `watching` switches it off
    try:
        run_flow(warehouse=target.url)
    finally:
        watching[0] = False
    project_raw = str(ROOT / "raw") + os.sep
    copy = str(target.raw) + os.sep
    # The article reader opens a folder by its path, then each name in it relative to that
    # folder's descriptor (openat): a bare name is inside the folder opened before it.
    absolute = [os.path.abspath(p) for p in opened if os.sep in p]
    assert not [p for p in absolute if p.startswith(project_raw)]
    inputs = [p for p in absolute if p.endswith((".txt", ".csv")) and "site-packages" not in p]
    assert inputs and all(p.startswith(copy) for p in inputs), inputs
    assert copy + "articles" in absolute
    assert "scmp-xinjiang-pairing-assistance.txt" in opened


def test_links_and_patterns_out_of_the_raw_root_are_refused_and_nothing_is_loaded(
        tmp_path, monkeypatch, prefect_harness, baseline_db):
    target = make_target("sqlite", tmp_path, monkeypatch)
    previous_run(target, baseline_db)
    engine = target.engine()
    before = snapshot(engine)
    secret = tmp_path / "secret.txt"
    secret.write_text(f"GDP rose 5 per cent. {uuid.uuid4().hex}", encoding="utf-8")
    for pattern in ("../../secret.txt", str(secret), "/etc/passwd", "../../*.txt"):
        with pytest.raises(InputError, match="outside the raw articles folder"):
            run_flow(warehouse=target.url, articles=pattern)
    (target.raw / "articles" / "leak.txt").symlink_to(secret)
    # one bad file does not stop the run: it is named and skipped, the rest is as it was
    summary = run_flow(warehouse=target.url)
    assert [r.split(";")[0] for r in summary.rejected_files] == [
        f"leak.txt: outside the raw articles folder {target.raw / 'articles'}"]
    assert snapshot(engine) == before
    engine.dispose()
