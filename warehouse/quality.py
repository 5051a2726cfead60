"""Data quality of the loaded warehouse: a Great Expectations 1.x checkpoint per table.

``run_checkpoint(engine, run_id, docs_dir)`` reads the warehouse tables through our own engine and hands
GX the frames (a pandas datasource). GX never sees the warehouse URL, so no password can reach
its config files or its Data Docs, and the same suite runs unchanged on SQLite and PostgreSQL.

The suite (see ``expectations()``): keys not null; kinds, qualifiers, link types, verdicts
and units from their allowed sets (money: a currency code the extractor's lexicon knows); per-unit value ranges (percent in [-100, 10000], money
and its conversions not negative, rates positive); spans ordered and unique per article;
``mart_figures`` exactly one row per ``fct_figure`` row; and the run's own figures in
``fct_figure`` as many as ``etl_run.figures_loaded`` says it loaded.

Data Docs go to ``<docs_dir>/gx/uncommitted/data_docs/local_site/index.html``.
"""
from __future__ import annotations

import fcntl
import logging
import os
import re
import shutil
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, select, update

from warehouse.engine import PROJECT_ROOT, redact
from warehouse.tables import (
    CHECK_TYPES,
    KINDS,
    LINK_TYPES,
    QUALIFIERS,
    VERDICTS,
    dim_article,
    etl_run,
    fct_claim_check,
    fct_figure,
    fct_fx_rate,
    quarantine,
)

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

DEFAULT_QUALITY_DIR = PROJECT_ROOT / "warehouse" / "quality"
DATASOURCE = "warehouse"

# Units a percent figure may carry (percentage points are a change, still in per cent).
PERCENT_UNITS = ("percent", "%", "percentage_point", "pp")
PERCENT_RANGE = (-100, 10_000)


def known_currencies() -> tuple[str, ...] | None:
    """Every currency code the extractor's lexicon can write in ``unit`` for money.

    None when the lexicon cannot be imported: the suite then checks only the code's shape.
    """
    try:
        from tasks.extract import _lexicon as lexicon  # the extractor's own data: one source
    except Exception:
        return None

    codes = set(getattr(lexicon, "ISO_CODES", ()))
    for table in ("SYMBOLS", "DOLLAR_PREFIXES", "CODE_ALIASES", "CURRENCY_NAMES"):
        codes.update(getattr(lexicon, table, {}).values())
    codes.update(currency for currency, _ in getattr(lexicon, "MINOR_UNITS", {}).values())
    return tuple(sorted(c for c in codes if re.fullmatch(r"[A-Z]{3}", c)))


@dataclass(frozen=True)
class QualityResult:
    success: bool
    summary: dict[str, Any]
    docs_path: Path

    def __iter__(self):  # success, summary, docs_path = run_checkpoint(...)
        return iter((self.success, self.summary, self.docs_path))


