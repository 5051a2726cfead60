"""Two `figures run` processes started together on one warehouse: their loads never
interleave, so the warehouse ends exactly as one run alone leaves it — no duplicate, no
lost row. On SQLite always; on PostgreSQL too when WAREHOUSE_TEST_PG_URL is set (in a
fresh schema, dropped afterwards)."""
import os
import uuid

import pytest
import sqlalchemy as sa

from tests.raw_copies import make_raw_root
from tests.warehouse_rows import duplicates, figures_cli, mart_rows

PG_URL = os.environ.get("WAREHOUSE_TEST_PG_URL")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("concurrent")
    raw = make_raw_root(tmp, copies=6)
    reference = f"sqlite:///{tmp / 'reference.db'}"
    done = figures_cli("run", "--batch-size", "2", raw=raw, tmp=tmp / "ref", warehouse=reference)
    assert done.returncode == 0, done.stdout + done.stderr
    return {"raw": raw, "tmp": tmp, "reference": mart_rows(sa.create_engine(reference))}


def _two_runs_together(corpus, url, schema=None):
    runs = [figures_cli("run", "--batch-size", "2", raw=corpus["raw"], tmp=corpus["tmp"] / name,
                        warehouse=url, schema=schema, wait=False) for name in ("a", "b")]
    outputs = [(p.wait(timeout=600), *p.communicate()) for p in runs]
    for code, out, err in outputs:
        assert code == 0, out + err[-3000:]
    return outputs


def _assert_same_as_one_run(engine, corpus):
    assert duplicates(engine) == {k: 0 for k in duplicates(engine)}
    assert mart_rows(engine) == corpus["reference"]
    with engine.connect() as conn:
        runs = conn.execute(sa.text(
            "select status, figures_loaded, articles_skipped from etl_run order by run_id")).all()
        figures = conn.scalar(sa.text("select count(*) from fct_figure"))
    assert [r.status for r in runs] == ["succeeded", "succeeded"]
    # Both extracted everything; what one loaded the other found loaded and skipped.
    assert sum(r.figures_loaded or 0 for r in runs) == figures


def test_two_runs_on_one_sqlite_warehouse_leave_what_one_run_leaves(corpus):
    url = f"sqlite:///{corpus['tmp'] / 'shared.db'}"
    _two_runs_together(corpus, url)
    _assert_same_as_one_run(sa.create_engine(url), corpus)


@pytest.mark.skipif(not PG_URL, reason="WAREHOUSE_TEST_PG_URL is not set")
def test_two_runs_on_one_postgresql_warehouse_leave_what_one_run_leaves(corpus):
    schema = f"concurrent_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(PG_URL)
    try:
        _two_runs_together(corpus, PG_URL, schema=schema)
        engine = sa.create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
        try:
            _assert_same_as_one_run(engine, corpus)
        finally:
            engine.dispose()
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()
