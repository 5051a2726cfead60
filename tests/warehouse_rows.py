"""Read a warehouse the way an analyst would, minus what differs between two loads of the
same input (surrogate keys, run ids), so two warehouses can be compared row for row."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa

from tests.raw_copies import ROOT

# Differ between two loads of the same input by construction, not by content.
RUN_SPECIFIC = {"run_id", "loaded_run_id", "created_at"}


def _comparable(value):
    # SQLite hands back floats where PostgreSQL hands back Decimals, and a DATE as its ISO text
    if isinstance(value, date):
        return value.isoformat()
    return round(float(value), 6) if isinstance(value, (float, Decimal)) else value


def mart_rows(engine: sa.Engine, view: str = "mart_figures") -> list[tuple]:
    """Every row of `view` without key and run columns, sorted: the warehouse's content."""
    with engine.connect() as conn:
        result = conn.execute(sa.text(f"select * from {view}"))
        keep = [i for i, c in enumerate(result.keys())
                if not c.endswith("_key") and c not in RUN_SPECIFIC]
        rows = [tuple(_comparable(r[i]) for i in keep) for r in result]
    return sorted(rows, key=repr)


def duplicates(engine: sa.Engine) -> dict[str, int]:
    """How many rows share what should be unique: an article's path or hash, a figure's
    (article, seq). (Claim checks have no such key; compare them with `mart_rows`.)"""
    queries = {
        "dim_article.path": "select count(*) - count(distinct path) from dim_article",
        "dim_article.article_hash": "select count(*) - count(distinct article_hash) from dim_article",
        "fct_figure (article, seq)": "select count(*) from (select article_key, seq from fct_figure "
                                     "group by article_key, seq having count(*) > 1) d",
    }
    with engine.connect() as conn:
        return {name: conn.scalar(sa.text(q)) for name, q in queries.items()}


def figures_cli(*args: str, raw: Path, tmp: Path, warehouse: str | None = None,
                schema: str | None = None, wait: bool = True, extra_env: dict | None = None):
    """`figures ARGS` in a fresh process on `raw`, as a person would type it; returns the
    CompletedProcess (or the Popen when not `wait`)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "WAREHOUSE_SCHEMA")}
    env.update(RAW_ROOT=str(raw), QUALITY_DIR=str(tmp / "quality"), REPORT_DIR=str(tmp / "report"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1", COLUMNS="200",
               **(extra_env or {}))
    if schema:
        env["WAREHOUSE_SCHEMA"] = schema
    cmd = [sys.executable, "-m", "flows.cli", *args]
    if warehouse:
        cmd += ["--warehouse", warehouse]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
