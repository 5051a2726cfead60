"""The one way to open the warehouse: ``get_engine()``, or a ``Warehouse`` made at the edge.

SQLite (the default, ``warehouse/figures.db``) and PostgreSQL behave the same to callers:

* SQLite gets foreign keys enforced, WAL (readers never block the loader), a busy timeout,
  and SQLAlchemy (not the sqlite3 module) emits ``BEGIN`` so a writer can ask for
  ``BEGIN IMMEDIATE`` with ``conn.execution_options(sqlite_begin="IMMEDIATE")``.
* PostgreSQL gets ``search_path`` set to ``WAREHOUSE_SCHEMA`` at connect time (libpq
  ``options``), so plain table names in migrations, view SQL and queries all land in that
  schema — which ``schema_translate_map`` could not do for the raw SQL of the views.

A ``Warehouse`` names a warehouse and how long to wait for it; the edge (CLI, flow entry,
Alembic's env) makes one from the settings (``tasks.config.Settings.warehouse``) and passes it
in. Nothing here reads the environment.

The password of a URL never leaves this module in clear text: show a URL with ``redact_url()``
and pass any message that may hold one through ``redact()`` before it is logged or raised.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = f"sqlite:///{PROJECT_ROOT / 'warehouse' / 'figures.db'}"

# A load waits this long for another run's load to finish before giving up.
BUSY_TIMEOUT_S = 120
# Seconds, PostgreSQL. A database that accepts connections but never answers must fail the
# caller, not hang it (the settings' DB_CONNECT_TIMEOUT and DB_STATEMENT_TIMEOUT default to these).
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_S = 30

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# libpq "key=value" connection strings in driver messages (not URLs: those are parsed).
_KV_PASSWORD = re.compile(r"(?i)(?P<head>\bpassword\s*=\s*)(?:'[^']*'|\"[^\"]*\"|\S+)")
# Query parameters of a URL that carry a secret (libpq accepts ?password=...).
_SECRET_PARAMS = ("password", "passwd", "pwd", "secret", "token", "sslpassword", "sslkey")
HIDDEN = "***"


def redact_url(url: str | URL) -> str:
    """``url`` for display: the password and secret query values replaced by ``***``.

    Parsed by SQLAlchemy (``make_url``), so a password written as the URL rules say
    (percent-encoded) is hidden whatever its characters. Two things cannot be shown safely
    and are not: a URL that does not parse (only its scheme is shown), and one whose password
    holds a bare ``@`` (the parse then puts the rest of the password in the host or the
    database name; only the scheme is shown).

    >>> redact_url("postgresql+psycopg://bi:s3 cr@t@db:5432/figures")
    'postgresql+psycopg://*** (the URL is not well formed: an @ in a password is written %40)'
    >>> redact_url("postgresql+psycopg://bi:s3%20cr%40t@db:5432/figures")
    'postgresql+psycopg://bi:***@db:5432/figures'
    """
    try:
        parsed = url if isinstance(url, URL) else make_url(str(url))
    except Exception:  # its message would echo the URL, password included
        return _scheme_only(str(url), "the URL does not parse")
    if parsed.password is not None and any(
            "@" in str(part) for part in (parsed.username, parsed.host, parsed.database)
            if part is not None):
        return _scheme_only(parsed.drivername + "://",
                            "the URL is not well formed: an @ in a password is written %40")
    secret_params = [key for key in parsed.query if key.lower() in _SECRET_PARAMS]
    if parsed.password is None and not secret_params and not isinstance(url, URL):
        return str(url)  # nothing to hide: shown as written (a file path keeps its '@')
    query = {key: (HIDDEN if key in secret_params else value) for key, value in parsed.query.items()}
    shown = parsed.set(query=query).render_as_string(hide_password=True)
    return shown.replace(quote(HIDDEN, safe=""), HIDDEN)  # ?password=*** rather than %2A%2A%2A


def _scheme_only(text: str, why: str) -> str:
    scheme, sep, _ = text.partition("://")
    if sep and scheme and all(ch.isalnum() or ch in "+.-_" for ch in scheme):
        return f"{scheme}://{HIDDEN} ({why})"
    return f"{HIDDEN} ({why}; not shown, it may hold a password)"


def redact(text: str) -> str:
    """``text`` (a URL or any message that may contain one) with every password replaced by ``***``.

    A whole URL goes through ``redact_url``. In a message, everything from the ``user:`` of
    a URL to the last ``@`` after it is hidden (a password may hold spaces, ``@`` or ``/``,
    so nothing short of that is sure to cover it), and so are ``password=...`` pairs.

    >>> redact("postgresql+psycopg://bi:s3cret@db:5432/figures")
    'postgresql+psycopg://bi:***@db:5432/figures'
    >>> redact("could not reach postgresql://bi:s3 cr@t@db/figures: timeout")
    'could not reach postgresql://bi:***@db/figures: timeout'
    >>> redact("connection failed: host=db user=bi password=s3cret")
    'connection failed: host=db user=bi password=***'
    """
    text = str(text)
    if "://" in text and "\n" not in text and " " not in text.partition("://")[0]:
        try:
            make_url(text)
            return redact_url(text)
        except Exception:
            pass
    out, pos = [], 0
    while (mark := text.find("://", pos)) >= 0:
        start = mark + 3
        at = text.rfind("@", start)
        user, colon, _ = text[start:at].partition(":") if at >= 0 else ("", "", "")
        if not colon:
            out.append(text[pos:start])
            pos = start
            continue
        out.append(f"{text[pos:start]}{user}:{HIDDEN}")
        pos = at
    out.append(text[pos:])
    return _KV_PASSWORD.sub(rf"\g<head>{HIDDEN}", "".join(out))


def timed_out(exc: BaseException) -> bool:
    """Whether ``exc`` (a SQLAlchemy error) is the database not answering in time: the
    connect timeout or the statement timeout of ``get_engine``, not a refusal or bad SQL."""
    import psycopg

    orig = getattr(exc, "orig", exc)
    return isinstance(orig, (psycopg.errors.ConnectionTimeout, psycopg.errors.QueryCanceled))


def check_schema_name(schema: str) -> str:
    """``schema`` if it is a plain lower-case identifier; anything else is refused, never quoted."""
    if not _SCHEMA_NAME.match(schema):
        raise ValueError(
            f"WAREHOUSE_SCHEMA {schema!r} is not a plain identifier "
            "(lower-case letters, digits and _, not starting with a digit, at most 63 characters)"
        )
    return schema


def get_engine(url: str | None = None, schema: str | None = None,
               connect_timeout: int = CONNECT_TIMEOUT_S,
               statement_timeout: int = STATEMENT_TIMEOUT_S) -> Engine:
    """An engine for the warehouse at ``url`` (default ``warehouse/figures.db``).

    ``schema`` puts every object in that PostgreSQL schema; it is
    ignored on SQLite. The schema is remembered on the engine (execution option
    ``warehouse_schema``) so ``warehouse.migrate.upgrade`` can create it.

    On PostgreSQL a connection attempt gives up after ``connect_timeout`` seconds and a
    statement after ``statement_timeout``, so a server that accepts connections but never
    answers fails the caller instead of hanging it.
    """
    url = url or DEFAULT_URL
    schema = schema or None
    try:
        parsed = make_url(url)
    except Exception:  # its message would echo the URL, password included
        raise ValueError(f"warehouse URL {redact_url(url)!r} is not a valid database URL") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        return _postgresql_engine(parsed, schema, connect_timeout, statement_timeout)
    raise ValueError(
        f"warehouse URL {redact_url(url)!r}: only sqlite:// and postgresql:// warehouses are supported"
    )


@dataclass(frozen=True)
class Warehouse:
    """Which warehouse, and how long to wait for it: made once at the edge, passed in."""

    url: str = DEFAULT_URL
    schema: str | None = None
    connect_timeout: int = CONNECT_TIMEOUT_S
    statement_timeout: int = STATEMENT_TIMEOUT_S

    def engine(self) -> Engine:
        return get_engine(self.url, self.schema, self.connect_timeout, self.statement_timeout)

    def __repr__(self) -> str:  # a task's parameters are logged: never the password
        return f"Warehouse({redact_url(self.url)!r}, schema={self.schema!r})"

    __str__ = __repr__


def _sqlite_engine(url) -> Engine:
    database = url.database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Hand transaction control to SQLAlchemy (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file (a BI tool's copy): it keeps the journal mode it has
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "")
        if mode not in ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
            raise ValueError(f"sqlite_begin={mode!r}: expected DEFERRED, IMMEDIATE or EXCLUSIVE")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())

    return engine


def _postgresql_engine(url, schema: str | None, connect_timeout: int,
                       statement_timeout: int) -> Engine:
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    # A connect_timeout written in the URL itself wins (libpq reads both; the URL is explicit).
    connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": int(connect_timeout)}
    settings = [f"-cstatement_timeout={int(statement_timeout) * 1000}"]
    options = {}
    if schema:
        check_schema_name(schema)
        # Only that schema: a table missing there must fail, not resolve to public's namesake.
        settings.append(f"-csearch_path={schema}")
        options["warehouse_schema"] = schema
    connect_args["options"] = " ".join(settings)
    return create_engine(
        url, connect_args=connect_args, execution_options=options, pool_pre_ping=True
    )


def warehouse_schema(engine_or_conn) -> str | None:
    """The PostgreSQL schema ``get_engine`` was given, or None (SQLite, or the default schema)."""
    return engine_or_conn.get_execution_options().get("warehouse_schema")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that holds the warehouse's write lock until it commits or rolls back.

    Two runs (threads, processes or hosts) against the same warehouse never interleave their
    writes: the second waits here. SQLite: ``BEGIN IMMEDIATE`` takes the database's write lock
    up front (waiting up to the busy timeout). PostgreSQL: a transaction-scoped advisory lock
    keyed by the current schema, so warehouses in other schemas of the same database do not
    wait for each other (keyed by ``search_path``, which exists before the schema does).
    """
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            conn.execution_options(sqlite_begin="IMMEDIATE")
        with conn.begin():
            if conn.dialect.name == "postgresql":
                # Wait as long as SQLite would, then fail (a transient error) instead of hanging.
                conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{BUSY_TIMEOUT_S}s'")
                # The wait for the lock is one statement: it gets the lock's limit, not the
                # statement timeout, which applies again (its session value) once it is held.
                conn.exec_driver_sql(f"SET LOCAL statement_timeout = '{BUSY_TIMEOUT_S + 5}s'")
                conn.exec_driver_sql(
                    "SELECT pg_advisory_xact_lock("
                    "hashtext('newsfigures.warehouse:' || current_setting('search_path')))"
                )
                conn.exec_driver_sql("SET LOCAL statement_timeout = DEFAULT")
            yield conn
