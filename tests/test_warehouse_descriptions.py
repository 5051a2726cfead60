"""The warehouse describes itself: comments in PostgreSQL and a lineage in docs/warehouse.md,
both from the one source the data dictionary is generated from.

PostgreSQL tests need WAREHOUSE_TEST_PG_URL (each in a schema of its own).
"""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import text

from tests.warehouse_fixtures import PG_URL, pg_test_schema_prefix  # noqa: F401
from warehouse.dictionary import DOCS_PATH, view_comment, view_doc
from warehouse.engine import get_engine
from warehouse.lineage import RAW_INPUTS, RUN_RECORDS, mermaid, view_reads
from warehouse.migrate import alembic_config, upgrade, view_names
from warehouse.tables import metadata

pg_only = pytest.mark.skipif(not PG_URL, reason="WAREHOUSE_TEST_PG_URL is not set")


@pytest.fixture
def pg_schema(pg_test_schema_prefix):
    schema = f"{pg_test_schema_prefix}_desc"
    yield schema
    engine = get_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


def _descriptions(engine, relation):
    with engine.connect() as conn:
        described = conn.scalar(text("SELECT obj_description(CAST(:r AS regclass), 'pg_class')"),
                                {"r": relation})
        columns = dict(conn.execute(text(
            "SELECT a.attname, col_description(a.attrelid, a.attnum) FROM pg_attribute AS a "
            "WHERE a.attrelid = CAST(:r AS regclass) AND a.attnum > 0 AND NOT a.attisdropped"),
            {"r": relation}).all())
    return described, columns


@pg_only
def test_every_mart_view_and_its_columns_carry_the_data_dictionarys_descriptions(pg_schema):
    engine = get_engine(PG_URL, pg_schema)
    upgrade(engine)
    for name in view_names():
        doc = view_doc(name)
        described, columns = _descriptions(engine, name)
        assert described and described == view_comment(doc)
        assert set(columns) == {column for column, _ in doc.columns}, name
        for column, text_ in doc.columns:
            assert columns[column] and columns[column] == text_, f"{name}.{column}"
        # and it is the text docs/warehouse.md shows
        assert " ".join(doc.description) in DOCS_PATH.read_text(encoding="utf-8")
    engine.dispose()


@pg_only
def test_every_table_and_its_columns_carry_their_declared_comments(pg_schema):
    engine = get_engine(PG_URL, pg_schema)
    upgrade(engine)
    for table in metadata.sorted_tables:
        described, columns = _descriptions(engine, table.name)
        assert described == table.comment, table.name
        for column in table.columns:
            assert columns[column.name] == column.comment, f"{table.name}.{column.name}"
    engine.dispose()


@pg_only
def test_a_warehouse_made_before_the_comments_gets_them_on_upgrade(pg_schema):
    engine = get_engine(PG_URL, pg_schema)
    upgrade(engine)
    with engine.begin() as conn:  # back to the views of a warehouse made before them
        command.downgrade(alembic_config(conn), "0004_rejected_files")
    assert _descriptions(engine, "mart_figures")[0] is None
    upgrade(engine)
    described, columns = _descriptions(engine, "mart_figures")
    assert described == view_comment(view_doc("mart_figures"))
    assert all(columns.values())
    engine.dispose()


def test_every_table_is_in_the_lineage_or_is_a_record_of_runs():
    assert set(RAW_INPUTS) | set(RUN_RECORDS) == set(metadata.tables)
    assert not set(RAW_INPUTS) & set(RUN_RECORDS)


def test_every_table_a_view_reads_has_its_raw_inputs_declared():
    for view in view_names():
        reads = view_reads(view)
        assert reads, view
        assert all(RAW_INPUTS.get(table) for table in reads), (view, reads)


def test_the_lineage_reads_a_views_tables_from_its_sql():
    assert set(view_reads("mart_figures")) == {"fct_figure", "dim_article", "dim_region", "dim_metric"}
    assert "fct_fx_rate" in view_reads("mart_region_year")  # behind a CTE


def test_the_lineage_diagram_in_docs_warehouse_md_is_current():
    doc = DOCS_PATH.read_text(encoding="utf-8")
    assert f"```mermaid\n{mermaid()}\n```" in doc, "run `figures db docs`"
