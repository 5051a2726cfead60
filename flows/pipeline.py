"""The `figures-pipeline` flow: raw/ -> figures -> checks -> warehouse. It only composes."""
import time
from collections import deque
from datetime import date, timedelta
from typing import Annotated

from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from pydantic import Field, SecretStr

import flows.bootstrap  # noqa: F401  (first: the libraries' variables, before any is imported)
from flows import alerts, artifacts, interrupt, progress, steps
from tasks import official_stats
from tasks.config import load_settings
from tasks.extract import EXTRACTOR_VERSION
from tasks.plan import MAX_BATCH_SIZE, batches, modified_since, published_between
from tasks.process_batch import CuratedInputs
from tasks.read_raw import (
    InputError,
    article_frame,
    described_paths,
    missing_metadata_files,
    publication_dates,
    scan_articles,
    split_duplicates,
    table_hashes,
)
from tasks.spool import Spool
from tasks.summary import RunSummary
from warehouse.changes import changed_tables, plan_changes
from warehouse.engine import redact_url
from warehouse.folders import for_warehouse

# Articles per task run. The extractor takes ~5-10 ms an article and Prefect ~30-80 ms a
# task run, so a batch of 200 spends a few per cent on orchestration (bench/RESULTS.md).
BATCH_SIZE = 200
# Batches submitted ahead of the one being collected: enough to keep a Dask cluster's
# workers busy, few enough that the texts and results in flight stay small.
IN_FLIGHT = 8


@flow(name="figures-pipeline", on_failure=[alerts.run_failed], on_crashed=[alerts.run_failed])
def figures_pipeline(articles: str | None = None, since: date | None = None,
                     warehouse: SecretStr | None = None, full_refresh: bool = False,
                     dry_run: bool = False,
                     batch_size: Annotated[int, Field(ge=1, le=MAX_BATCH_SIZE)] = BATCH_SIZE,
                     strict: bool = False, published_since: date | None = None,
                     published_until: date | None = None) -> RunSummary:
    """Extract, normalise, validate, check and load every new or changed article.

    An article file that cannot be used (unreadable, empty, binary, too big, undecodable, a
    link out of raw/, a duplicate of another) is skipped and named in the summary, the log
    and etl_run.error, and the rest are loaded; with ``strict`` any such file stops the run
    before anything is loaded.
    """
    cfg = load_settings()
    # A secret, so Prefect records the run's parameters without the URL's password.
    url = warehouse.get_secret_value() if warehouse else cfg.warehouse_url
    cfg = for_warehouse(cfg, url)  # its own report and quality folders (warehouse/folders.py)
    wh = cfg.warehouse(url)
    summary = RunSummary(warehouse=redact_url(wh.url), dry_run=dry_run)
    progress.step("reading curated tables")
    tables = steps.read_tables(cfg.tables_dir)
    summary.metadata_without_article = missing_metadata_files(tables["articles.csv"], cfg.articles_dir)
    hashes = table_hashes(cfg.tables_dir)
    paths, unlisted = scan_articles(cfg.articles_dir, articles)
    paths = published_between(modified_since(paths, since), cfg.articles_dir,
                              publication_dates(tables["articles.csv"]), published_since,
                              published_until)
    if not dry_run:
        steps.upgrade(wh)
    loaded = steps.loaded_articles(wh)
    # compared before this run records its own hashes
    summary.tables_changed = changed_tables(hashes, steps.last_table_hashes(wh))
    run_id = None if dry_run else steps.start_run(wh, str(flow_run.get_id() or ""),
                                                  hashes, EXTRACTOR_VERSION,
                                                  timedelta(hours=cfg.stale_run_hours))
    try:
        _process(summary, cfg, tables, paths, unlisted, loaded, full_refresh, batch_size, wh,
                 run_id, strict)
    except BaseException as exc:
        if run_id is not None:
            error = exc
            stopped = interrupt.interruption(exc)
            if stopped:  # named as such ("KeyboardInterrupt: " says nothing), and bounded in time
                interrupt.arm_watchdog(stopped)
                error = (f"{stopped} after its load was committed; quality check or report not done"
                         if summary.loaded else f"{stopped}; nothing of the run was committed")
            steps.finish_run(wh, run_id, "interrupted" if stopped else "failed",
                             summary.run_counts(), error=error)
        raise
    if run_id is not None:
        steps.finish_run(wh, run_id, summary.status, summary.run_counts(),
                         error=summary.rejection_note(), rejected=summary.rejections)
        progress.step("building the report")
        # rebuilt from the whole warehouse, so a run with nothing new refreshes it too
        try:
            summary.report_path = steps.build_report(wh, cfg.report_dir, cfg.quality_dir)
        except OSError as exc:  # the run is recorded as it was: its rows are committed
            summary.report_error = (f"{cfg.report_dir}: {(exc.strerror or str(exc)).lower()}; the "
                                    "rows are loaded, run `figures report` once it is fixed")
            get_run_logger().error("report not written: %s", summary.report_error)
    artifacts.publish(summary)
    alerts.run_problems(cfg, summary, flow_run.get_name())
    return summary


