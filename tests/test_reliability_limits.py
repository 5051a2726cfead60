"""Every fault a user can reach ends in one clear line, in bounded time (issue 14, the rest).

Settings, timeouts, signals, caps, bad dates and region trees, abandoned runs, edits to
articles.csv, and the inputs of `figures extract`. See docs/reliability.md.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from flows.cli import app
from flows.runners import reachable
from schemas.tables import TableValidationError, validate_tables
from tasks.config import SettingsError, load_settings
from tasks.extract import parse_figures
from tasks.read_raw import InputError, read_articles, read_tables, scan_articles
from warehouse.changes import metadata_edited
from warehouse.engine import get_engine, timed_out
from warehouse.load import start_run
from warehouse.migrate import upgrade
from warehouse.runs import mark_abandoned

ROOT = Path(__file__).resolve().parent.parent
TABLES = ROOT / "raw" / "tables"


def one_line_error(result) -> str:
    """The CLI's output, asserted to be an `error:` line and no traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output
    return errors[0]


@pytest.fixture
def hanging_server():
    """A port that accepts TCP connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


# --------------------------------------------------------------------------- settings


@pytest.mark.parametrize("value", ["0", "abc", "-5"])
def test_a_bad_max_article_bytes_is_one_line_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv("MAX_ARTICLE_BYTES", value)
    with pytest.raises(SettingsError, match="^bad setting: MAX_ARTICLE_BYTES: ") as raised:
        load_settings()
    assert "\n" not in str(raised.value)
    result = CliRunner().invoke(app, ["run"])
    assert result.exit_code == 2
    assert "MAX_ARTICLE_BYTES" in one_line_error(result)


# --------------------------------------------------------------------------- hangs


def test_a_database_that_accepts_but_never_answers_fails_within_the_connect_timeout(hanging_server):
    engine = get_engine(f"postgresql+psycopg://u:pw@127.0.0.1:{hanging_server}/db",
                        connect_timeout=1, statement_timeout=5)
    started = time.monotonic()
    with pytest.raises(sa.exc.OperationalError) as raised:
        engine.connect()
    assert time.monotonic() - started < 5
    assert timed_out(raised.value)


def test_the_cli_names_a_silent_warehouse_in_one_line_without_starting_prefect(
        hanging_server, monkeypatch, tmp_path):
    monkeypatch.setenv("DB_CONNECT_TIMEOUT", "1")
    started = time.monotonic()
    result = CliRunner().invoke(app, ["run", "--warehouse",
                                      f"postgresql+psycopg://u:pw@127.0.0.1:{hanging_server}/db"])
    assert time.monotonic() - started < 20
    assert result.exit_code == 1
    line = one_line_error(result)
    assert "did not answer within 1 s (DB_CONNECT_TIMEOUT)" in line and "pw@" not in line


@pytest.mark.skipif(not os.environ.get("WAREHOUSE_TEST_PG_URL"), reason="WAREHOUSE_TEST_PG_URL is not set")
def test_a_statement_that_runs_past_the_statement_timeout_is_cancelled():
    engine = get_engine(os.environ["WAREHOUSE_TEST_PG_URL"], statement_timeout=1)
    started = time.monotonic()
    with pytest.raises(sa.exc.OperationalError) as raised, engine.connect() as conn:
        conn.execute(sa.text("SELECT pg_sleep(5)"))
    assert time.monotonic() - started < 4 and timed_out(raised.value)
    engine.dispose()


def test_a_dask_address_that_does_not_answer_is_refused_within_the_timeout(hanging_server):
    started = time.monotonic()
    assert reachable(f"tcp://127.0.0.1:{hanging_server}", 1) == "no answer"
    assert time.monotonic() - started < 4


def test_an_unreachable_dask_address_is_one_line_before_prefect_starts(monkeypatch):
    monkeypatch.setenv("DASK_CONNECT_TIMEOUT", "1")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    result = CliRunner().invoke(app, ["run", "--address", f"tcp://127.0.0.1:{port}"])
    assert result.exit_code == 1
    assert f"Dask scheduler tcp://127.0.0.1:{port}" in one_line_error(result)


# --------------------------------------------------------------------------- memory


def test_an_article_of_nothing_but_numbers_is_rejected_by_name_before_extraction(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ones.txt").write_text("1 " * 50_000, encoding="utf-8")
    (articles / "news.txt").write_text("Exports rose 5 per cent in 2023 to $3 billion.\n",
                                       encoding="utf-8")
    good, bad = read_articles(sorted(articles.iterdir()), articles, 10_000_000, max_numbers=1_000)
    assert [a.path for a in good] == ["news.txt"]
    assert [r.path for r in bad] == ["ones.txt"]
    assert bad[0].reason.startswith("ones.txt: more than 1,000 numbers")
    assert "MAX_ARTICLE_FIGURES" in bad[0].reason


def test_an_article_of_number_words_is_rejected_like_one_of_digits(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "words.txt").write_text("One two three four five. " * 300, encoding="utf-8")
    (articles / "news.txt").write_text("Some three hundred and twenty workers lost their jobs, "
                                       "one in five of them in Ohio.\n", encoding="utf-8")
    good, bad = read_articles(sorted(articles.iterdir()), articles, 10_000_000, max_numbers=1_000)
    assert [a.path for a in good] == ["news.txt"]
    assert [r.path for r in bad] == ["words.txt"]
    assert bad[0].reason.startswith("words.txt: more than 1,000 numbers")


def test_a_megabyte_digit_run_is_no_figure_and_no_overflow():
    text = "Output was " + "9" * 1_100_000 + " tonnes, and exports rose 4 per cent."
    figures = parse_figures(text, None)
    assert [f.surface for f in figures] == ["4 per cent"]


# --------------------------------------------------------------------------- bad values


def tables_with(**changes) -> dict[str, pd.DataFrame]:
    tables = read_tables(TABLES)
    for name, change in changes.items():
        tables[name] = change(tables[name].copy())
    return tables


@pytest.mark.parametrize("pub_date, precision", [("2021-13-45", "day"), ("0000", "year"),
                                                 ("2023-02-29", "day"), ("2021-00", "month")])
def test_a_pub_date_that_is_no_calendar_date_is_a_row_error(pub_date, precision):
    def bad(df):
        df.loc[0, ["pub_date", "pub_date_precision"]] = [pub_date, precision]
        return df

    with pytest.raises(TableValidationError) as raised:
        validate_tables(tables_with(**{"articles.csv": bad}))
    assert raised.value.problems == [
        f"articles.csv: row 0 (line 2 of the CSV), column pub_date: is not a real date (YYYY, "
        f"YYYY-MM or YYYY-MM-DD: a month 01-12, a day of that month, a year from 0001) "
        f"(value: {pub_date})"]


def test_a_leap_day_and_a_year_alone_are_real_dates():
    def fine(df):
        df.loc[0, ["pub_date", "pub_date_precision"]] = ["2024-02-29", "day"]
        return df

    assert validate_tables(tables_with(**{"articles.csv": fine}))["articles.csv"].loc[0, "pub_date"] \
        == "2024-02-29"


def regions_plus(*rows):
    def add(df):
        extra = pd.DataFrame([dict(zip(("name", "level", "parent", "source"), r)) for r in rows])
        return pd.concat([df, extra], ignore_index=True)
    return add


def test_a_region_that_is_its_own_parent_is_named():
    tables = tables_with(**{"regions.csv": regions_plus(("Ouroboros", "province", "Ouroboros", "t"))})
    row = len(tables["regions.csv"]) - 1
    with pytest.raises(TableValidationError) as raised:
        validate_tables(tables)
    assert raised.value.problems == [
        f"regions.csv: row {row} (line {row + 2} of the CSV), column parent: the region is its "
        "own parent (value: Ouroboros); parents must form a tree"]


def test_a_cycle_of_parents_is_named_once_with_every_row_in_it():
    tables = tables_with(**{"regions.csv": regions_plus(("Aland", "province", "Cland", "t"),
                                                        ("Bland", "province", "Aland", "t"),
                                                        ("Cland", "province", "Bland", "t"),
                                                        ("Dland", "city", "Aland", "t"))})
    a = len(tables["regions.csv"]) - 4
    with pytest.raises(TableValidationError) as raised:
        validate_tables(tables)
    assert raised.value.problems == [
        f"regions.csv: row {a} (line {a + 2} of the CSV), column parent: the parents form a "
        f"cycle, Aland (row {a}) -> Cland (row {a + 2}) -> Bland (row {a + 1}) -> Aland (row {a}); "
        "parents must form a tree"]


def test_a_chain_of_a_thousand_parents_is_a_tree():
    chain = [(f"Level{i}", "city", f"Level{i - 1}" if i else "China", "t") for i in range(1000)]
    validate_tables(tables_with(**{"regions.csv": regions_plus(*chain)}))


def test_a_missing_tables_folder_is_one_line_naming_it(tmp_path):
    with pytest.raises(InputError, match="the curated tables folder does not exist"):
        read_tables(tmp_path / "nowhere")


def test_an_edited_title_or_date_marks_the_loaded_article_for_reloading():
    stored = {"a.txt": {"title": "Old", "publisher": None, "url": None, "pub_date": "2021",
                        "pub_date_precision": "year"},
              "b.txt": {"title": "Same", "publisher": "P", "url": None, "pub_date": None,
                        "pub_date_precision": "unknown"}}
    now = [{"path": "a.txt", "title": "Old", "publisher": None, "url": None,
            "pub_date": "2021-08-01", "pub_date_precision": "day"},
           {"path": "b.txt", "title": "Same", "publisher": "P", "url": float("nan"),
            "pub_date": None, "pub_date_precision": "unknown"},
           {"path": "new.txt", "title": "New"}]
    assert metadata_edited(now, stored) == ["a.txt"]


# --------------------------------------------------------------------------- CLI input


def test_a_five_thousand_character_articles_pattern_is_one_line(tmp_path):
    (tmp_path / "articles").mkdir()
    with pytest.raises(InputError, match=r"\(5,000 characters\): not a file name"):
        scan_articles(tmp_path / "articles", "a" * 5000)


def test_a_batch_size_over_the_limit_is_refused_before_anything_runs():
    result = CliRunner().invoke(app, ["run", "--batch-size", "20000"])
    assert result.exit_code == 2
    words = " ".join(w for w in result.output.split() if w != "│")  # typer boxes the message
    assert "20000 is not a batch size; it must be at least 1 and at most 10,000" in words


@pytest.mark.parametrize("lines, says", [
    ('{"id": "a", "text": "Up 5 per cent."}\n{bad json\n', "stdin line 2: not JSON"),
    ('{"id": "a", "text": 12345}\n', 'stdin line 1: "text" must be a string, got int'),
    ('{"id": "a", "text": "Up 5 per cent.", "pub_date": "2021-13-45"}\n',
     'stdin line 1: "pub_date" is not a real date'),
    ('[1, 2]\n', "stdin line 1: expected a JSON object"),
])
def test_bad_json_lines_of_figures_extract_are_one_line_naming_the_line(lines, says):
    result = subprocess.run([sys.executable, "-m", "flows.cli", "extract", "--jsonl"], input=lines,
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"error: {says}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_figures_extract_of_a_missing_file_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "absent.txt")])
    assert result.exit_code == 2
    assert "absent.txt: no such file" in one_line_error(result)


# --------------------------------------------------------------------------- runs


def sqlite_warehouse(tmp_path):
    engine = get_engine(f"sqlite:///{tmp_path / 'w.db'}")
    upgrade(engine)
    return engine


def statuses(engine):
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT run_id, status, error FROM etl_run ORDER BY run_id")).all()


def test_a_run_whose_process_died_is_marked_abandoned_by_the_next(tmp_path):
    engine = sqlite_warehouse(tmp_path)
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True)
    dead_pid = int(child.stdout)
    live = start_run(engine, None, {})          # this process: alive
    dead = start_run(engine, None, {})
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE etl_run SET error = :e WHERE run_id = :r"),
                     {"e": f"running as process {dead_pid} on {socket.gethostname()}", "r": dead})
    assert mark_abandoned(engine, timedelta(hours=24)) == [dead]
    rows = {r.run_id: r for r in statuses(engine)}
    assert rows[live].status == "running"
    assert rows[dead].status == "abandoned" and rows[dead].error.startswith(
        f"abandoned: process {dead_pid} on {socket.gethostname()} ended without finishing")


def test_a_run_running_past_the_stale_limit_is_marked_abandoned(tmp_path):
    engine = sqlite_warehouse(tmp_path)
    old = start_run(engine, None, {}, started_at=datetime.now(timezone.utc) - timedelta(hours=30))
    young = start_run(engine, None, {})
    with engine.begin() as conn:  # another host: its process cannot be looked at
        conn.execute(sa.text("UPDATE etl_run SET error = 'running as process 1 on elsewhere'"))
    assert mark_abandoned(engine, timedelta(hours=24)) == [old]
    rows = {r.run_id: r.status for r in statuses(engine)}
    assert rows == {old: "abandoned", young: "running"}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_during_a_run_ends_it_within_ten_seconds_with_one_line_and_no_orphan(tmp_path, sig):
    raw = tmp_path / "raw"
    (raw / "articles").mkdir(parents=True)
    subprocess.run(["cp", "-r", str(TABLES), str(raw / "tables")], check=True)
    seed = (ROOT / "raw" / "articles" / "scmp-xinjiang-pairing-assistance.txt").read_text()
    for i in range(300):  # enough that the run is still extracting when the signal comes
        (raw / "articles" / f"copy{i}.txt").write_text(f"{seed}\nCopy {i} rose {i} per cent.\n")
    env = {**os.environ, "RAW_ROOT": str(raw), "WAREHOUSE_URL": f"sqlite:///{tmp_path / 'w.db'}",
           "REPORT_DIR": str(tmp_path / "report"), "QUALITY_DIR": str(tmp_path / "quality")}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "run"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 240
    # wait until the run is recorded (extraction has begun) and its server is a child
    engine = get_engine(env["WAREHOUSE_URL"])
    while time.monotonic() < deadline:
        try:
            if statuses(engine):
                break
        except sa.exc.OperationalError:
            pass
        time.sleep(0.5)
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(proc.pid)], capture_output=True,
                              text=True).stdout.split()
    assert children, "the run's Prefect server should be running"
    sent = time.monotonic()
    proc.send_signal(sig)
    output, _ = proc.communicate(timeout=30)
    assert time.monotonic() - sent < 10
    assert proc.returncode == 130
    assert "Traceback" not in output
    assert [ln for ln in output.splitlines() if ln.startswith("error: interrupted by")], output
    time.sleep(0.5)
    assert all(not Path(f"/proc/{pid}").exists() for pid in children), "an orphan process"
    [(run_id, status, error)] = statuses(engine)
    assert status == "interrupted" and error.startswith(f"interrupted by {sig.name}")
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM fct_figure")).scalar() == 0
    engine.dispose()


def test_a_report_folder_that_cannot_be_written_is_one_line(tmp_path):
    engine = sqlite_warehouse(tmp_path)
    engine.dispose()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = CliRunner().invoke(app, ["report", "--out", str(blocked / "report"),
                                      "--warehouse", f"sqlite:///{tmp_path / 'w.db'}"])
    assert result.exit_code == 1
    assert "the report could not be written (not a directory)" in one_line_error(result)
