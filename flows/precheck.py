"""Is there anything to do? Answered in plain Python, before Prefect starts.

Without a configured Prefect server every `figures run` first starts a temporary API, and
that start-up is most of a run that finds nothing new (see README, "Nothing new"). So the
CLI asks here first: when every article and curated table has the bytes (sha256) and the
extractor version the warehouse already holds and the warehouse schema is current, the
answer is "nothing new" and Prefect is never started. Anything else runs the flow, which
decides again for itself: this check only ever skips work, it never chooses any.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, inspect, or_, select

from tasks.config import Settings
from tasks.extract import EXTRACTOR_VERSION
from tasks.plan import article_changes, changed_tables, modified_since, published_between
from tasks.read_raw import (publication_dates, read_articles, read_table, scan_articles,
                            split_duplicates, table_hashes)
from warehouse.engine import get_engine
from warehouse.load import loaded_articles
from warehouse.tables import etl_run

# Runs whose load committed: their input hashes are what the warehouse holds.
_COMPLETED = ("succeeded", "quality_failed")


@dataclass
class Pending:
    articles_read: int
    changes: dict[str, str] = field(default_factory=dict)   # path -> why it is (re)processed
    tables_changed: list[str] = field(default_factory=list)
    schema_current: bool = True
    rejected: list[str] = field(default_factory=list)  # files the flow would skip, and why

    @property
    def nothing_new(self) -> bool:
        # A rejected file is never "nothing new": the flow names it and the exit status says so.
        return (not self.changes and not self.tables_changed and self.schema_current
                and not self.rejected)


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


def _absent_sqlite_file(url: str) -> bool:
    """An SQLite URL naming a plain file that does not exist yet (a warehouse never loaded)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # get_engine says what is wrong with it, redacted
        return False
    database = parsed.database or ""
    return (parsed.get_backend_name() == "sqlite" and not parsed.query.get("uri")
            and database not in ("", ":memory:") and not Path(database).exists())


def pending_work(cfg: Settings, articles: str | None, since: date | None,
                 warehouse: str | None, published: tuple[date | None, date | None] = (None, None)
                 ) -> Pending:
    """What a run with these parameters would (re)process, and which files it would reject;
    raises what the flow would raise for a pattern outside raw/ or one that matches nothing."""
    from warehouse.migrate import current_revision, head_revision

    paths, unlisted = scan_articles(cfg.articles_dir, articles)
    paths = modified_since(paths, since)
    if published != (None, None):
        dates = publication_dates(read_table(cfg.tables_dir / "articles.csv"))
        paths = published_between(paths, cfg.articles_dir, dates, *published)
    raw, unreadable = read_articles(paths, cfg.articles_dir,
                                    cfg.max_article_bytes, cfg.max_article_figures)
    url = warehouse or cfg.warehouse_url
    if _absent_sqlite_file(url):  # connecting would create it, before the tables are checked
        return Pending(articles_read=len(raw), schema_current=False,
                       rejected=[r.reason for r in (*unlisted, *unreadable)])
    engine = get_engine(url, cfg.warehouse_schema)
    try:
        loaded = loaded_articles(engine)
        raw, duplicates = split_duplicates(raw, loaded)
        return Pending(
            articles_read=len(raw),
            rejected=[r.reason for r in (*unlisted, *unreadable, *duplicates)],
            changes=article_changes(raw, loaded, EXTRACTOR_VERSION),
            tables_changed=changed_tables(table_hashes(cfg.tables_dir), last_table_hashes(engine)),
            schema_current=bool(loaded) and current_revision(engine) == head_revision(),
        )
    finally:
        engine.dispose()
