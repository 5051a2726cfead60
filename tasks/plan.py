"""How a run's articles are chosen by date and cut into batches: pure, over paths and lists.

Which of them changed is the warehouse's change plan (warehouse/changes.py)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
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


def published_between(paths: Sequence[Path], articles_dir: Path, pub_dates: Mapping[str, str | None],
                      since: date | None, until: date | None) -> list[Path]:
    """Files whose publication date (articles.csv `pub_date`, by path under `articles_dir`)
    falls in [`since`, `until`]; all of them when both are None.

    A date of a year or a month only ("2021", "2021-07") is the span of its days, kept when
    it overlaps the window. A file with no date is left out: it cannot be said to be in it."""
    if since is None and until is None:
        return list(paths)
    lo, hi = since or date.min, until or date.max
    kept = []
    for path in paths:
        try:
            rel = path.resolve().relative_to(articles_dir.resolve()).as_posix()
        except (OSError, ValueError):
            rel = path.name
        span = date_span(pub_dates.get(rel) or pub_dates.get(path.as_posix()))
        if span and span[0] <= hi and span[1] >= lo:
            kept.append(path)
    return kept


def date_span(text: str | None) -> tuple[date, date] | None:
    """First and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date; None if it is none."""
    import calendar

    parts = (text or "").strip().split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return date(numbers[0], numbers[1], 1), date(numbers[0], numbers[1], last)
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
    except ValueError:
        return None
    return None


def _modified(path: Path) -> float:
    # A file that cannot be looked at is kept: the reader then names it and says why.
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")
