"""Configuration, read once at the edge (CLI / flow entry) and passed inward.

Environment variables, else `.env` files, override the defaults: the project folder's `.env`
when one is chosen (`--project DIR`), then the working directory's (`env_files`):
`WAREHOUSE_URL`, `WAREHOUSE_SCHEMA`, `RAW_ROOT`, `MAX_ARTICLE_BYTES`, `MAX_ARTICLE_FIGURES`,
`DB_CONNECT_TIMEOUT`, `DB_STATEMENT_TIMEOUT`, `DASK_CONNECT_TIMEOUT`, `STALE_RUN_HOURS`,
`REPORT_DIR`, `QUALITY_DIR`, `ALERT_WEBHOOK_URL`, `ALERT_BLOCK`. Paths default to the project
folder (`project_dir()`). Read them with `load_settings()`: a bad value is one line. This is the
only module below flows/ that reads the environment (`user_cache_dir` reads the platform's
XDG_CACHE_HOME, which is no setting of ours; `project_dir` reads FIGURES_PROJECT and the
current folder).
"""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from warehouse.engine import CONNECT_TIMEOUT_S, STATEMENT_TIMEOUT_S, Warehouse

# The installed package's own project folder: its raw/ and warehouse/ are the default
# when a command is run anywhere else.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_ENV = "FIGURES_PROJECT"


def project_dir() -> Path:
    """The project folder a command works in, as dbt's project dir: ``FIGURES_PROJECT``
    (``figures run --project DIR`` sets it), else the current folder when it holds
    ``raw/tables``, else the installed package's own folder."""
    chosen = _chosen_project()
    if chosen:
        return chosen
    here = Path.cwd()
    return here if (here / "raw" / "tables").is_dir() else PROJECT_ROOT


def env_files() -> tuple[Path, ...]:
    """The `.env` files the settings read, a later one winning over an earlier one: the current
    folder's, then that of the project folder chosen with ``--project`` (``FIGURES_PROJECT``),
    which belongs to the project as its raw/ does. (A project found as the current folder
    has its `.env` there already.)"""
    chosen = _chosen_project()
    return (Path(".env"),) + ((chosen / ".env",) if chosen else ())


def _chosen_project() -> Path | None:
    chosen = os.environ.get(PROJECT_ENV)
    return Path(chosen).resolve() if chosen else None


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    raw_root: Path = Field(default_factory=lambda: project_dir() / "raw", alias="RAW_ROOT")
    warehouse_url: str = Field(
        default_factory=lambda: f"sqlite:///{project_dir() / 'warehouse' / 'figures.db'}",
        alias="WAREHOUSE_URL")
    warehouse_schema: str | None = Field(default=None, alias="WAREHOUSE_SCHEMA")
    # A news article is tens of kilobytes; anything this big is a mistake (a dump, a binary).
    max_article_bytes: int = Field(default=5_000_000, alias="MAX_ARTICLE_BYTES", gt=0)
    # A news article holds tens of figures, a statistical digest a few hundred; thousands are
    # a table dump or junk ("1 1 1 ..."), whose figures would swamp the load and the report.
    max_article_figures: int = Field(default=5_000, alias="MAX_ARTICLE_FIGURES", gt=0)
    # Seconds. A database that accepts connections but never answers must fail the run, not
    # hang it: each try waits this long (the I/O tasks try 4 times, flows/steps.py).
    db_connect_timeout: int = Field(default=CONNECT_TIMEOUT_S, alias="DB_CONNECT_TIMEOUT", gt=0, le=3600)
    # Seconds a single statement may run (PostgreSQL). The loads here are bulk inserts of one
    # batch at a time; waiting for another run's load has its own, longer limit (BUSY_TIMEOUT_S).
    db_statement_timeout: int = Field(default=STATEMENT_TIMEOUT_S, alias="DB_STATEMENT_TIMEOUT", gt=0, le=86400)
    dask_connect_timeout: int = Field(default=5, alias="DASK_CONNECT_TIMEOUT", gt=0, le=3600)
    # An etl_run row still 'running' after this long, whose process cannot be checked (another
    # host), belongs to a run that died without a word; the next run marks it 'abandoned'.
    stale_run_hours: float = Field(default=24, alias="STALE_RUN_HOURS", gt=0)
    report_dir: Path = Field(default_factory=lambda: project_dir() / "warehouse" / "report",
                             alias="REPORT_DIR")
    quality_dir: Path = Field(default_factory=lambda: project_dir() / "warehouse" / "quality",
                              alias="QUALITY_DIR")
    # Where alerts go (flows/alerts.py): a webhook taking a JSON POST, or a notification block
    # saved in Prefect, by slug. A secret: a webhook's path or query is often its token.
    alert_webhook_url: SecretStr | None = Field(default=None, alias="ALERT_WEBHOOK_URL")
    alert_block: str | None = Field(default=None, alias="ALERT_BLOCK", pattern=r"^[a-z0-9-]+/.+$")

    @field_validator("alert_webhook_url", "alert_block", mode="before")
    @classmethod
    def _empty_is_unset(cls, value):  # `export ALERT_WEBHOOK_URL=` turns alerts off
        return value or None

    @field_validator("alert_webhook_url")
    @classmethod
    def _http(cls, url: SecretStr | None) -> SecretStr | None:
        if url is not None and not url.get_secret_value().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return url

    def warehouse(self, url: str | None = None, schema: str | None = None) -> Warehouse:
        """The warehouse these settings name (or `url`/`schema` given instead), with their timeouts."""
        return Warehouse(url or self.warehouse_url,
                         schema if schema is not None else self.warehouse_schema,
                         self.db_connect_timeout, self.db_statement_timeout)

    @property
    def articles_dir(self) -> Path:
        return self.raw_root / "articles"

    @property
    def tables_dir(self) -> Path:
        return self.raw_root / "tables"


class SettingsError(ValueError):
    """A setting in the environment (or .env) has a value that cannot be used; one line."""


def load_settings() -> Settings:
    """The settings, or a `SettingsError` naming each bad variable, its value and the rule."""
    try:
        return Settings(_env_file=env_files())
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = ".".join(str(part) for part in err["loc"])
            value = err.get("input")
            shown = "" if "URL" in name else f" (value: {str(value)[:80]!r})"
            problems.append(f"{name}: {err['msg'].lower()}{shown}")
        raise SettingsError("bad setting: " + "; ".join(problems)) from None


def user_cache_dir() -> Path:
    """Where this user's caches go: ``$XDG_CACHE_HOME``, else ``~/.cache`` (the XDG convention)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
