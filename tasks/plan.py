"""Decide which articles a run must (re)process: pure, over hashes and versions."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from tasks.read_raw import RawArticle

# Articles per task run, at most: a batch's texts and figures travel to a worker and back
# in one piece, and past this a batch stops being a unit of scheduling.
MAX_BATCH_SIZE = 10_000


def select_changed(articles: Sequence[RawArticle], loaded: Mapping[str, tuple[str, str]],
                   extractor_version: str, full_refresh: bool = False
                   ) -> tuple[list[RawArticle], list[RawArticle]]:
    """(to process, unchanged). `loaded` maps path -> (article_hash, extractor_version).

    An article is unchanged when the warehouse holds the same bytes extracted by the same
    engine version; anything else (new, edited, or a newer engine) is processed again.
    """
    if full_refresh:
        return list(articles), []
    todo, same = [], []
    for art in articles:
        (same if loaded.get(art.path) == (art.article_hash, extractor_version) else todo).append(art)
    return todo, same


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


def article_changes(articles: Sequence[RawArticle], loaded: Mapping[str, tuple[str, str]],
                    extractor_version: str, full_refresh: bool = False) -> dict[str, str]:
    """Why each article is (re)processed, by path: 'new', 'changed' (other bytes under the
    same path) or 're-extract' (same bytes, another engine version); unchanged ones are
    absent, or 'full refresh' when every article is processed again anyway."""
    why = {}
    for art in articles:
        before = loaded.get(art.path)
        if before is None:
            why[art.path] = "new"
        elif before[0] != art.article_hash:
            why[art.path] = "changed"
        elif before[1] != extractor_version:
            why[art.path] = f"re-extract ({before[1]} -> {extractor_version})"
        elif full_refresh:
            why[art.path] = "full refresh"
    return why


def changed_tables(current: Mapping[str, str], previous: Mapping[str, str] | None) -> list[str]:
    """Curated tables whose bytes differ from those of the last completed run (all of them
    when there was none): the run must load them even if no article changed."""
    previous = previous or {}
    return sorted(name for name, digest in current.items() if previous.get(name) != digest)


# Curated tables whose change alters what an already-loaded figure says (its region, metric,
# conversion or claim checks). articles.csv is not one: a new article's metadata row must
# not re-extract the whole corpus, and pairing_assistance.csv feeds no figure.
TABLES_THAT_CHANGE_FIGURES = frozenset(
    {"regions.csv", "metrics.csv", "fx_rates.csv", "official_series.csv"})


def tables_force_refresh(tables_changed) -> bool:
    return bool(TABLES_THAT_CHANGE_FIGURES.intersection(tables_changed))


def metadata_edited(now: Iterable[Mapping], stored: Mapping[str, Mapping]) -> list[str]:
    """Paths whose metadata now (rows of the article frame) differ from what the warehouse
    holds for them (`stored`: path -> {column: value}), compared on the stored columns.
    An edit to articles.csv (a title, a date) must reach dim_article, and a date also the
    periods and exchange rates of the figures: such an article is processed again."""
    def same(a, b) -> bool:
        blank = lambda v: v is None or (isinstance(v, float) and v != v) or str(v) == ""
        return (blank(a) and blank(b)) or (not blank(a) and not blank(b) and str(a) == str(b))

    edited = []
    for row in now:
        before = stored.get(row["path"])
        if before is not None and not all(same(row.get(k), v) for k, v in before.items()):
            edited.append(row["path"])
    return edited
