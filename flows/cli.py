"""`figures`: the command line. Parses and validates parameters, then hands over."""
from __future__ import annotations

import os
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

import flows.bootstrap  # noqa: F401  (first: the libraries' variables, before any is imported)
from flows.runners import Runner

app = typer.Typer(help="News articles and curated tables into a warehouse of checked figures.",
                  no_args_is_help=True, add_completion=False)
console = Console(stderr=False)


def _mount_db() -> None:
    from flows.cli_db import db_app

    app.add_typer(db_app, name="db")


_mount_db()


def _batch_size(value: int) -> int:
    from tasks.plan import MAX_BATCH_SIZE

    if not 1 <= value <= MAX_BATCH_SIZE:
        raise typer.BadParameter(f"{value} is not a batch size; it must be at least 1 and at most {MAX_BATCH_SIZE:,}")
    return value


def _warehouse(value: str | None) -> str | None:
    from warehouse.engine import get_engine

    if value is not None:
        try:
            get_engine(value).dispose()  # parses the URL and picks the dialect; no connection
        except (ValueError, ImportError) as exc:
            raise typer.BadParameter(str(exc)) from None
    return value


def _project(value: Path | None) -> Path | None:
    """--project DIR: that folder's raw/ and warehouse/, for this command and what it starts."""
    from tasks.config import PROJECT_ENV

    if value is not None:
        if not (value / "raw" / "tables").is_dir():
            raise typer.BadParameter(f"{value}: not a project folder (no raw/tables in it; "
                                     f"`figures init {value}` makes one)")
        os.environ[PROJECT_ENV] = str(value.resolve())
    return value


ProjectOption = Annotated[Optional[Path], typer.Option(
    "--project", callback=_project, is_eager=True,
    help="Project folder whose raw/ and warehouse/ to use (default: the current folder if it "
         "has raw/tables, else the installed package's).")]