def expectations(run_figures_loaded: int, figure_rows: int, currencies: tuple[str, ...] | None):
    """The suite, one list of expectations per asset (a warehouse table or view, or a slice)."""
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    money, percent = Column("kind") == "money", Column("kind") == "percent"
    return {
        "fct_figure": [
            *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in (
                "figure_key", "article_key", "seq", "start", "end", "surface", "kind", "value",
                "unit", "qualifier", "extractor_version", "run_id")],
            gxe.ExpectColumnValuesToBeUnique(column="figure_key"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["article_key", "seq"]),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["article_key", "start", "end"]),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(column_A="end", column_B="start"),
            gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=list(KINDS)),
            gxe.ExpectColumnValuesToBeInSet(column="qualifier", value_set=list(QUALIFIERS)),
            gxe.ExpectColumnValuesToBeInSet(column="link_type", value_set=list(LINK_TYPES)),
            # An unresolved "$" or a misspelt code is a parsing slip, not a currency.
            gxe.ExpectColumnValuesToMatchRegex(column="unit", regex=r"^[A-Z]{3}$",
                                               row_condition=money),
            *([gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=list(currencies),
                                               row_condition=money)] if currencies else []),
            gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=list(PERCENT_UNITS),
                                            row_condition=percent),
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=PERCENT_RANGE[0],
                                              max_value=PERCENT_RANGE[1], row_condition=percent),
            gxe.ExpectColumnValuesToBeBetween(column="value", min_value=0, row_condition=money),
            gxe.ExpectColumnValuesToBeBetween(column="value_cny", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="value_usd", min_value=0),
            gxe.ExpectColumnValuesToBeBetween(column="fx_rate", min_value=0, strict_min=True),
            gxe.ExpectColumnValuesToBeBetween(column="period_start", min_value=1800, max_value=2200),
            gxe.ExpectColumnValuesToBeBetween(column="period_end", min_value=1800, max_value=2200),
            gxe.ExpectTableRowCountToEqual(value=figure_rows),
        ],
        "fct_figure_of_run": [gxe.ExpectTableRowCountToEqual(value=run_figures_loaded)],
        "mart_figures": [
            gxe.ExpectTableRowCountToEqual(value=figure_rows),
            gxe.ExpectColumnValuesToBeUnique(column="figure_key"),
        ],
        "dim_article": [
            *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in (
                "article_key", "article_hash", "path", "extractor_version", "loaded_run_id")],
            gxe.ExpectColumnValuesToBeUnique(column="article_hash"),
            gxe.ExpectColumnValuesToBeUnique(column="path"),
            gxe.ExpectColumnValueLengthsToEqual(column="article_hash", value=64),
            gxe.ExpectColumnValuesToBeInSet(column="pub_date_precision",
                                            value_set=["year", "month", "day", "unknown"]),
        ],
        "fct_claim_check": [
            *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in (
                "claim_check_key", "article_key", "seq", "check_type", "verdict", "explanation",
                "run_id")],
            gxe.ExpectColumnValuesToBeInSet(column="verdict", value_set=list(VERDICTS)),
            gxe.ExpectColumnValuesToBeInSet(column="check_type", value_set=list(CHECK_TYPES)),
            gxe.ExpectColumnValuesToBeBetween(column="tolerance", min_value=0),
        ],
        "quarantine": [
            *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in (
                "quarantine_key", "run_id", "source_file", "check", "reason")],
        ],
    }


def _currencies(fx_currencies: list[str]) -> tuple[str, ...] | None:
    known = known_currencies()
    return None if known is None else tuple(sorted({"CNY", *known, *fx_currencies}))


def run_checkpoint(
    engine: Engine,
    run_id: int,
    docs_dir: str | Path | None = None,
    *,
    record: bool = True,
    keep_runs: int = 30,
) -> QualityResult:
    """Validate the warehouse after run ``run_id``'s load; write Data Docs under ``docs_dir``.

    Returns ``(success, summary, docs_path)``; ``summary`` maps each asset to its success and
    the failed expectations (with a few unexpected values). Failing data does not raise; with
    ``record`` the outcome goes to ``etl_run.quality_success`` and a failure turns the run's
    status to ``quality_failed``. ``docs_dir`` defaults to ``QUALITY_DIR`` or warehouse/quality;
    validation pages are named for the run (``etl_run_<id>``) and only the newest ``keep_runs``
    runs' pages are kept, so the site does not grow without bound.
    """
    docs_dir = Path(docs_dir or os.environ.get("QUALITY_DIR") or DEFAULT_QUALITY_DIR)
    frames = _read_frames(engine, run_id)
    suite = expectations(
        run_figures_loaded=frames.pop("_run_figures_loaded"),
        figure_rows=len(frames["fct_figure"]),
        currencies=_currencies(frames.pop("_fx_currencies")),
    )
    try:
        with _exclusive(docs_dir):
            _prune(docs_dir, keep_runs)
            result = _run(docs_dir, frames, suite, f"etl_run_{run_id}")
    except Exception as exc:
        raise RuntimeError(f"data-quality checkpoint could not run: {redact(str(exc))}") from None
    if record:
        values: dict[str, Any] = {"quality_success": result.success}
        if not result.success:
            values["status"] = "quality_failed"
        with engine.begin() as conn:
            conn.execute(update(etl_run).where(etl_run.c.run_id == run_id).values(**values))
    return result


