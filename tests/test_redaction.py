"""No password of any characters reaches a summary, a log, a Prefect record, etl_run or the report.

URLs are shown through SQLAlchemy's parser (``warehouse.engine.redact_url``); messages that may
quote one go through ``redact``. Properties: for every password hypothesis can write, written
as the URL rules say (percent-encoded, as SQLAlchemy renders it) or typed raw by a tired
operator, neither function's output contains it.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import sqlalchemy as sa
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import URL, make_url

from tasks.summary import RunSummary
from tests.conftest import ROOT
from tests.test_reliability_faults import PG_URL, drop_target, make_target
from tests.test_security import assert_no_leak, files_text, prefect_records
from warehouse.engine import redact, redact_url

SHAPE = "postgresql+psycopg://figures:***@db.example:5432/figures"
# Every fixed text the two functions can return around a hidden password: a password that is
# part of these cannot be told from them, so the properties only ask about other passwords.
FIXED = (SHAPE + " (the URL does not parse) (the URL is not well formed: an @ in a password is "
         "written %40) (not shown, it may hold a password) could not connect to : timeout")
NASTY = ["p ss", "p@ss", "p:ss", "p/ss", "p%ss", "p#ss", "p%20ss", "@@", ":@/", "a b@c:d/e%f#g?h",
         "line\nbreak", "semi;colon'quote\"", "x@db.example:5432/figures"]


def encoded(password: str) -> str:
    return URL.create("postgresql+psycopg", username="figures", password=password,
                      host="db.example", port=5432, database="figures").render_as_string(
                          hide_password=False)


def raw(password: str) -> str:
    return f"postgresql+psycopg://figures:{password}@db.example:5432/figures"


passwords = st.text(min_size=1, max_size=40)


def with_examples(values):
    """Hypothesis @example for each of `values`: the characters the issue names always run."""
    def decorate(test):
        for value in values:
            test = example(value)(test)
        return test
    return decorate


@settings(max_examples=400, deadline=None)
@given(passwords)
@with_examples(NASTY)
def test_a_url_with_a_password_of_any_characters_shows_everything_but_the_password(password):
    url = encoded(password)
    assert make_url(url).password == password  # the URL really carries it
    assert redact_url(url) == SHAPE
    assert redact(url) == SHAPE
    assert redact(f"could not connect to {url}: timeout") == f"could not connect to {SHAPE}: timeout"


@settings(max_examples=400, deadline=None)
@given(passwords)
@with_examples(NASTY)
def test_a_password_typed_raw_into_a_url_is_never_shown_whatever_its_characters(password):
    assume(password not in FIXED)
    url = raw(password)
    for shown in (redact_url(url), redact(url), redact(f"could not connect to {url}: timeout")):
        assert password not in shown, shown


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=4, max_size=60))
def test_a_url_that_does_not_parse_is_not_echoed(text):
    assume("://" not in text)
    assume(text not in FIXED)
    assert text not in redact_url(text)


def test_secret_query_parameters_are_hidden_too():
    shown = redact_url("postgresql+psycopg://figures@db/figures?password=s3cret&sslmode=require")
    assert "s3cret" not in shown and "sslmode=require" in shown and "password=***" in shown


def test_a_sqlite_path_is_shown_whole():
    assert redact_url("sqlite:////data/team@work/figures.db") == "sqlite:////data/team@work/figures.db"


@pytest.mark.parametrize("password", NASTY)
def test_the_run_summary_and_its_artifact_never_hold_the_password(password):
    url = encoded(password)
    summary = RunSummary(warehouse=redact_url(url))
    assert password not in "\n".join(summary.lines()) and password not in summary.markdown()
    assert f"Warehouse:          {SHAPE}" in summary.lines()


def prefect_events() -> str:
    """Every event the Prefect API holds (an artifact's creation, state changes...), as JSON."""
    from prefect.client.orchestration import get_client

    texts = []
    with get_client(sync_client=True) as client:
        page = client.read_events(limit=50)  # the most the API serves a page
        while True:
            texts += [event.model_dump_json() for event in page.events]
            if not page.next_page:
                break
            page = client.read_events_page(page.next_page)
    assert texts, "the API recorded no event at all: the check would prove nothing"
    return "\n".join(texts)


@pytest.mark.skipif(not PG_URL, reason="a password needs a server URL (WAREHOUSE_TEST_PG_URL)")
@pytest.mark.parametrize("password", ["a b@c:d/e%f#g?h", "pass word"])
def test_a_password_with_spaces_and_url_characters_in_warehouse_url_is_nowhere(
        password, tmp_path, monkeypatch, prefect_harness):
    """The issue's case: WAREHOUSE_URL (not --warehouse) with a space in the password was
    printed in the summary and stored in Prefect's artifact. Grep every output the run makes."""
    from prefect.settings import PREFECT_API_URL

    target = make_target("postgresql", tmp_path, monkeypatch)
    secret = f"{password}-{os.getpid()}"
    url = make_url(PG_URL).set(password=secret).render_as_string(hide_password=False)
    env = {**os.environ, "RAW_ROOT": str(target.raw), "QUALITY_DIR": str(tmp_path / "quality"),
           "REPORT_DIR": str(tmp_path / "report"), "WAREHOUSE_SCHEMA": target.schema,
           "WAREHOUSE_URL": url, "PREFECT_API_URL": PREFECT_API_URL.value(),
           "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-m", "flows.cli", "run"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        assert "Warehouse:          postgresql+psycopg://postgres:***@" in done.stdout
        engine = target.engine()
        with engine.connect() as conn:
            runs = json.dumps([dict(r) for r in conn.execute(sa.text("SELECT * FROM etl_run")).mappings()],
                              default=str)
        engine.dispose()
        records = {"stdout": done.stdout, "stderr": done.stderr, "etl_run": runs,
                   "report and data docs": files_text(tmp_path / "report", tmp_path / "quality"),
                   "Prefect API events": prefect_events(), **prefect_records()}
        assert_no_leak(secret, records)
        assert_no_leak(make_url(url).render_as_string(hide_password=False).split("@")[0], records)
    finally:
        drop_target(target)
