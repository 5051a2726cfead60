"""A read-only PostgreSQL role for BI tools: it can SELECT the ``mart_`` views and nothing else.

The views are owned by the migrating user, so they read the tables with the owner's rights;
the BI role itself has no privilege on any table (not even ``quarantine`` or ``etl_run``) and
none to write anywhere.
"""
from __future__ import annotations

import re

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from warehouse.engine import write_transaction
from warehouse.migrate import view_names

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grant_bi(engine: Engine, role: str, *, password: str | None = None) -> list[str]:
    """Create (or reset) ``role`` so it can read only the ``mart_`` views of the warehouse.

    Without ``password`` the role is NOLOGIN (grant it to real users, or ``SET ROLE`` to it);
    with one it can log in with that password. Returns the views it may read. Re-running is
    harmless: every privilege the role had in the schema is revoked first.
    """
    if engine.dialect.name != "postgresql":
        raise ValueError(
            "grant-bi needs a PostgreSQL warehouse: SQLite has no roles (give BI tools the "
            "file read-only instead, e.g. sqlite:///file:warehouse/figures.db?mode=ro&uri=true)"
        )
    if not _ROLE_NAME.match(role):
        raise ValueError(
            f"role {role!r} is not a plain identifier (lower-case letters, digits and _)"
        )
    views = view_names()
    with write_transaction(engine) as conn:
        schema = conn.scalar(text("SELECT current_schema()"))
        if schema is None:
            raise ValueError("the warehouse schema does not exist yet: run `figures db upgrade` first")
        present = set(conn.scalars(text(
            "SELECT table_name FROM information_schema.views WHERE table_schema = current_schema()"
        )))
        missing = [v for v in views if v not in present]
        if missing:
            raise ValueError(f"views {', '.join(missing)} are missing: run `figures db upgrade` first")
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
        if not exists:
            conn.exec_driver_sql(f'CREATE ROLE "{role}" NOLOGIN')
        if password is None:
            conn.exec_driver_sql(f'ALTER ROLE "{role}" NOLOGIN')
        else:
            # Utility statements take no bind parameters; let the server quote the literal.
            # SQLAlchemy's error messages quote statements and parameters: never let one out.
            try:
                statement = conn.scalar(
                    text("SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', "
                         "CAST(:r AS text), CAST(:p AS text))"),
                    {"r": role, "p": password},
                )
                conn.exec_driver_sql(statement)
            except DBAPIError as exc:
                raise RuntimeError(
                    f"could not set the password of role {role!r}: {type(exc.orig).__name__}"
                ) from None
        conn.exec_driver_sql(f'REVOKE ALL ON ALL TABLES IN SCHEMA "{schema}" FROM "{role}"')
        conn.exec_driver_sql(f'REVOKE ALL ON SCHEMA "{schema}" FROM "{role}"')
        conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"')
        for view in views:
            conn.exec_driver_sql(f'GRANT SELECT ON "{schema}"."{view}" TO "{role}"')
    return views
