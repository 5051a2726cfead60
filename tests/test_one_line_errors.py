"""What a user can reach ends in one line on the screen, never a traceback (issue 16, item 2).

`python -m flows.pipeline --help`, `figures extract` on a cp1252 file, a malformed table in a
project never loaded, and a warehouse that refuses connections through Prefect's retries.
The rest of the one-line errors are in tests/test_reliability_limits.py (docs/reliability.md).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
import sqlalchemy as sa

from flows.cli_init import scaffold
from tasks.read_raw import decode_article
from tests.raw_copies import ROOT
from tests.test_read_raw import FRENCH

CP1252_TEXT = ("Caf\u00e9 sales rose 5 per cent to \u201c\u00a34bn\u201d in 2023, the "
               "na\u00efve estimate said.\n")


def _figures(*args, cwd, env=None, **kwargs):
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("WAREHOUSE_", "PREFECT_", "FIGURES_")) and k != "RAW_ROOT"}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=cwd,
                          env={**clean, **(env or {})}, capture_output=True, text=True,
                          timeout=300, **kwargs)


def test_python_m_flows_pipeline_help_prints_the_options_and_records_no_run(tmp_path):
    scaffold(tmp_path / "project")
    done = subprocess.run([sys.executable, "-m", "flows.pipeline", "--help"],
                          cwd=tmp_path / "project", capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert "Usage: python -m flows.pipeline [OPTIONS]" in done.stdout
    assert "--full-refresh" in done.stdout and "--published-since" in done.stdout
    assert list((tmp_path / "project" / "warehouse").iterdir()) == []  # no .db, no run


def test_figures_extract_reads_a_cp1252_file_as_figures_run_does(tmp_path):
    data = CP1252_TEXT.encode("cp1252")
    path = tmp_path / "win.txt"
    path.write_bytes(data)
    assert decode_article(data, "win.txt") == (CP1252_TEXT, "cp1252")  # what a run reads
    done = _figures("extract", str(path), cwd=ROOT, env={"COLUMNS": "200"})
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "£4bn" in done.stdout and "5 per cent" in done.stdout


def test_figures_extract_of_an_undecodable_file_is_one_line_naming_it(tmp_path):
    path = tmp_path / "sjis.txt"
    path.write_bytes("価格は5パーセント上昇した。".encode("shift_jis"))
    done = _figures("extract", str(path), cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.strip().startswith(f"error: {path}: not UTF-8"), done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_malformed_table_is_one_error_block_before_prefect_and_before_any_file_is_made(tmp_path):
    project = tmp_path / "project"
    scaffold(project)
    fx = project / "raw" / "tables" / "fx_rates.csv"
    lines = fx.read_text(encoding="utf-8").splitlines()
    header, first = lines[0].split(","), lines[1].split(",")
    first[header.index("cny_per_unit")] = "six"
    fx.write_text("\n".join([lines[0], ",".join(first), *lines[2:]]) + "\n", encoding="utf-8")
    done = _figures("run", cwd=project)
    assert done.returncode == 2
    assert done.stdout.startswith("error: 1 problem(s) in the curated tables:"), done.stdout
    assert "fx_rates.csv: row 0 (line 2 of the CSV), column cny_per_unit: is not a number" in done.stdout
    assert "prefect" not in (done.stdout + done.stderr).lower()  # Prefect never started
    assert list((project / "warehouse").iterdir()) == []        # no figures.db, no log


@pytest.mark.slow
def test_a_warehouse_that_refuses_connections_is_log_lines_and_one_error_without_a_traceback(tmp_path):
    pytest.importorskip("psycopg")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = tmp_path / "project"
    scaffold(project)
    done = _figures("run", "--warehouse", f"postgresql+psycopg://u:secret@127.0.0.1:{port}/x",
                    cwd=project)
    screen = done.stdout + done.stderr
    assert done.returncode == 1, screen
    assert "Traceback" not in screen
    errors = [line for line in screen.splitlines() if line.startswith("error:")]
    assert errors == [f'error: the warehouse refused the run: (psycopg.OperationalError) connection '
                      f'failed: connection to server at "127.0.0.1", port {port} failed: Connection refused']
    assert "Retry 3/3" in screen  # Prefect's retries are still told, a line each
    log = project / "warehouse" / "logs" / "tracebacks.log"
    assert f"(traceback in {log})" in screen
    kept = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in kept and "OperationalError" in kept
    assert "secret" not in screen + kept


@pytest.mark.slow
def test_debug_shows_the_tracebacks_on_the_screen(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = tmp_path / "project"
    scaffold(project)
    done = _figures("run", "--debug", "--warehouse", f"postgresql+psycopg://u@127.0.0.1:{port}/x",
                    cwd=project)
    assert done.returncode == 1
    assert "Traceback (most recent call last)" in done.stdout + done.stderr
    assert not (project / "warehouse" / "logs").exists()


@pytest.mark.parametrize("command, says", [
    (["report"], "error: the warehouse could not be read: (psycopg.OperationalError) connection failed"),
    (["db", "upgrade"], "error: could not upgrade the warehouse: (psycopg.OperationalError) connection failed"),
])
def test_report_and_db_on_a_refused_warehouse_are_one_line(command, says, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = _figures(*command, "--warehouse", f"postgresql+psycopg://u@127.0.0.1:{port}/x",
                    cwd=tmp_path, env={"COLUMNS": "300"})
    screen = (done.stdout + done.stderr).strip()
    assert done.returncode in (1, 2)
    assert "Traceback" not in screen
    assert screen.startswith(says) and len(screen.splitlines()) == 1, screen


def test_figures_extract_reads_a_french_cp1252_file_as_the_same_text_in_utf8(tmp_path):
    tables = ["--tables", str(ROOT / "raw" / "tables")]
    screens = []
    for encoding in ("cp1252", "utf-8"):
        path = tmp_path / encoding / "fr.txt"
        path.parent.mkdir()
        path.write_bytes(FRENCH.encode(encoding))
        done = _figures("extract", str(path), *tables, cwd=tmp_path, env={"COLUMNS": "200"})
        assert done.returncode == 0, done.stderr
        screens.append(done.stdout)
    assert screens[0] == screens[1]      # the same figures at the same offsets
    assert "154 milliards" in screens[0] and "déficit" in screens[0]


@pytest.mark.slow
def test_figures_run_loads_a_french_cp1252_article_with_its_own_text(tmp_path):
    project = tmp_path / "project"
    scaffold(project)
    (project / "raw" / "articles" / "fr.txt").write_bytes(FRENCH.encode("cp1252"))
    done = _figures("run", "--project", str(project), cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr  # a rejected file would exit 3
    assert "new: fr.txt" in done.stdout
    engine = sa.create_engine(f"sqlite:///{project / 'warehouse' / 'figures.db'}")
    with engine.connect() as conn:
        title = conn.scalar(sa.text("select title from dim_article where path = 'fr.txt'"))
        spans = conn.execute(sa.text(
            'select f.start, f."end", f.surface from fct_figure f '
            "join dim_article a on a.article_key = f.article_key where a.path = 'fr.txt'")).all()
    engine.dispose()
    assert title == FRENCH.splitlines()[0]
    assert spans and all(FRENCH[start:end] == surface for start, end, surface in spans)
