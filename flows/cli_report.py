"""`figures report [--out DIR] [--warehouse URL] [--articles N | --all-articles]`: rebuild the
HTML report from any warehouse."""
from __future__ import annotations

from pathlib import Path

from report import build_report
from report.build import ARTICLES_SHOWN
from tasks.config import load_settings
from warehouse.folders import for_warehouse


def report(out: Path | None = None, warehouse: str | None = None, articles: int | None = None,
           all_articles: bool = False) -> Path:
    """Build ``<out>/index.html`` (default: the warehouse's report folder, warehouse/folders.py)
    and print its path.

    Reads the warehouse at ``warehouse`` (default ``WAREHOUSE_URL``; ``WAREHOUSE_SCHEMA`` on
    PostgreSQL), the article texts with it, and links the data-quality
    docs of the same warehouse. ``articles`` articles are annotated figure by figure (default
    ``ARTICLES_SHOWN``, the latest load's first), every one with ``all_articles``; all are
    listed with their counts either way. Raises ``report.ReportError`` if the warehouse was
    never created.
    """
    if articles is not None and articles < 0:
        raise ValueError(f"--articles must be 0 or more, not {articles}")
    cfg = for_warehouse(load_settings(), warehouse)
    engine = cfg.warehouse(warehouse).engine()
    shown = None if all_articles else (ARTICLES_SHOWN if articles is None else articles)
    try:
        path = build_report(engine, Path(out or cfg.report_dir), cfg.quality_dir, articles_shown=shown)
    finally:
        engine.dispose()
    print(path)
    return path
