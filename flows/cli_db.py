"""`figures db ...`: create or upgrade a warehouse, grant BI read access, regenerate its docs.

Mounted by flows/cli.py as ``app.add_typer(db_app, name="db")``. Plain functions, no Prefect.
"""
from __future__ import annotations

import os
from typing import Annotated, Optional

import typer
from rich.console import Console

db_app = typer.Typer(help="The warehouse: migrations, BI role, data dictionary.",
                     no_args_is_help=True, add_completion=False)
console = Console(soft_wrap=True)  # a path or URL is never broken across lines

WarehouseOption = Annotated[
    Optional[str],
    typer.Option("--warehouse", help="SQLAlchemy URL (default: WAREHOUSE_URL or warehouse/figures.db)."),
]
SchemaOption = Annotated[
    Optional[str],
    typer.Option("--schema", help="PostgreSQL schema (default: WAREHOUSE_SCHEMA or the database's default)."),
]


def _fail(message: str) -> None:
    from rich.markup import escape

    from warehouse.engine import redact

    # one line: a driver's message goes on with hints ("Is the server running ...?") and links
    first = message.strip().splitlines()[0] if message.strip() else message
    console.print(f"[red]error:[/red] {escape(redact(first))}", highlight=False)
    raise typer.Exit(2)


def _target(warehouse: str | None, schema: str | None):
    """The warehouse a command acts on: the options, else the settings (environment, then
    `.env`), as `figures run` reads them, so every command names the same warehouse."""
    from tasks.config import SettingsError, load_settings

    try:
        cfg = load_settings()
    except SettingsError as exc:
        _fail(str(exc))
    return cfg.warehouse(warehouse, schema)


@db_app.command()
def upgrade(warehouse: WarehouseOption = None, schema: SchemaOption = None) -> None:
    """Create the warehouse, or bring it to the latest schema (tables and mart_ views)."""
    from sqlalchemy.exc import SQLAlchemyError

    from warehouse.engine import redact_url
    from warehouse.migrate import upgrade as upgrade_warehouse

    wh = _target(warehouse, schema)
    schema = wh.schema
    try:
        engine = wh.engine()
        revision = upgrade_warehouse(engine)
    except (ValueError, SQLAlchemyError) as exc:
        _fail(f"could not upgrade the warehouse: {exc}")
    where = redact_url(engine.url)
    if schema and engine.dialect.name != "sqlite":
        where += f" (schema {schema})"
    console.print(f"warehouse {where} is at revision {revision}", highlight=False)


@db_app.command("grant-bi")
def grant_bi(
    role: Annotated[str, typer.Argument(help="Role to create or reset (lower-case identifier).")],
    warehouse: WarehouseOption = None,
    schema: SchemaOption = None,
    password_env: Annotated[Optional[str], typer.Option(
        "--password-env", help="Name of an environment variable holding a password: the role can then log in.")] = None,
) -> None:
    """Create a read-only role that can SELECT the mart_ views and nothing else (PostgreSQL)."""
    from sqlalchemy.exc import SQLAlchemyError

    from warehouse.grants import grant_bi as grant

    password = None
    if password_env:
        password = os.environ.get(password_env)
        if not password:
            _fail(f"environment variable {password_env} is not set or empty")
    wh = _target(warehouse, schema)
    try:
        views = grant(wh.engine(), role, password=password)
    except (ValueError, RuntimeError, SQLAlchemyError) as exc:
        _fail(f"could not grant BI access: {exc}")
    login = "can log in" if password else "NOLOGIN (grant it to users, or SET ROLE)"
    console.print(f"role {role} ({login}) may SELECT: {', '.join(views)}", highlight=False)


@db_app.command()
def docs(
    check: Annotated[bool, typer.Option("--check", help="Only check that docs/warehouse.md is current.")] = False,
) -> None:
    """Regenerate docs/warehouse.md (of the project folder) from the table comments and view headers."""
    from tasks.config import project_dir
    from warehouse.dictionary import generate, write

    path = project_dir() / "docs" / "warehouse.md"
    if check:
        current = path.exists() and path.read_text(encoding="utf-8") == generate()
        console.print(f"{path} is {'current' if current else 'out of date'}")
        raise typer.Exit(0 if current else 1)
    console.print(f"wrote {write(path)}")