def _address(value: str | None) -> str | None:
    from flows.runners import check_address

    try:
        return None if value is None else check_address(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def run(
    articles: Annotated[Optional[str], typer.Option(help="Article file, folder or glob under raw/articles (default: all).")] = None,
    since: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Only articles modified on or after this date (YYYY-MM-DD).")] = None,
    published_since: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Only articles published on or after this date (articles.csv pub_date; YYYY-MM-DD).")] = None,
    published_until: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Only articles published on or before this date (YYYY-MM-DD).")] = None,
    warehouse: Annotated[Optional[str], typer.Option(callback=_warehouse, help="SQLAlchemy URL (default: WAREHOUSE_URL or warehouse/figures.db).")] = None,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Re-extract and reload every article.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Extract and validate, print what would change, load nothing.")] = False,
    runner: Annotated[Runner, typer.Option(help="Where tasks run: threads here (default) or a Dask cluster (a LocalCluster unless --address).")] = Runner.default,
    address: Annotated[Optional[str], typer.Option(callback=_address, help="Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (implies --runner dask).")] = None,
    # 200 = flows.pipeline.BATCH_SIZE (not imported: it would load Prefect before a bad option is refused)
    batch_size: Annotated[int, typer.Option(callback=_batch_size, help="Articles per task: the unit Prefect (and Dask) schedules.")] = 200,
    strict: Annotated[bool, typer.Option("--strict", help="All or nothing: any article file that cannot be used stops the run before anything is loaded.")] = False,
    precheck: Annotated[bool, typer.Option("--precheck/--no-precheck", hidden=True, help="Look for new work before starting Prefect.")] = True,
    project: ProjectOption = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on the screen (by default they go to warehouse/logs/tracebacks.log).")] = False,
) -> None:
    """Run the pipeline once on raw/ and print a summary.

    Exit status: 0 done; 1 the warehouse refused the run or a data-quality check failed;
    2 bad input stopped the run; 3 done, but article files were rejected (named above).
    """
    from pydantic import SecretStr
    from sqlalchemy.exc import SQLAlchemyError

    from flows.interrupt import exit_now, interruption, stop_on_signals
    from schemas.tables import TableValidationError
    from tasks.config import SettingsError, load_settings
    from tasks.read_raw import InputError
    from warehouse.load import LoadError

    if not debug:  # read by Prefect when it sets up logging, so before it is imported
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_CLASS", "flows.logs.OneLineConsoleHandler")
    day = since.date() if since else None
    published = tuple(d.date() if d else None for d in (published_since, published_until))
    if published[0] and published[1] and published[0] > published[1]:
        raise typer.BadParameter(f"--published-since {published[0]} is after --published-until "
                                 f"{published[1]}: no article can be in between")
    try:
        with stop_on_signals():
            cfg = load_settings()  # once, here; the flow reads them again at its own entry
            _check_configured_warehouse(cfg, warehouse)
            if address is not None:
                _check_scheduler(cfg, address)
            # Prefect's temporary API costs seconds to start; a run with nothing new need not.
            if precheck and not full_refresh and not os.environ.get("PREFECT_API_URL"):
                summary = _nothing_new(cfg, articles, day, warehouse, published)
                if summary is not None:
                    for line in summary.lines():
                        console.print(line, highlight=False, soft_wrap=True)
                    return
            # Plain Python, before Prefect starts: a bad table is one line, not a failed flow.
            # (Not needed for "nothing new": the tables are then the last loaded run's bytes.)
            _check_tables(cfg)
            summary = _run_flow(articles=articles, since=day,
                                warehouse=SecretStr(warehouse) if warehouse else None,
                                full_refresh=full_refresh, dry_run=dry_run, batch_size=batch_size,
                                strict=strict, runner=runner.value, address=address,
                                published_since=published[0], published_until=published[1])
    except (InputError, TableValidationError, SettingsError) as exc:
        _error(exc)
        raise typer.Exit(2) from None
    except (LoadError, WarehouseTimeout, SchedulerUnreachable) as exc:
        _error(exc)
        raise typer.Exit(1) from None
    except SQLAlchemyError as exc:  # the warehouse stayed unreachable through the retries
        _error(f"the warehouse refused the run: {_first_line(exc)}")
        raise typer.Exit(1) from None
    except BaseException as exc:
        reason = interruption(exc)
        if reason is None:
            raise
        # now: the worker threads still extracting would hold a normal exit up for minutes
        exit_now(f"error: {reason}; the run stopped, and what it had not committed was rolled "
                 "back (run again to do the rest)")
    for line in summary.lines():
        console.print(line, highlight=False, soft_wrap=True)
    if summary.quality_success is False or summary.report_error:
        raise typer.Exit(1)
    if summary.rejected_files:  # loaded, but a scheduler must notice the files left out
        raise typer.Exit(REJECTED_EXIT)


def _error(message, to=None) -> None:
    from rich.markup import escape

    from warehouse.engine import redact

    # escaped: a message may hold brackets ("[SQL: ...]") that rich would take for markup
    (to or console).print(f"[red]error:[/red] {escape(redact(str(message)))}", highlight=False,
                  soft_wrap=True)


REJECTED_EXIT = 3


def _check_configured_warehouse(cfg, option: str | None) -> None:
    """WAREHOUSE_URL / WAREHOUSE_SCHEMA from the environment, refused in one line (redacted)
    before Prefect starts, as the --warehouse option is by its callback."""
    from warehouse.engine import get_engine

    if option is not None:
        return
    try:
        get_engine(cfg.warehouse_url).dispose()  # parses; does not connect
    except (ValueError, ImportError) as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _check_tables(cfg) -> None:
    from schemas.tables import validate_tables
    from tasks.read_raw import read_tables

    validate_tables(read_tables(cfg.tables_dir))


class SchedulerUnreachable(Exception):
    """The Dask scheduler given with --address does not accept connections."""


def _check_scheduler(cfg, address: str) -> None:
    from flows.runners import reachable

    timeout = cfg.dask_connect_timeout
    problem = reachable(address, timeout)
    if problem:
        raise SchedulerUnreachable(f"Dask scheduler {address}: {problem} "
                                   f"(tried for {timeout} s, DASK_CONNECT_TIMEOUT)")


def _nothing_new(cfg, articles, since, warehouse, published=(None, None)):
    """A summary saying "nothing new" if the plain-Python check finds nothing to do, else None."""
    from sqlalchemy.exc import SQLAlchemyError

    from flows.precheck import pending_work
    from tasks.summary import RunSummary
    from warehouse.engine import redact_url, timed_out
    from warehouse.folders import for_warehouse

    try:
        pending = pending_work(cfg, articles, since, warehouse, published)
    except SQLAlchemyError as exc:
        if timed_out(exc):  # it has had its wait already; four more in the flow would be minutes
            raise WarehouseTimeout(
                f"the warehouse did not answer within {cfg.db_connect_timeout} s "
                f"(DB_CONNECT_TIMEOUT) or a statement within {cfg.db_statement_timeout} s "
                f"(DB_STATEMENT_TIMEOUT): {_first_line(exc)}") from None
        return None  # the flow reaches the warehouse with retries, and says what is wrong
    if not pending.nothing_new:
        return None
    report = for_warehouse(cfg, warehouse).report_dir / "index.html"
    return RunSummary(warehouse=redact_url(warehouse or cfg.warehouse_url),
                      articles_read=pending.articles_read, articles_skipped=pending.articles_read,
                      report_path=str(report) if report.is_file() else None,
                      prefect_started=False)


class WarehouseTimeout(Exception):
    """The warehouse accepted a connection but did not answer in time."""


def _first_line(exc: BaseException) -> str:
    from warehouse.engine import redact

    return redact(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)


def _run_flow(runner: str, address: str | None, **parameters):
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.pipeline import figures_pipeline
    from flows.progress import terminal_progress
    from flows.runners import shared_api, task_runner

    chosen = task_runner(runner, address)
    flow = figures_pipeline if chosen is None else figures_pipeline.with_options(task_runner=chosen)
    # The per-flow heartbeat thread costs a second at exit and buys nothing for a CLI run.
    with ExitStack() as stack:
        stack.enter_context(temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}))
        if chosen is not None and address is None:
            stack.enter_context(shared_api())  # the LocalCluster's workers report there too
        stack.enter_context(terminal_progress())
        return flow(**parameters)


