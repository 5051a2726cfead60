"""`figures extract`: run the extraction engine on a file or on JSON lines.

    figures extract ARTICLE.txt [--pub-date 2021]       a table of the figures found
    figures extract --jsonl < docs.jsonl > preds.jsonl   one JSON line per figure (FORMAT.md)

Until the typer command is wired, the same runs as ``python -m flows.cli_extract``.
The gazetteer and metric lexicon are read from ``--tables`` (default ``raw/tables``).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TextIO

from tasks.extract import Figure, MetricDef, Region, metrics_from_rows, parse_figures, regions_from_rows

DEFAULT_TABLES = Path("raw/tables")
_REPO_TABLES = Path(__file__).resolve().parents[1] / "raw" / "tables"


def load_tables(tables: Path = DEFAULT_TABLES) -> tuple[list[Region], list[MetricDef]]:
    """regions.csv and metrics.csv from ``tables`` (falls back to the repository's own)."""
    tables = Path(tables)
    if not (tables / "regions.csv").exists() and tables == DEFAULT_TABLES:
        tables = _REPO_TABLES
    import pandas as pd

    from tasks.gazetteer import COLUMNS, world_regions
    from tasks.read_raw import records

    curated = pd.DataFrame(_read_csv(tables / "regions.csv"), columns=list(COLUMNS)).dropna(subset=["name"])
    metrics = _read_csv(tables / "metrics.csv")
    return regions_from_rows(records(world_regions(curated))), metrics_from_rows(metrics)


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def figure_json(doc_id: str, f: Figure) -> dict:
    """One prediction line as in FORMAT.md's extractor interface."""
    return {"id": doc_id, "start": f.start, "end": f.end, "text": f.surface, "kind": f.kind,
            "value": float(f.value), "unit": f.unit, "qualifier": f.qualifier,
            "period_start": f.period_start, "period_end": f.period_end, "region": f.region,
            "metric": f.metric}


class ExtractInputError(ValueError):
    """Input of `figures extract` that cannot be used; the message names where (one line)."""


def _document(line: str, number: int) -> tuple[str, str, str | None]:
    """(id, text, pub_date) of JSON line `number`, or an ExtractInputError naming the line."""
    where = f"stdin line {number}"
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ExtractInputError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(doc, dict):
        raise ExtractInputError(f"{where}: expected a JSON object {{\"id\", \"text\", \"pub_date\"}}, "
                                f"got {type(doc).__name__}")
    text, pub, doc_id = doc.get("text"), doc.get("pub_date"), doc.get("id")
    if text is not None and not isinstance(text, str):
        raise ExtractInputError(f"{where}: \"text\" must be a string, got {type(text).__name__}")
    if doc_id is not None and not isinstance(doc_id, (str, int)):
        raise ExtractInputError(f"{where}: \"id\" must be a string or a number, got {type(doc_id).__name__}")
    if pub is not None:
        problem = pub_date_problem(str(pub))
        if problem:
            raise ExtractInputError(f"{where}: \"pub_date\" {problem} (value: {str(pub)[:40]!r})")
    return doc_id, text or "", (str(pub) if pub else None)


def pub_date_problem(value: str) -> str | None:
    """Why `value` is not a publication date (YYYY, YYYY-MM or YYYY-MM-DD of the calendar)."""
    import re

    from schemas.tables import _real_date

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) or not _real_date(value):
        return "is not a real date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return None


def extract_jsonl(stdin: TextIO, stdout: TextIO, regions: list[Region], metrics: list[MetricDef]) -> int:
    """Read {"id","text","pub_date"} lines, write one line per figure; returns figures written.

    A line that is not such an object is an ExtractInputError naming its number; the lines
    before it have been written."""
    n = 0
    for number, line in enumerate(stdin, start=1):
        line = line.strip()
        if not line:
            continue
        doc_id, text, pub = _document(line, number)
        for f in parse_figures(text, pub, regions=regions, metrics=metrics):
            stdout.write(json.dumps(figure_json(doc_id, f), ensure_ascii=False) + "\n")
            n += 1
    return n


def print_table(path: Path, figures: list[Figure]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{path.name}: {len(figures)} figures", show_lines=False)
    for col in ("#", "span", "surface", "value", "unit", "qualifier", "period", "region", "metric"):
        table.add_column(col, overflow="fold")
    for f in figures:
        period = ("" if f.period_start is None else
                  str(f.period_start) if f.period_start == f.period_end else f"{f.period_start}-{f.period_end}")
        link = f" ↔{f.link_seq}" if f.link_seq is not None else ""
        table.add_row(str(f.seq), f"{f.start}-{f.end}", f.surface + link, f"{f.value:,}", f.unit,
                      f.qualifier, period, f.region or "", f.metric or "")
    Console().print(table)


def extract(file: Path | None = None, jsonl: bool = False, tables: Path = DEFAULT_TABLES,
            pub_date: str | None = None, max_bytes: int = 5_000_000) -> None:
    """Extract figures from FILE (a table) or, with ``jsonl``, from JSON lines on stdin."""
    regions, metrics = load_tables(tables)
    if jsonl:
        extract_jsonl(sys.stdin, sys.stdout, regions, metrics)
        return
    if file is None:
        raise ExtractInputError("give a FILE or --jsonl")
    text = read_text(Path(file), max_bytes)
    if pub_date is None:
        pub_date = article_pub_date(Path(file), tables)
    elif pub_date_problem(pub_date):
        raise ExtractInputError(f"--pub-date {pub_date_problem(pub_date)} (value: {pub_date[:40]!r})")
    print_table(Path(file), parse_figures(text, pub_date, regions=regions, metrics=metrics))


def read_text(file: Path, max_bytes: int) -> str:
    """The text of ``file`` decoded as `figures run` decodes an article (UTF-8, UTF-16,
    GB18030, cp1252; tasks.read_raw.decode_article), or an ExtractInputError naming it."""
    from tasks.read_raw import InputError, decode_article

    try:
        with open(file, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise ExtractInputError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise ExtractInputError(f"{file}: a folder, not a text file") from None
    except OSError as exc:
        raise ExtractInputError(f"{file}: cannot be read ({(exc.strerror or str(exc)).lower()})") from None
    if len(data) > max_bytes:
        raise ExtractInputError(f"{file}: over the article size limit of {max_bytes:,} bytes "
                                "(set MAX_ARTICLE_BYTES to raise it)")
    try:
        return decode_article(data, str(file))[0]
    except InputError as exc:
        raise ExtractInputError(str(exc)) from None


def article_pub_date(file: Path, tables: Path = DEFAULT_TABLES) -> str | None:
    """The publication date recorded for ``file`` in ``articles.csv`` beside the tables, if any."""
    tables = Path(tables)
    if not (tables / "articles.csv").exists() and tables == DEFAULT_TABLES:
        tables = _REPO_TABLES
    for row in _read_csv(tables / "articles.csv"):
        if Path(row.get("path") or "").name == file.name:
            return (row.get("pub_date") or "").strip() or None
    return None


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m flows.cli_extract", description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--jsonl", action="store_true", help="JSON lines on stdin -> figures on stdout")
    ap.add_argument("--tables", type=Path, default=DEFAULT_TABLES)
    ap.add_argument("--pub-date", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD (FILE mode)")
    a = ap.parse_args(argv)
    extract(a.file, a.jsonl, a.tables, a.pub_date)


if __name__ == "__main__":
    main()