def _read_frames(engine: Engine, run_id: int) -> dict[str, Any]:
    with engine.connect() as conn:
        figures = pd.read_sql(select(fct_figure), conn)
        frames: dict[str, Any] = {
            "fct_figure": figures,
            "fct_figure_of_run": figures[figures["run_id"] == run_id],
            "mart_figures": pd.read_sql("SELECT figure_key FROM mart_figures", conn),
            "dim_article": pd.read_sql(select(dim_article), conn),
            "fct_claim_check": pd.read_sql(select(fct_claim_check), conn),
            "quarantine": pd.read_sql(select(quarantine), conn),
        }
        loaded = conn.scalar(select(etl_run.c.figures_loaded).where(etl_run.c.run_id == run_id))
        if loaded is None:
            raise ValueError(f"etl_run {run_id} has no figures_loaded: was it loaded by load_run?")
        frames["_run_figures_loaded"] = int(loaded)
        frames["_fx_currencies"] = list(conn.scalars(select(fct_fx_rate.c.currency).distinct()))
    return frames


@contextmanager
def _exclusive(docs_dir: Path):
    """One checkpoint at a time per docs dir: GX's file stores are not safe to share."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    with open(docs_dir / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune(docs_dir: Path, keep_runs: int) -> None:
    stores = [docs_dir / "gx" / "uncommitted" / "validations",
              docs_dir / "gx" / "uncommitted" / "data_docs" / "local_site" / "validations"]
    for store in stores:
        for suite_dir in (p for p in store.glob("*") if p.is_dir()):
            # <suite>/<run name>/<timestamp>/: keep the newest timestamps, whatever the run name.
            runs = sorted((p for p in suite_dir.glob("*/*") if p.is_dir()), key=lambda p: p.name)
            for old in runs[: max(0, len(runs) - keep_runs + 1)]:
                shutil.rmtree(old, ignore_errors=True)
            for name_dir in suite_dir.iterdir():
                if name_dir.is_dir() and not any(name_dir.iterdir()):
                    name_dir.rmdir()


def _run(quality_dir: Path, frames: dict[str, Any], suite: dict, run_name: str) -> QualityResult:
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.base import ProgressBarsConfig

    quality_dir.mkdir(parents=True, exist_ok=True)
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        ctx = gx.get_context(mode="file", project_root_dir=str(quality_dir))
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
        source = ctx.data_sources.add_or_update_pandas(DATASOURCE)
        summary: dict[str, Any] = {}
        for asset_name, items in suite.items():
            try:
                asset = source.get_asset(asset_name)
            except LookupError:
                asset = source.add_dataframe_asset(asset_name)
            try:
                batch = asset.get_batch_definition("whole")
            except (KeyError, LookupError):
                batch = asset.add_batch_definition_whole_dataframe("whole")
            expectation_suite = ctx.suites.add_or_update(
                gx.ExpectationSuite(name=f"{asset_name}_suite", expectations=items)
            )
            definition = ctx.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=f"{asset_name}_vd", data=batch,
                                        suite=expectation_suite)
            )
            checkpoint = ctx.checkpoints.add_or_update(
                gx.Checkpoint(
                    name=f"warehouse_{asset_name}",
                    validation_definitions=[definition],
                    actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs")],
                )
            )
            result = checkpoint.run(batch_parameters={"dataframe": frames[asset_name]},
                                    run_id=RunIdentifier(run_name=run_name))
            summary[asset_name] = _summarise(result)
    docs = quality_dir / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"
    success = all(s["success"] for s in summary.values())
    return QualityResult(success=success, summary=summary, docs_path=docs)


def _summarise(checkpoint_result) -> dict[str, Any]:
    failed = []
    evaluated = 0
    for validation in checkpoint_result.run_results.values():
        for r in validation.results:
            evaluated += 1
            if r.success:
                continue
            config = r.expectation_config
            kwargs = {k: v for k, v in config.kwargs.items() if k not in ("batch_id",)}
            failed.append({
                "expectation": config.type,
                "kwargs": {k: (str(v) if k == "row_condition" else v) for k, v in kwargs.items()},
                "observed": r.result.get("observed_value"),
                "unexpected_count": r.result.get("unexpected_count"),
                "unexpected_values": [
                    _plain(v) for v in (r.result.get("partial_unexpected_list") or [])[:5]
                ],
            })
    return {"success": bool(checkpoint_result.success), "evaluated": evaluated, "failed": failed}


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value
