"""The data-quality docs: each checkpoint's expectations and results as offline HTML pages.

Great Expectations' own Data Docs load bootstrap, jQuery and fonts from CDNs (offline their
index lists no run), and they would compute their percentages over the frames we hand GX,
which hold only the rows that may fail (``warehouse.quality``): "NaN % not null" on a healthy
run. These pages are rendered from the same checkpoint results with the number of rows each
expectation covers counted in the database, so a percentage is over the rows actually loaded.
One template (``quality_docs.html``, jinja2), no script, no remote stylesheet or font.

Layout under the quality folder:

- ``index.html``: the newest checkpoint in full, then every kept run with its verdict;
- ``runs/etl_run_<id>.html``: one run's page; ``runs/etl_run_<id>.json``: the data it shows.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATE = "quality_docs.html"
RUNS = "runs"
# A value set longer than this is shown by its first values and its size.
SET_SHOWN = 8


def describe(expectation, values: dict[str, Any] | None = None) -> str:
    """One line a person reads for an expectation ("unit is one of USD, CNY, … (41 values)").

    ``values`` (a one-row aggregate, for the row-count asset) puts the numbers compared
    beside the column names.
    """
    e, kind = expectation, type(expectation).__name__

    def col(name: str) -> str:
        return f"{name} ({_number(values[name])})" if values and name in values else name

    column = getattr(e, "column", None)
    if kind == "ExpectColumnValuesToNotBeNull":
        return f"{column} is not null"
    if kind == "ExpectColumnValuesToBeInSet":
        return f"{column} is one of {_set(e.value_set)}"
    if kind == "ExpectColumnValuesToBeBetween":
        bounds = []
        if e.min_value is not None:
            bounds.append(f"{'>' if e.strict_min else '≥'} {_number(e.min_value)}")
        if e.max_value is not None:
            bounds.append(f"{'<' if e.strict_max else '≤'} {_number(e.max_value)}")
        return f"{column} {' and '.join(bounds)}"
    if kind == "ExpectColumnValuesToMatchRegex":
        return f"{column} matches {e.regex}"
    if kind == "ExpectColumnValueLengthsToEqual":
        return f"length of {column} is {_number(e.value)}"
    if kind == "ExpectColumnPairValuesAToBeGreaterThanB":
        return f"{e.column_A} {'≥' if e.or_equal else '>'} {e.column_B}"
    if kind == "ExpectColumnPairValuesToBeEqual":
        return f"{col(e.column_A)} = {col(e.column_B)}"
    if kind == "ExpectColumnValuesToBeUnique":
        return f"{column} is unique"
    if kind == "ExpectCompoundColumnsToBeUnique":
        return f"({', '.join(e.column_list)}) is unique"
    return f"{e.expectation_type} {column or ''}".strip()


def condition_text(expectation) -> str:
    """The rows an expectation is about ("kind = money"), or "" for all of them."""
    condition = getattr(expectation, "row_condition", None)
    if condition is None:
        return ""
    column = getattr(getattr(condition, "column", None), "name", None)
    parameter = getattr(condition, "parameter", None)
    return f"{column} = {parameter}" if column and parameter is not None else str(condition)


def expectation_row(expectation, outcome: dict[str, Any], rows: int | None,
                    values: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the page shows of one expectation: its text, scope, rows, failures and share.

    ``rows`` is how many rows it covers, counted in the database (None for an aggregate);
    ``outcome`` is GX's verdict with its exact unexpected count and a few values.
    """
    unexpected = outcome.get("unexpected_count")
    share = None
    if rows and unexpected is not None:
        share = 100.0 * (rows - unexpected) / rows
    return {
        "expectation": expectation.expectation_type,
        "text": describe(expectation, values),
        "where": condition_text(expectation),
        "rows": rows,
        "unexpected": unexpected,
        "percent": share,
        "success": bool(outcome.get("success")),
        "sample": [_plain(v) for v in outcome.get("sample", [])][:5],
    }


def write(docs_dir: Path, page: dict[str, Any], keep_runs: int = 30) -> Path:
    """Write run ``page["run_id"]``'s page and its data, prune to ``keep_runs``, redo the index.

    Returns the index. The caller holds the quality folder's lock.
    """
    runs_dir = Path(docs_dir) / RUNS
    runs_dir.mkdir(parents=True, exist_ok=True)
    name = f"etl_run_{page['run_id']}"
    _atomic(runs_dir / f"{name}.json", json.dumps(page, default=str, indent=1))
    history = _history(runs_dir, keep_runs)
    _atomic(runs_dir / f"{name}.html", render(page, history=None, prefix="../"))
    index = Path(docs_dir) / "index.html"
    newest = history[0] if history else page
    _atomic(index, render(newest, history=history, prefix=""))
    return index


def render(page: dict[str, Any], history: list[dict[str, Any]] | None, prefix: str) -> str:
    """The HTML of one run's page; with ``history``, the index listing every kept run."""
    env = Environment(loader=FileSystemLoader(Path(__file__).parent),
                      autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["number"] = _number
    env.filters["percent"] = _percent
    listed = None if history is None else [(run, totals(run)) for run in history]
    return env.get_template(TEMPLATE).render(page=page, history=listed, prefix=prefix,
                                             runs=RUNS, totals=totals(page))


def totals(page: dict[str, Any]) -> dict[str, int]:
    """How many expectations the run evaluated, and how many failed."""
    rows = [e for asset in page["assets"] for e in asset["expectations"]]
    return {"expectations": len(rows), "failed": sum(not e["success"] for e in rows)}


def _history(runs_dir: Path, keep_runs: int) -> list[dict[str, Any]]:
    """Every kept run's data, newest first; runs beyond the newest ``keep_runs`` are removed."""
    pages = []
    for path in runs_dir.glob("etl_run_*.json"):
        try:
            pages.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):  # a page from an older format or a broken write
            path.unlink(missing_ok=True)
    pages.sort(key=lambda p: (str(p.get("checked_at")), p.get("run_id", 0)), reverse=True)
    for old in pages[keep_runs:]:
        for suffix in (".json", ".html"):
            (runs_dir / f"etl_run_{old['run_id']}{suffix}").unlink(missing_ok=True)
    return pages[:keep_runs]


def _atomic(path: Path, text: str) -> None:
    # written aside then renamed, so a browser never opens a half-written page
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _set(values) -> str:
    values = [str(v) for v in values]
    if len(values) <= SET_SHOWN:
        return ", ".join(values)
    return ", ".join(values[:SET_SHOWN]) + f", … ({len(values)} values)"


def _number(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, (int, float)) else str(value)


def _percent(value: float | None) -> str:
    if value is None:
        return "—"
    # 99.996 % is not 100 %: a share short of all shows it
    text = f"{value:.1f}"
    if text == "100.0" and value < 100:
        text = "99.9"
    return f"{text} %"


def _plain(value: Any) -> Any:
    value = value.item() if hasattr(value, "item") else value
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