def _process(summary, cfg, tables, paths, unlisted, loaded, full_refresh, batch_size, wh, run_id,
             strict):
    progress.step(f"reading {len(paths)} articles")
    raw, unreadable = steps.read_article_files(paths, cfg.articles_dir, cfg.max_article_bytes,
                                               cfg.max_article_figures)
    # One article per content: a second file with the same bytes would share its identity.
    raw, duplicates = split_duplicates(raw, loaded, described_paths(tables["articles.csv"]))
    summary.rejections = sorted([*unlisted, *unreadable, *duplicates], key=lambda r: r.path)
    if summary.rejected_files and strict:
        raise InputError(f"{len(summary.rejected_files)} article file(s) cannot be used, so "
                         "nothing is loaded (--strict):\n" + "\n".join(summary.rejected_files))
    for reason in summary.rejected_files:
        get_run_logger().warning("rejected file: %s", reason)
    plan = plan_changes(raw, loaded, EXTRACTOR_VERSION, summary.tables_changed, full_refresh)
    if plan.needs_stored_metadata:
        stored = steps.loaded_metadata(wh, [a.path for a in plan.unchanged])
        plan = plan.with_metadata(article_frame(plan.unchanged, tables["articles.csv"])
                                  .to_dict("records"), stored)
    todo, unchanged = plan.todo, plan.unchanged
    summary.run_id, summary.articles_read, summary.articles_skipped = run_id, len(raw), len(unchanged)
    summary.changes = dict(plan.changes)
    if plan.nothing_new:
        get_run_logger().info("nothing new: %d articles unchanged", len(unchanged))
        return

    meta = article_frame(todo, tables["articles.csv"])
    summary.record_articles(meta)
    pub_dates = dict(zip(meta["article_hash"], meta["pub_date"]))
    before = steps.official_from_articles(wh)  # what the bulletins loaded before stated

    def submit_with(curated):
        return lambda batch: steps.process_batch.submit(
            batch, {a.article_hash: pub_dates[a.article_hash] for a in batch}, curated)

    # The bulletins first, so that the news of the same run is checked against them too.
    bulletins, news = official_stats.official_first(todo, meta)
    bulletin_batches, news_batches = batches(bulletins, batch_size), batches(news, batch_size)
    todo_batches = bulletin_batches + news_batches
    progress.count(len(todo), "articles extracted")
    started, done = time.monotonic(), 0
    with Spool() as spool:

        def collect(i, result):
            """Batch `i` counted and parked on disk; returns its valid figures."""
            nonlocal done
            summary.record_batch(result)
            figures, checks, rejected = result.take_frames()
            if run_id is not None:
                spool.append((figures, checks, rejected))
            done += len(todo_batches[i - 1])
            get_run_logger().info("batch %d/%d extracted and validated: %d/%d articles, %d figures; %s",
                                  i, len(todo_batches), done, len(todo), result.extracted,
                                  progress.rate_and_eta(done, len(todo), time.monotonic() - started))
            progress.advance(done, len(todo), "articles extracted and validated")
            return figures

        # Batches go out a few at a time (on Dask they run side by side) and come back in order;
        # each is counted and parked on disk, so memory holds a window of batches, not the run.
        curated = CuratedInputs.from_tables(tables, stated=before)
        bulletin_figures = [collect(i, result) for i, result in enumerate(
            _in_order(submit_with(curated), bulletin_batches, IN_FLIGHT), start=1)]
        if bulletin_figures and news_batches:
            curated = CuratedInputs.from_tables(tables, stated=official_stats.evidence_for_news(
                bulletin_figures, meta, before, loaded, tables))
        for i, result in enumerate(_in_order(submit_with(curated), news_batches, IN_FLIGHT),
                                   start=len(bulletin_batches) + 1):
            collect(i, result)
        if run_id is None:  # dry run: report what would change, write nothing
            return

        progress.step("loading the warehouse (waits for any other run's load)")
        counts = steps.load_run(wh, run={"run_id": run_id, **summary.run_counts()},
                                articles=meta, batches=spool, tables=tables,
                                extractor_version=EXTRACTOR_VERSION,
                                replace=plan.full_refresh or {a.article_hash for a in todo
                                                              if a.path in plan.edited})
    summary.rows_loaded, summary.loaded = counts["figures_loaded"], True
    summary.articles_loaded = counts.get("articles_loaded", 0)
    get_run_logger().info("loaded %d articles (%d replaced), %d figures, %d claim checks, "
                          "%d quarantined rows", counts.get("articles_loaded", 0),
                          counts.get("articles_replaced", 0), counts["figures_loaded"],
                          counts.get("claim_checks_loaded", 0), counts.get("quarantine_loaded", 0))
    progress.step("checking data quality")
    quality = steps.check_quality(wh, run_id, cfg.quality_dir)
    summary.quality_success, summary.quality_docs = quality.success, str(quality.docs_path)


def _in_order(submit, items, window):
    """Results of `submit(item)` for each item, in order, with at most `window` in flight."""
    pending = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


if __name__ == "__main__":
    # the same command as `figures run`: its options, --help, and one-line errors
    import typer

    from flows.cli import app

    typer.main.get_command(app).commands["run"].main(prog_name="python -m flows.pipeline")
