"""Where a warehouse's report and data-quality docs go: one folder per warehouse.

Two warehouses written from one project (a SQLite file and PostgreSQL, two schemas, two
files) must not overwrite each other's report or Data Docs, so each gets its own folder,
named by a slug of the warehouse that is stable from run to run and holds no secret:

- the default warehouse (``warehouse/figures.db``) writes ``REPORT_DIR`` and ``QUALITY_DIR``
  themselves (by default ``warehouse/report/``, ``warehouse/quality/``), as it always has;
- any other warehouse writes ``<REPORT_DIR>/<slug>/`` and ``<QUALITY_DIR>/<slug>/``, whether
  or not those two are set, so no setting lets two warehouses share a folder
  (``figures report --out DIR`` writes where it is told).

>>> warehouse_slug("postgresql+psycopg://bi:s3cret@db.example:5432/analytics", "figures")
'postgresql-db.example-5432-analytics-figures'
>>> warehouse_slug("postgresql://other:pw@db.example:5432/analytics?sslmode=require", "figures")
'postgresql-db.example-5432-analytics-figures'
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from sqlalchemy.engine import make_url


class OutputDirs(NamedTuple):
    report: Path
    quality: Path


def warehouse_slug(url: str, schema: str | None = None) -> str:
    """A folder name for the warehouse at ``url`` (in ``schema``), with no password in it.

    The same database reached by another driver, user or password, or with other connection
    options, is the same warehouse and has the same slug. A SQLite file is named by its
    stem and a hash of its absolute path (two ``figures.db`` in two folders are two
    warehouses); a server database by backend, host, port, database and schema.
    """
    parsed = make_url(str(url))
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return _clean(f"sqlite-{database or 'memory'}")
        path = Path(database).expanduser().resolve()
        digest = hashlib.sha256(str(path).encode()).hexdigest()[:8]
        return _clean(f"sqlite-{path.stem}-{digest}")
    parts = [backend, parsed.host or "localhost", parsed.port, parsed.database, schema]
    return _clean("-".join(str(p) for p in parts if p not in (None, "")))


def output_dirs(cfg, url: str | None = None) -> OutputDirs:
    """The report and quality folders of the warehouse at ``url`` (default: the configured one).

    ``cfg`` is a ``tasks.config.Settings``; its schema names the PostgreSQL schema.
    """
    url = url or cfg.warehouse_url
    default_url = type(cfg).model_fields["warehouse_url"].get_default(call_default_factory=True)
    is_default = warehouse_slug(url, cfg.warehouse_schema) == warehouse_slug(default_url)

    if is_default:
        return OutputDirs(report=Path(cfg.report_dir), quality=Path(cfg.quality_dir))
    slug = warehouse_slug(url, cfg.warehouse_schema)
    return OutputDirs(report=Path(cfg.report_dir) / slug, quality=Path(cfg.quality_dir) / slug)


def for_warehouse(cfg, url: str | None = None):
    """``cfg`` with its report and quality folders those of the warehouse at ``url``.

    Apply it once: the folders it returns are roots again to a second call."""
    dirs = output_dirs(cfg, url)
    return cfg.model_copy(update={"report_dir": dirs.report, "quality_dir": dirs.quality})


def _clean(name: str) -> str:
    # characters a folder name may hold on any system; the rest become one dash
    return re.sub(r"[^A-Za-z0-9._]+", "-", name).strip("-.") or "warehouse"
