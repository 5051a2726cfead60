"""Build the static HTML report from a warehouse: ``build_report(engine, out_dir, raw_articles_dir)``.

The I/O half of the report: it reads the ``mart_`` views (what BI sees), ``dim_article``,
``etl_run`` and ``quarantine``, and each article's raw text file; ``report.page`` turns that
into HTML. Nothing comes from a flow's memory, so a report rebuilt later from the same
warehouse is the same report.
"""
from __future__ import annotations

import hashlib
import os
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from report.page import ArticleText, QualityLink, ReportData, render
from tasks.furniture import furniture_spans
from tasks.read_raw import InputError, decode_article
from warehouse.engine import redact

QUARANTINE_SHOWN = 500
RUNS_SHOWN = 20
DATA_DOCS_INDEX = Path("gx") / "uncommitted" / "data_docs" / "local_site" / "index.html"
# The columns the report reads, by view or table: a warehouse without one is refused by name.
REQUIRED = {
    "mart_figures": ("figure_key", "article_key", "article_path", "seq", "start", "end", "surface",
                     "kind", "value", "unit", "qualifier", "value_cny", "value_usd", "fx_rate",
                     "fx_year", "period_start", "period_end", "region", "metric_label",
                     "link_seq", "link_type", "linked_surface"),
    "mart_claim_checks": ("article_key", "figure_key", "seq", "check_type", "verdict", "surface",
                          "observed", "expected", "rel_diff", "tolerance", "explanation",
                          "evidence_seq", "evidence_surface", "evidence_source"),
    "mart_region_year": ("region", "metric", "metric_label", "year", "unit", "figure_count",
                         "figure_avg", "official_value", "official_source"),
    "dim_article": ("article_key", "article_hash", "path", "title", "publisher", "url", "pub_date"),
    "etl_run": ("run_id", "started_at", "ended_at", "status", "articles_read", "articles_skipped",
                "figures_extracted", "figures_loaded", "rows_rejected", "quality_success", "error"),
    "quarantine": ("quarantine_key", "run_id", "source_file", "row", "column", "failure_case",
                   "reason"),
}


class ReportError(RuntimeError):
    """The report cannot be built from this warehouse; the message says why."""


def read_warehouse(engine: Engine) -> ReportData:
    """Everything the report shows, read in one connection."""
    url = redact(engine.url.render_as_string(hide_password=True))
    database = engine.url.database
    if (engine.url.get_backend_name() == "sqlite" and database and database != ":memory:"
            and not database.startswith("file:") and not Path(database).exists()):
        # Connecting would create an empty file where the user expected their warehouse.
        raise ReportError(f"no warehouse at {database}: load one with `figures run` first")
    with engine.connect() as conn:
        insp = inspect(conn)
        present = set(insp.get_view_names()) | set(insp.get_table_names())
        missing = [name for name in REQUIRED if name not in present]
        if missing:
            raise ReportError(
                f"warehouse {url} has no {', '.join(missing)}: create it with "
                "`figures db upgrade` (or load it with `figures run`) first"
            )
        for name, columns in REQUIRED.items():
            have = {c["name"] for c in insp.get_columns(name)}
            if absent := [c for c in columns if c not in have]:
                raise ReportError(f"warehouse {url}: {name} has no column {', '.join(absent)}; "
                                  "upgrade it with `figures db upgrade`")
        try:
            def q(sql: str) -> pd.DataFrame:
                return pd.read_sql(text(sql), conn)

            return ReportData(
                articles=q("SELECT article_key, article_hash, path, title, publisher, url, pub_date, "
                           "pub_date_precision, word_count FROM dim_article"),
                figures=q("SELECT * FROM mart_figures ORDER BY article_key, seq"),
                checks=q("SELECT * FROM mart_claim_checks ORDER BY article_key, seq, claim_check_key"),
                region_year=q("SELECT * FROM mart_region_year"),
                runs=q(f"SELECT * FROM etl_run ORDER BY run_id DESC LIMIT {RUNS_SHOWN}"),
                quarantine=q("SELECT * FROM quarantine ORDER BY quarantine_key DESC "
                             f"LIMIT {QUARANTINE_SHOWN}"),
                quarantine_total=int(conn.execute(text("SELECT COUNT(*) FROM quarantine")).scalar_one()),
            )
        except SQLAlchemyError as exc:
            raise ReportError(f"warehouse {url}: reading the report's views failed: "
                              f"{redact(str(exc.orig if hasattr(exc, 'orig') else exc))}") from None


def read_article_text(raw_articles_dir: Path, path: str, article_hash: str) -> ArticleText:
    """The article's text as the pipeline decoded it, and its furniture spans.

    A file that is gone, or whose bytes no longer hash to the loaded version, is reported as a
    problem instead of being highlighted: its offsets would point at the wrong characters.
    """
    file = Path(raw_articles_dir) / path
    try:
        data = file.read_bytes()
    except OSError as exc:
        return ArticleText(None, problem=f"{file}: cannot read the article text ({exc.strerror or exc}); "
                                         "its figures are listed without their context.")
    if hashlib.sha256(data).hexdigest() != article_hash:
        return ArticleText(None, problem=f"{file} has changed since it was loaded (its sha256 is not "
                                         f"{article_hash[:12]}…): run `figures run` to reload it. "
                                         "Its figures are listed without their context.")
    try:
        body, _ = decode_article(data, path)
    except InputError as exc:
        return ArticleText(None, problem=str(exc))
    return ArticleText(body, furniture=furniture_spans(body))


def quality_link(quality_docs: Path | None, out_dir: Path) -> QualityLink:
    """A link from the report folder to the Data Docs index (a folder or the index file)."""
    if quality_docs is None:
        return QualityLink(None, "No Great Expectations Data Docs location was given.")
    docs = Path(quality_docs)
    if docs.is_dir():
        docs = docs / DATA_DOCS_INDEX if (docs / DATA_DOCS_INDEX).is_file() else docs / "index.html"
    if not docs.is_file():
        return QualityLink(None, f"No Great Expectations Data Docs found at {quality_docs}.")
    try:
        href = Path(os.path.relpath(docs.resolve(), Path(out_dir).resolve())).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        href = docs.resolve().as_uri()
    return QualityLink(href)


def build_report(engine: Engine, out_dir: Path, raw_articles_dir: Path,
                 quality_docs: Path | None = None) -> Path:
    """Write ``out_dir/index.html`` from the warehouse at ``engine``; returns its path.

    ``raw_articles_dir`` is the folder ``dim_article.path`` is relative to; ``quality_docs``
    is the Great Expectations folder (``warehouse/quality``) or its Data Docs index file.
    Raises ``ReportError`` when the warehouse has not been created.
    """
    out_dir = Path(out_dir)
    data = read_warehouse(engine)
    texts = {a.path: read_article_text(Path(raw_articles_dir), a.path, a.article_hash)
             for a in data.articles.itertuples(index=False)}
    page = render(data, texts, quality_link(quality_docs, out_dir), datetime.now(timezone.utc))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    # Written aside then renamed, so a browser never opens a half-written report.
    tmp = out_dir / f".index.html.{os.getpid()}.{time.monotonic_ns()}.tmp"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, target)
    return target
