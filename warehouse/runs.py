"""The run ledger: ``etl_run``, one row per pipeline run, and ``etl_rejected_file``.

``start_run`` records a run as running, ``finish_run`` how it ended (its counts, its redacted
error, the article files it skipped); ``last_table_hashes`` is what the curated tables were
when a run last completed its load (the change plan compares today's with them).

Runs that died without a word (SIGKILL, a power cut, an OOM kill) never reach `finish_run`,
so their rows would say 'running' forever. While a run never reaches `finish_run`, so its row would say 'running' forever. While a run
is running its `error` column names its owner ("running as process 1234 on host-a"), and
the next run to start marks as abandoned, with why, every running row whose process is gone from this host, or, whoever
owned it, that started longer ago than the stale limit (`STALE_RUN_HOURS`). A run still
alive on this host, or younger than the limit on another, is left alone.
"""
from __future__ import annotations

import math
import os
import re
import socket
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, inspect, or_, select, update

from warehouse.engine import redact
from warehouse.errors import LoadError
from warehouse.errors import describe as _describe
from warehouse.tables import RUN_STATUSES, etl_rejected_file, etl_run

# Runs whose load committed: their input hashes are what the warehouse holds.
_COMPLETED = ("succeeded", "quality_failed")
_OWNER = re.compile(r"^running as process (?P<pid>\d+) on (?P<host>\S+)$")


def owner_note() -> str:
    """What a running row's `error` says while this process runs it."""
    return f"running as process {os.getpid()} on {socket.gethostname()}"


def mark_abandoned(engine: Engine, stale_after: timedelta, now: datetime | None = None) -> list[int]:
    """Mark dead runs' rows abandoned, saying why; returns their run ids."""
    now = now or datetime.now(timezone.utc)
    host = socket.gethostname()
    with engine.begin() as conn:
        if not inspect(conn).has_table(etl_run.name):
            return []
        rows = conn.execute(select(etl_run.c.run_id, etl_run.c.started_at, etl_run.c.error)
                            .where(etl_run.c.status == "running")).all()
        dead = {}
        for run_id, started_at, note in rows:
            if started_at is not None and started_at.tzinfo is None:
                started_at = started_at.replace(tzinfo=timezone.utc)  # SQLite keeps no zone
            owner = _OWNER.match(note or "")
            if owner and owner["host"] == host and not _alive(int(owner["pid"])):
                dead[run_id] = (f"abandoned: process {owner['pid']} on {host} ended without "
                                "finishing the run (killed?); nothing it had not committed was kept")
            elif started_at is not None and now - started_at > stale_after:
                dead[run_id] = (f"abandoned: still 'running' {_hours(now - started_at)} after "
                                f"it started (over the {_hours(stale_after)} limit, STALE_RUN_HOURS)")
        for run_id, why in dead.items():
            conn.execute(update(etl_run).where(etl_run.c.run_id == run_id)
                         .where(etl_run.c.status == "running")
                         .values(status="abandoned", ended_at=now, error=why))
    return sorted(dead)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def _hours(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 3600:.1f} h"


def last_table_hashes(engine: Engine) -> dict[str, str] | None:
    """The curated-table hashes of the last run that completed its load (None: no such run).

    A run still checking quality has committed its load (figures_loaded is set in the load's
    own transaction): its tables are what the loaded figures were computed with."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(etl_run.name):
            return None
        hashes = conn.scalar(select(etl_run.c.input_hashes)
                             .where(or_(etl_run.c.status.in_(_COMPLETED),
                                        etl_run.c.figures_loaded.is_not(None)))
                             .order_by(etl_run.c.run_id.desc()).limit(1))
    return dict(hashes) if hashes else None


# Counts etl_run keeps; finish_run writes whichever of them it is given.
RUN_COUNTS = (
    "articles_read", "articles_skipped", "figures_extracted", "rows_rejected",
    "figures_loaded", "rows_loaded", "quality_success",
)


def start_run(
    engine: Engine,
    flow_run_id: str | None,
    input_hashes: dict[str, str] | None,
    extractor_version: str | None = None,
    started_at: datetime | None = None,
) -> int:
    """Record a run as started; returns its ``run_id``."""
    with engine.begin() as conn:
        result = conn.execute(
            etl_run.insert().values(
                flow_run_id=str(flow_run_id) if flow_run_id else None,
                started_at=started_at or _now(),
                status="running",
                error=owner_note(),  # who runs it, until finish_run (warehouse/runs.py)
                extractor_version=extractor_version,
                input_hashes=dict(input_hashes or {}),
            )
        )
        return int(result.inserted_primary_key[0])


def finish_run(
    engine: Engine,
    run_id: int,
    status: str,
    counts: dict[str, Any] | None = None,
    error: str | BaseException | None = None,
    rejected: Sequence[Any] = (),
) -> None:
    """Record how run ``run_id`` ended: status, counts (keys of ``RUN_COUNTS``), error (redacted)
    and, in the same transaction, the article files it skipped (``rejected``: records with
    ``path``, ``reason`` and ``article_hash``, as ``tasks.read_raw.Rejected``)."""
    if status not in RUN_STATUSES:
        raise ValueError(f"run status {status!r} is not one of {', '.join(RUN_STATUSES)}")
    values: dict[str, Any] = {k: plain(v) for k, v in (counts or {}).items() if k in RUN_COUNTS}
    values.update(status=status, ended_at=_now())
    values["error"] = None if error is None else redact(_describe(error))[:4000]
    with engine.begin() as conn:
        updated = conn.execute(update(etl_run).where(etl_run.c.run_id == run_id).values(**values))
        if updated.rowcount != 1:
            raise LoadError(f"etl_run has no run {run_id} to finish")
        _record_rejected_files(conn, run_id, rejected, values["ended_at"])


def _record_rejected_files(conn: Connection, run_id: int, rejected: Sequence[Any], now: datetime) -> None:
    """One row per rejected path: first seen kept, the latest run's reason and hash written."""
    if not rejected:
        return
    t = etl_rejected_file.c
    seen = {path: (key, n) for key, path, n in
            conn.execute(select(t.rejected_file_key, t.path, t.times_rejected)
                         .where(t.path.in_([r.path for r in rejected])))}
    for r in {r.path: r for r in rejected}.values():
        latest = {"article_hash": r.article_hash, "reason": r.reason, "last_run_id": run_id,
                  "last_seen_at": now}
        if r.path in seen:
            key, n = seen[r.path]
            conn.execute(update(etl_rejected_file).where(t.rejected_file_key == key)
                         .values(**latest, times_rejected=n + 1))
        else:
            conn.execute(etl_rejected_file.insert().values(
                path=r.path, first_run_id=run_id, first_seen_at=now, times_rejected=1, **latest))


def rejected_files(engine: Engine) -> list[dict[str, Any]]:
    """Every file ever rejected, latest first ([] before the table exists)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(etl_rejected_file.name):
            return []
        rows = conn.execute(select(etl_rejected_file).order_by(
            etl_rejected_file.c.last_seen_at.desc(), etl_rejected_file.c.path))
        return [dict(r._mapping) for r in rows]


def plain(value: Any) -> Any:
    """`value` as a plain Python value (numpy scalars unwrapped), None for every kind of missing."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()  # numpy scalar -> Python scalar
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _now() -> datetime:
    return datetime.now(timezone.utc)
