"""`figures`: the command line. Parses and validates parameters, then hands over."""
from __future__ import annotations

import os

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from datetime import datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

app = typer.Typer(help="News articles and curated tables into a warehouse of checked figures.",
                  no_args_is_help=True, add_completion=False)
console = Console(stderr=False)


def _mount_db() -> None:
    from flows.cli_db import db_app

    app.add_typer(db_app, name="db")


_mount_db()


@app.command()
def run(
    articles: Annotated[Optional[str], typer.Option(help="Article file, folder or glob under raw/articles (default: all).")] = None,
    since: Annotated[Optional[datetime], typer.Option(formats=["%Y-%m-%d"], help="Only articles modified on or after this date (YYYY-MM-DD).")] = None,
    warehouse: Annotated[Optional[str], typer.Option(help="SQLAlchemy URL (default: WAREHOUSE_URL or warehouse/figures.db).")] = None,
    full_refresh: Annotated[bool, typer.Option("--full-refresh", help="Re-extract and reload every article.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Extract and validate, load nothing.")] = False,
) -> None:
    """Run the pipeline once on raw/ and print a summary."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    from flows.pipeline import figures_pipeline
    from schemas.tables import TableValidationError
    from tasks.read_raw import InputError

    # The per-flow heartbeat thread costs a second at exit and buys nothing for a CLI run.
    with temporary_settings({PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        try:
            summary = figures_pipeline(articles=articles, since=since.date() if since else None,
                                       warehouse=warehouse, full_refresh=full_refresh,
                                       dry_run=dry_run)
        except (InputError, TableValidationError) as exc:
            console.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from None
    for line in summary.lines():
        console.print(line, highlight=False)
    if summary.quality_success is False:
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[Optional[Path], typer.Argument(help="Text file to extract figures from.")] = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read {id,text,pub_date} JSON lines on stdin; write one figure per line.")] = False,
    tables: Annotated[Optional[Path], typer.Option(help="Folder with regions.csv and metrics.csv (default: raw/tables).")] = None,
) -> None:
    """Print the figures found in FILE, or score-format JSON lines with --jsonl."""
    from flows.cli_extract import extract as extract_figures
    from tasks.config import Settings

    extract_figures(file, jsonl, tables or Settings().tables_dir)


@app.command()
def report(
    out: Annotated[Optional[Path], typer.Option(help="Folder for index.html (default: REPORT_DIR, warehouse/report).")] = None,
    warehouse: Annotated[Optional[str], typer.Option(help="SQLAlchemy URL (default: WAREHOUSE_URL or warehouse/figures.db).")] = None,
) -> None:
    """Rebuild the HTML report (annotated articles, charts, claim verdicts) from the warehouse."""
    from flows.cli_report import report as build_report
    from report import ReportError

    try:
        build_report(out, warehouse)
    except ReportError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None


def main() -> None:
    app()


if __name__ == "__main__":
    main()
