"""`figures report [--out DIR] [--warehouse URL]`: rebuild the HTML report from any warehouse."""
from __future__ import annotations

from pathlib import Path

from report import build_report
from tasks.config import Settings
from warehouse.engine import get_engine


def report(out: Path | None = None, warehouse: str | None = None) -> Path:
    """Build ``<out>/index.html`` (default ``REPORT_DIR``, warehouse/report) and print its path.

    Reads the warehouse at ``warehouse`` (default ``WAREHOUSE_URL``; ``WAREHOUSE_SCHEMA`` on
    PostgreSQL), the article texts under ``RAW_ROOT``/articles and links the Data Docs under
    ``QUALITY_DIR``. Raises ``report.ReportError`` if the warehouse was never created.
    """
    cfg = Settings()
    engine = get_engine(warehouse or cfg.warehouse_url, cfg.warehouse_schema)
    try:
        path = build_report(engine, Path(out or cfg.report_dir), cfg.articles_dir, cfg.quality_dir)
    finally:
        engine.dispose()
    print(path)
    return path
