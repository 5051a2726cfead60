"""The `figures-pipeline` flow: raw/ -> figures -> checks -> warehouse. It only composes."""
from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from datetime import date, datetime, timezone

import pandas as pd
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run

from flows import steps
from tasks.config import Settings
from tasks.extract import EXTRACTOR_VERSION, metrics_from_rows, regions_from_rows
from tasks.plan import batches, select_changed
from tasks.read_raw import article_frame, list_articles, table_hashes
from tasks.summary import RunSummary
from warehouse.engine import redact


def _pub_year(pub_date: str | None) -> int | None:
    return int(pub_date[:4]) if isinstance(pub_date, str) else None


@flow(name="figures-pipeline")
def figures_pipeline(articles: str | None = None, since: date | None = None,
                     warehouse: str | None = None, full_refresh: bool = False,
                     dry_run: bool = False, batch_size: int = 50) -> RunSummary:
    """Extract, normalise, validate, check and load every new or changed article."""
    logger = get_run_logger()
    cfg = Settings()
    url, schema = warehouse or cfg.warehouse_url, cfg.warehouse_schema
    summary = RunSummary(warehouse=redact(url), dry_run=dry_run)

    tables = steps.read_tables(cfg.tables_dir)
    regions = regions_from_rows(tables["regions.csv"].to_dict("records"))
    metrics = metrics_from_rows(tables["metrics.csv"].to_dict("records"))
    fx, official = tables["fx_rates.csv"], tables["official_series.csv"]

    paths = list_articles(cfg.articles_dir, articles)
    if since is not None:
        cutoff = datetime.combine(since, datetime.min.time()).timestamp()
        paths = [p for p in paths if p.stat().st_mtime >= cutoff]
    raw = steps.read_articles(paths, cfg.articles_dir, cfg.max_article_bytes)
    if not dry_run:
        steps.upgrade(url, schema)
    loaded = {} if dry_run and not _exists(url) else steps.loaded_articles(url, schema)
    todo, unchanged = select_changed(raw, loaded, EXTRACTOR_VERSION, full_refresh)
    summary.articles_read, summary.articles_skipped = len(raw), len(unchanged)
    if not todo:
        logger.info("nothing new: %d articles unchanged", len(unchanged))
        return _finish(summary)

    meta = article_frame(todo, tables["articles.csv"])
    summary.articles_without_metadata = meta.loc[~meta["has_metadata"], "path"].tolist()
    pub_dates = dict(zip(meta["article_hash"], meta["pub_date"]))
    pub_years = {h: _pub_year(d) for h, d in pub_dates.items()}

    futures = [steps.extract.submit(b, pub_dates, regions, metrics) for b in batches(todo, batch_size)]
    extracted = pd.concat([f.result() for f in futures], ignore_index=True)
    figures, rejected = steps.normalise_and_validate(extracted, fx, pub_years, "extracted figures")
    checks = steps.check_claims(figures, official, fx, pub_years)
    summary.figures_extracted = len(extracted)
    summary.figures_by_kind = extracted["kind"].value_counts().to_dict()
    summary.rows_rejected = len(rejected["seq"].drop_duplicates()) if len(rejected) else 0
    summary.reject_reasons = rejected["reason"].tolist()
    summary.claim_verdicts = checks["verdict"].value_counts().to_dict() if len(checks) else {}
    if dry_run:
        summary.rows_loaded = 0
        return _finish(summary)

    run = {"flow_run_id": str(flow_run.get_id() or ""),
           "started_at": datetime.now(timezone.utc),
           "input_hashes": {**{a.path: a.article_hash for a in raw},
                            **table_hashes(cfg.tables_dir)}}
    counts = steps.load_run(url, schema, run=run, articles=meta, figures=figures,
                            claim_checks=checks, quarantine=rejected, tables=tables,
                            extractor_version=EXTRACTOR_VERSION)
    summary.run_id, summary.rows_loaded = counts.get("run_id"), counts.get("figures", 0)
    quality_ok, _, docs = steps.check_quality(url, schema, summary.run_id, cfg.quality_dir)
    summary.quality_success, summary.quality_docs = quality_ok, str(docs) if docs else None
    return _finish(summary)


def _exists(url: str) -> bool:
    if url.startswith("sqlite:///"):
        return os.path.exists(url.removeprefix("sqlite:///"))
    return True


def _finish(summary: RunSummary) -> RunSummary:
    create_markdown_artifact(summary.markdown(), key="figures-run-summary",
                             description="figures-pipeline run summary")
    return summary


if __name__ == "__main__":
    for line in figures_pipeline().lines():
        print(line)
