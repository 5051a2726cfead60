"""Create or upgrade a warehouse to the latest schema: ``upgrade(engine)``.

Alembic runs on a connection we hand it, so the same code migrates any URL and any
PostgreSQL schema; no ``alembic.ini`` is read at run time. (``warehouse/migrations/alembic.ini``
exists only for developers writing a new revision with the ``alembic`` command.)

The ``mart_`` views are plain SELECTs in ``warehouse/views/<name>.sql``: the head revision's
views, which the data dictionary documents. Every revision that creates views creates them from
its own frozen copy, ``warehouse/migrations/views/<revision>/`` (``revision_views``), never
from ``warehouse/views/``: editing a view there changes no old revision. A change to a view is
a new revision with a frozen copy of its own (tests/test_warehouse.py checks that the head
revision's copy is ``warehouse/views/``).
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from warehouse.engine import warehouse_schema, write_transaction

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VIEWS_DIR = Path(__file__).resolve().parent / "views"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Bring the warehouse at ``engine`` to ``revision``; returns the revision it is at.

    Holds the warehouse write lock, so two runs starting together on an empty database do not
    both create the tables. Creates the PostgreSQL schema first when the engine names one.
    """
    with write_transaction(engine) as conn:
        schema = warehouse_schema(conn)
        if schema and conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        command.upgrade(alembic_config(conn), revision)
        return MigrationContext.configure(conn).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def view_names(directory: Path = VIEWS_DIR) -> list[str]:
    return sorted(p.stem for p in Path(directory).glob("*.sql"))


def view_sql(name: str, directory: Path = VIEWS_DIR) -> str:
    """The SELECT of view ``name`` (header comments included, trailing ``;`` removed)."""
    return (Path(directory) / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";").strip()


def revision_views(revision: str) -> Path:
    """Where the views of an older revision are kept, as that revision created them."""
    return MIGRATIONS_DIR / "views" / revision


def drop_views(conn: Connection, directory: Path = VIEWS_DIR) -> None:
    for name in reversed(view_names(directory)):
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")


def create_views(conn: Connection, directory: Path = VIEWS_DIR) -> None:
    """(Re)create every ``mart_`` view from ``directory`` (default ``warehouse/views/*.sql``),
    with its description and its columns' as comments (PostgreSQL)."""
    from warehouse.dictionary import apply_view_comments  # it reads the views' headers from here

    drop_views(conn, directory)
    for name in view_names(directory):
        conn.exec_driver_sql(f"CREATE VIEW {name} AS\n{view_sql(name, directory)}")
    apply_view_comments(conn, directory)
