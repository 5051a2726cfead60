"""Alembic environment for the warehouse.

At run time ``warehouse.migrate.upgrade`` passes an open connection in
``config.attributes["connection"]`` (any URL, any schema: the engine's ``search_path`` decides
where objects go). From the ``alembic`` command line the warehouse is the one the settings name
(``WAREHOUSE_URL`` / ``WAREHOUSE_SCHEMA`` in the environment or `.env`, as ``figures run``).
"""
from __future__ import annotations

from alembic import context

from tasks.config import load_settings
from warehouse.tables import metadata

config = context.config


def include_object(obj, name, type_, reflected, compare_to):
    # Views are created from warehouse/views/*.sql, not declared as tables.
    return not (type_ == "table" and name and name.startswith("mart_"))


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url") or load_settings().warehouse_url,
        target_metadata=metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    # the edge for the `alembic` command line: the settings, read once, name the warehouse
    engine = load_settings().warehouse(config.get_main_option("sqlalchemy.url")).engine()
    with engine.begin() as connection:
        _configure(connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
