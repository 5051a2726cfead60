"""How a run's articles are chosen by date and cut into batches: pure, over paths and lists.

Which of them changed is the warehouse's change plan (warehouse/changes.py)."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

# Articles per task run, at most: a batch's texts and figures travel to a worker and back
# in one piece, and past this a batch stops being a unit of scheduling.
MAX_BATCH_SIZE = 10_000


def batches(items: Sequence, size: int) -> list[list]:
    """Consecutive chunks of at most `size`: the unit of work Prefect schedules."""
    if size < 1:
        raise ValueError(f"batch size must be at least 1, got {size}")
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def modified_since(paths: Sequence[Path], since: date | None) -> list[Path]:
    """Files modified on or after `since` (all of them when it is None): a backfill window."""
    if since is None:
        return list(paths)
    cutoff = datetime.combine(since, datetime.min.time()).timestamp()
    return [p for p in paths if _modified(p) >= cutoff]


def _modified(path: Path) -> float:
    # A file that cannot be looked at is kept: the reader then names it and says why.
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")