@app.command()
def serve(
    cron: Annotated[str, typer.Option(help="When to run, as a five-field cron expression (default: hourly).")] = "0 * * * *",
    name: Annotated[str, typer.Option(help="Deployment name: runs are figures-pipeline/NAME.")] = "scheduled",
    port: Annotated[Optional[int], typer.Option(min=1, max=65535, help="Port of the local Prefect server (default 4200, or a free one); ignored with PREFECT_API_URL.")] = None,
    home: Annotated[Optional[Path], typer.Option(help="PREFECT_HOME of the local Prefect server (default: .prefect in the project).")] = None,
    project: ProjectOption = None,
) -> None:
    """Serve the pipeline as a Prefect deployment on a cron schedule until Ctrl-C.

    Uses the Prefect server at PREFECT_API_URL, or starts a local one (stopped on exit).
    Trigger a run by hand with: prefect deployment run 'figures-pipeline/NAME'
    """
    from flows.serve import ServerError, check_cron
    from flows.serve import serve as serve_flow
    from tasks.config import PROJECT_ENV, project_dir

    try:
        check_cron(cron)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--cron'") from None
    try:
        # the served runs (subprocesses) work on this project folder, wherever they start
        os.environ[PROJECT_ENV] = str(project_dir())
        serve_flow(cron=cron, name=name, port=port, home=home or project_dir() / ".prefect")
    except ServerError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create (or an existing folder without raw/).")],
) -> None:
    """Scaffold a project folder: raw/tables (the curated tables), an example article, warehouse/.

    Then, inside it, `figures run` reads its raw/ and writes warehouse/figures.db there.
    """
    from flows.cli_init import InitError, scaffold

    try:
        written = scaffold(directory)
    except (InitError, OSError) as exc:
        _error(exc)
        raise typer.Exit(2) from None
    console.print(f"created project {directory} ({len(written)} files: raw/tables, "
                  f"raw/articles, warehouse/); next: cd {directory} && figures run",
                  highlight=False, soft_wrap=True)


@app.command()
def extract(
    file: Annotated[Optional[Path], typer.Argument(help="Text file to extract figures from.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read {id,text,pub_date} JSON lines on stdin; write one figure per line.")] = False,
    tables: Annotated[Optional[Path], typer.Option(help="Folder with regions.csv and metrics.csv (default: raw/tables).")] = None,
) -> None:
    """Print the figures found in FILE, or score-format JSON lines with --jsonl."""
    from flows.cli_extract import ExtractInputError
    from flows.cli_extract import extract as extract_figures
    from tasks.config import SettingsError, load_settings

    try:
        cfg = load_settings()
        extract_figures(file, jsonl, tables or cfg.tables_dir, max_bytes=cfg.max_article_bytes)
    except (ExtractInputError, SettingsError) as exc:
        _error(exc, Console(stderr=True))  # stdout holds the figures (--jsonl) a pipe reads
        raise typer.Exit(2) from None


@app.command()
def report(
    out: Annotated[Optional[Path], typer.Option(help="Folder for index.html (default: the warehouse's own report folder, warehouse/report for the default one).")] = None,
    warehouse: Annotated[Optional[str], typer.Option(help="SQLAlchemy URL (default: WAREHOUSE_URL or warehouse/figures.db).")] = None,
    articles: Annotated[Optional[int], typer.Option(min=0, help="Articles to annotate figure by figure, the latest load's first (default 50); every article is listed either way.")] = None,
    all_articles: Annotated[bool, typer.Option("--all-articles", help="Annotate every article (the page then grows with the warehouse).")] = False,
) -> None:
    """Rebuild the HTML report (annotated articles, charts, claim verdicts) from the warehouse."""
    from sqlalchemy.exc import SQLAlchemyError

    from flows.cli_report import report as build_report
    from report import ReportError
    from tasks.config import SettingsError

    try:
        build_report(out, warehouse, articles=articles, all_articles=all_articles)
    except (ReportError, SettingsError, ValueError) as exc:  # ValueError: a URL that does not parse
        _error(exc)
        raise typer.Exit(2) from None
    except SQLAlchemyError as exc:
        _error(f"the warehouse could not be read: {_first_line(exc)}")
        raise typer.Exit(1) from None
    except OSError as exc:  # the folder cannot be written (read-only, full, a file in its place)
        _error(f"{out or 'REPORT_DIR'}: the report could not be written "
               f"({(exc.strerror or str(exc)).lower()})")
        raise typer.Exit(1) from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
