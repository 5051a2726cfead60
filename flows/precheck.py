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

from tasks.config import Settings
from tasks.extract import EXTRACTOR_VERSION
from tasks.plan import modified_since, published_between
from tasks.read_raw import publication_dates, read_articles, read_table, scan_articles, split_duplicates, table_hashes
from warehouse.changes import changed_tables, plan_changes
from warehouse.load import loaded_articles
from warehouse.runs import last_table_hashes


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
    wh = cfg.warehouse(warehouse)
    if _absent_sqlite_file(wh.url):  # connecting would create it, before the tables are checked
        return Pending(articles_read=len(raw), schema_current=False,
                       rejected=[r.reason for r in (*unlisted, *unreadable)])
    engine = wh.engine()
    try:
        loaded = loaded_articles(engine)
        raw, duplicates = split_duplicates(raw, loaded)
        # the flow's own plan, without its look at articles.csv edits: a changed table is
        # "something new" here already
        plan = plan_changes(raw, loaded, EXTRACTOR_VERSION,
                            changed_tables(table_hashes(cfg.tables_dir), last_table_hashes(engine)))
        return Pending(
            articles_read=len(raw),
            rejected=[r.reason for r in (*unlisted, *unreadable, *duplicates)],
            changes=plan.changes,
            tables_changed=plan.tables_changed,
            schema_current=bool(loaded) and current_revision(engine) == head_revision(),
        )
    finally:
        engine.dispose()
