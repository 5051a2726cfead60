"""etl_run rows of runs that died without a word (SIGKILL, a power cut, an OOM kill).

Such a run never reaches `finish_run`, so its row would say 'running' forever. While a run
is running its `error` column names its owner ("running as process 1234 on host-a"), and
the next run to start marks as abandoned, with why, every running row whose process is gone from this host, or, whoever
owned it, that started longer ago than the stale limit (`STALE_RUN_HOURS`). A run still
alive on this host, or younger than the limit on another, is left alone.
"""
from __future__ import annotations

import os
import re
import socket
from datetime import datetime, timedelta, timezone

from sqlalchemy import Engine, inspect, select, update

from warehouse.tables import etl_run

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
