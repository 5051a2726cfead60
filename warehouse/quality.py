"""Data quality of the loaded warehouse: a Great Expectations 1.x checkpoint after every load.

``run_checkpoint(engine, run_id, docs_dir)`` validates, row by row, what run ``run_id`` wrote
(rows of earlier runs were validated by their own run's checkpoint), and the few invariants
that span the whole warehouse, as SQL aggregates. Only rows that may break a rule leave
the database, so memory follows the bad rows, not the tables.

Per row, on the run's own rows (``run_id = :run_id``; ``loaded_run_id`` for dim_article), the
suite of ``expectations()``:

- ``fct_figure``: keys and required columns not null; kinds, qualifiers and link types from
  their allowed sets; spans ordered; money with a currency code the extractor's lexicon knows
  and not negative; percent with a percent unit and in [-100, 10000]; conversions not
  negative, rates positive, periods plausible years.
- ``dim_article``, ``fct_claim_check``, ``quarantine``: required columns not null; hashes of
  64 characters; date precisions, verdicts and check types from their allowed sets;
  tolerances not negative.

The database picks the rows GX sees: ``may_fail()`` turns each expectation into SQL true for
every row it could fail, and GX validates only those rows of the run, in the columns the
expectations name. Its verdicts, unexpected counts and values are those it would give on all
the run's rows, yet a healthy run hands it none: the run's rows cost one scan in the database,
not a DataFrame. An expectation with no SQL there sends all the run's rows: correct, slower.

Warehouse-wide, as SQL aggregates whose small results GX validates (they scan whole tables
in the database, so they are the part that grows with the warehouse):

- ``fct_figure_keys`` / ``dim_article_keys``: keys unique (figure_key, article_key + seq,
  article_key + span; article_hash, path), whichever runs hold them. GX gets the rows whose
  key another row also holds (``GROUP BY ... HAVING COUNT(*) > 1``): none when keys are unique.
- ``row_counts``: the run's fct_figure rows as many as ``etl_run.figures_loaded`` says it
  loaded, and ``mart_figures`` one row per fct_figure row (its rows and its distinct
  figure_keys both as many as fct_figure's rows).

GX never sees the warehouse URL: we read through our own engine and hand GX pandas frames, so
no password can reach its config files or its docs, and the same suite runs unchanged on
SQLite and PostgreSQL.

The docs are ``<docs_dir>/index.html`` (``warehouse.quality_docs``): offline HTML of every
expectation with the rows it covers counted in SQL, so its share is over the rows actually
loaded (GX's own Data Docs would divide by the few suspect rows, and load their styles from
CDNs). GX keeps its raw validation results under ``<docs_dir>/gx/uncommitted/validations``.
"""
from __future__ import annotations

import fcntl
import logging
import re
import shutil
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import (
    Engine,
    Table,
    and_,
    case,
    column,
    distinct,
    false,
    func,
    not_,
    or_,
    select,
    table,
    true,
    tuple_,
    update,
)

from schemas.vocabulary import CHECK_TYPES, KINDS, LINK_TYPES, PERCENT_UNITS, QUALIFIERS, VERDICTS
from warehouse import quality_docs
from warehouse.engine import PROJECT_ROOT, redact, redact_url
from warehouse.tables import (
    dim_article,
    etl_run,
    fct_claim_check,
    fct_figure,
    fct_fx_rate,
    quarantine,
)

DEFAULT_QUALITY_DIR = PROJECT_ROOT / "warehouse" / "quality"
DATASOURCE = "warehouse"

PERCENT_RANGE = (-100, 10_000)

# Per-row assets: the table and the column naming the run that wrote a row.
RUN_ROWS: dict[str, tuple[Table, str]] = {
    "fct_figure": (fct_figure, "run_id"),
    "dim_article": (dim_article, "loaded_run_id"),
    "fct_claim_check": (fct_claim_check, "run_id"),
    "quarantine": (quarantine, "run_id"),
}
# Warehouse-wide key assets: the table whose keys the asset's unique expectations name.
KEY_ROWS: dict[str, Table] = {"fct_figure_keys": fct_figure, "dim_article_keys": dim_article}

NOTES = {
    "fct_figure": "Figures the run wrote that SQL found could break a rule (none on a healthy "
                  "run); verdicts are those on all the run's rows.",
    "dim_article": "Articles the run loaded that SQL found could break a rule.",
    "fct_claim_check": "Claim checks the run wrote that SQL found could break a rule.",
    "quarantine": "Rows the run rejected that SQL found could break a rule.",
    "fct_figure_keys": "Every fct_figure row, of any run, whose key another row also holds.",
    "dim_article_keys": "Every dim_article row whose article_hash or path another row holds.",
    "row_counts": "Rows of the run and of the whole warehouse, counted in SQL.",
}


def known_currencies() -> tuple[str, ...] | None:
    """Every currency code the extractor's lexicon can write in ``unit`` for money.

    None when the lexicon cannot be imported: the suite then checks only the code's shape.
    """
    try:
        from tasks.extract import lexicon  # the extractor's own data: one source
    except Exception:
        return None

    codes = set(getattr(lexicon, "ISO_CODES", ()))
    for name in ("SYMBOLS", "DOLLAR_PREFIXES", "CODE_ALIASES", "CURRENCY_NAMES"):
        codes.update(getattr(lexicon, name, {}).values())
    codes.update(currency for currency, _ in getattr(lexicon, "MINOR_UNITS", {}).values())
    return tuple(sorted(c for c in codes if re.fullmatch(r"[A-Z]{3}", c)))


@dataclass(frozen=True)
class QualityResult:
    success: bool
    summary: dict[str, Any]
    docs_path: Path
    # what the docs page shows: per asset, each expectation with its rows and unexpected count
    page: dict[str, Any] | None = None

    def __iter__(self):  # success, summary, docs_path = run_checkpoint(...)
        return iter((self.success, self.summary, self.docs_path))


def expectations(currencies: tuple[str, ...] | None):
    """The suite, one list of expectations per asset (the module docstring gives each scope)."""
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    money, percent = Column("kind") == "money", Column("kind") == "percent"
    return {
        "fct_figure": [
            *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in (
                "figure_key", "article_key", "seq", "start", "end", "surface", "kind", "value",
                "unit", "qualifier", "extractor_version", "run_id")],
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
        ],
        "dim_article": [
            *[gxe.ExpectColumnValuesToNotBeNull(column=c) for c in (
                "article_key", "article_hash", "path", "extractor_version", "loaded_run_id")],
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
        "fct_figure_keys": [
            gxe.ExpectColumnValuesToBeUnique(column="figure_key"),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["article_key", "seq"]),
            gxe.ExpectCompoundColumnsToBeUnique(column_list=["article_key", "start", "end"]),
        ],
        "dim_article_keys": [
            gxe.ExpectColumnValuesToBeUnique(column="article_hash"),
            gxe.ExpectColumnValuesToBeUnique(column="path"),
        ],
        "row_counts": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="run_figures",
                                                column_B="run_figures_loaded"),
            gxe.ExpectColumnPairValuesToBeEqual(column_A="mart_figures_rows",
                                                column_B="fct_figure_rows"),
            gxe.ExpectColumnPairValuesToBeEqual(column_A="mart_figures_keys",
                                                column_B="fct_figure_rows"),
        ],
    }


def columns_used(items) -> list[str]:
    """The columns a list of expectations names, row conditions included, in order."""
    names: list[str] = []
    for item in items:
        for attr in ("column", "column_A", "column_B", "column_list"):
            value = getattr(item, attr, None)
            names.extend([value] if isinstance(value, str) else value or [])
        condition_column = getattr(getattr(item, "row_condition", None), "column", None)
        if condition_column is not None:
            names.append(condition_column.name)
    return list(dict.fromkeys(names))


def may_fail(expectation, tbl: Table):
    """SQL true for every row of ``tbl`` that ``expectation`` could fail (and maybe a few more).

    Rows outside it pass, so GX judging only the rows inside gives the verdict, unexpected
    count and values it gives on all rows. Nulls pass as GX's column checks let them (a
    comparison with NULL is not true). An expectation not translated here, or one that
    tolerates a share of failures (``mostly``), which needs every row, holds everywhere.
    """
    import great_expectations.expectations as gxe

    e, c = expectation, tbl.c
    if getattr(e, "mostly", 1) != 1:
        return true()
    if isinstance(e, gxe.ExpectColumnValuesToNotBeNull):
        clause = c[e.column].is_(None)
    elif isinstance(e, gxe.ExpectColumnValuesToBeInSet):
        clause = c[e.column].not_in(list(e.value_set))
    elif isinstance(e, gxe.ExpectColumnValuesToBeBetween):
        value = c[e.column]
        clause = or_(
            false(),
            *([value <= e.min_value if e.strict_min else value < e.min_value]
              if e.min_value is not None else []),
            *([value >= e.max_value if e.strict_max else value > e.max_value]
              if e.max_value is not None else []),
        )
    elif isinstance(e, gxe.ExpectColumnValuesToMatchRegex):
        # SQLAlchemy gives SQLite a REGEXP with Python's re.search, as GX's own test.
        clause = not_(c[e.column].regexp_match(e.regex))
    elif isinstance(e, gxe.ExpectColumnValueLengthsToEqual):
        clause = func.length(c[e.column]) != e.value
    elif isinstance(e, gxe.ExpectColumnPairValuesAToBeGreaterThanB):
        a, b = c[e.column_A], c[e.column_B]
        clause = or_(a.is_(None), b.is_(None), not_(a >= b if e.or_equal else a > b))
    else:
        return true()
    return and_(_row_condition(getattr(e, "row_condition", None), tbl), clause)


def _row_condition(condition, tbl: Table):
    """``column == value`` as SQL; any other condition as true (more rows, never fewer)."""
    from great_expectations.expectations.row_conditions import ComparisonCondition, Operator

    if isinstance(condition, ComparisonCondition) and condition.operator == Operator.EQUAL:
        return tbl.c[condition.column.name] == condition.parameter
    return true()


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
    """Validate run ``run_id``'s rows and the warehouse's invariants; write Data Docs.

    Returns ``(success, summary, docs_path)``; ``summary`` maps each asset to its success and
    the failed expectations (with a few unexpected values). Failing data does not raise; with
    ``record`` the outcome goes to ``etl_run.quality_success`` and a failure turns the run's
    status to ``quality_failed``. ``docs_dir`` defaults to warehouse/quality (the settings'
    ``QUALITY_DIR`` is the caller's to pass); ``docs_path`` is its ``index.html``. Pages and
    validation results are named for the run (``etl_run_<id>``) and only the newest
    ``keep_runs`` runs' are kept, so the docs do not grow without bound.
    """
    docs_dir = Path(docs_dir or DEFAULT_QUALITY_DIR)
    with engine.connect() as conn:
        fx = list(conn.scalars(select(fct_fx_rate.c.currency).distinct()))
        suite = expectations(currencies=_currencies(fx))
        frames = _read_frames(conn, run_id, suite)
        scopes = _scope_counts(conn, run_id, suite)
        run = conn.execute(select(etl_run.c.flow_run_id, etl_run.c.started_at)
                           .where(etl_run.c.run_id == run_id)).one()
    try:
        with _exclusive(docs_dir):
            _prune(docs_dir, keep_runs)
            _forget_other_assets(docs_dir, set(suite))
            success, summary, outcomes = _run(docs_dir, frames, suite, f"etl_run_{run_id}")
            page = _page(engine, run_id, run, suite, frames, scopes, outcomes, success)
            docs = quality_docs.write(docs_dir, page, keep_runs)
    except Exception as exc:
        raise RuntimeError(f"data-quality checkpoint could not run: {redact(str(exc))}") from None
    if record:
        values: dict[str, Any] = {"quality_success": success}
        if not success:
            values["status"] = "quality_failed"
        with engine.begin() as conn:
            conn.execute(update(etl_run).where(etl_run.c.run_id == run_id).values(**values))
    return QualityResult(success=success, summary=summary, docs_path=docs, page=page)


def _page(engine, run_id, run, suite, frames, scopes, outcomes, success) -> dict[str, Any]:
    """The docs page's data: which warehouse and run, the rows counted, every expectation."""
    counts = {k: _plain(v) for k, v in frames["row_counts"].iloc[0].items()}
    assets = []
    for name, items in suite.items():
        rows = scopes.get(name, [None] * len(items))
        values = counts if name == "row_counts" else None
        listed = [quality_docs.expectation_row(e, o, n, values)
                  for e, o, n in zip(items, outcomes[name], rows)]
        scope = (f"rows written by run {run_id}" if name in RUN_ROWS
                 else "the whole warehouse" if name in KEY_ROWS
                 else "row counts of the run and of the warehouse")
        assets.append({"name": name, "scope": scope, "note": NOTES.get(name),
                       "success": all(e["success"] for e in listed), "expectations": listed})
    return {
        "run_id": run_id,
        "flow_run_id": run.flow_run_id,
        "started_at": run.started_at.isoformat(timespec="seconds") if run.started_at else None,
        "checked_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "warehouse": redact_url(engine.url),
        "schema": engine.get_execution_options().get("warehouse_schema"),
        "success": success,
        "run_rows": {name: scopes[f"{name}:rows"] for name in RUN_ROWS},
        "warehouse_rows": {**{name: scopes[f"{name}:all"] for name in RUN_ROWS},
                           "mart_figures": counts["mart_figures_rows"]},
        "assets": assets,
    }


def _scope_counts(conn, run_id: int, suite: dict) -> dict[str, Any]:
    """How many rows each expectation covers, counted in SQL (one scan per table).

    ``<asset>`` maps to one count per expectation of the asset (the run's rows, or the whole
    table's for the key assets, that its row condition selects); ``<asset>:rows`` to the
    asset's rows; ``<asset>:all`` to the table's rows in the whole warehouse. The frames GX sees hold only suspects, so its own counts cannot say this.
    """
    out: dict[str, Any] = {}
    for asset, (tbl, run_column) in RUN_ROWS.items():
        conditions = [_row_condition(getattr(e, "row_condition", None), tbl) for e in suite[asset]]
        total, *each = conn.execute(
            select(func.count(), *[func.count(case((c, 1))) for c in conditions])
            .where(tbl.c[run_column] == run_id)).one()
        out[asset], out[f"{asset}:rows"] = list(each), total
        out[f"{asset}:all"] = conn.scalar(select(func.count()).select_from(tbl))
    for asset, tbl in KEY_ROWS.items():
        total = conn.scalar(select(func.count()).select_from(tbl))
        out[asset], out[f"{asset}:rows"] = [total] * len(suite[asset]), total
    return out


def _read_frames(conn, run_id: int, suite: dict) -> dict[str, pd.DataFrame]:
    """One small frame per asset: the run's rows that may break a rule, or aggregates."""
    counts = conn.execute(_row_counts(run_id)).one()
    if counts.run_figures_loaded is None:
        raise ValueError(f"etl_run {run_id} has no figures_loaded: was it loaded by load_run?")
    frames = {"row_counts": pd.DataFrame([counts._asdict()])}
    for asset, (tbl, run_column) in RUN_ROWS.items():
        items = suite[asset]
        suspects = select(*[tbl.c[c] for c in columns_used(items)]).where(
            tbl.c[run_column] == run_id, or_(false(), *[may_fail(e, tbl) for e in items]))
        frames[asset] = pd.read_sql(suspects, conn)
    for asset, tbl in KEY_ROWS.items():
        frames[asset] = pd.read_sql(_rows_sharing_a_key(tbl, suite[asset]), conn)
    return frames


def _row_counts(run_id: int):
    mart = table("mart_figures", column("figure_key"))
    mart_counts = select(
        func.count().label("mart_figures_rows"),
        func.count(distinct(mart.c.figure_key)).label("mart_figures_keys"),
    ).subquery()
    return select(
        select(func.count()).where(fct_figure.c.run_id == run_id)
        .scalar_subquery().label("run_figures"),
        select(etl_run.c.figures_loaded).where(etl_run.c.run_id == run_id)
        .scalar_subquery().label("run_figures_loaded"),
        select(func.count()).select_from(fct_figure).scalar_subquery().label("fct_figure_rows"),
        *mart_counts.c,
    )


def _rows_sharing_a_key(tbl: Table, items):
    """The key columns of every row whose value of a key another row also holds.

    The keys are those the unique expectations ``items`` name.
    """
    def held_twice(key: list[str]):
        cols = [tbl.c[c] for c in key]
        repeated = select(*cols).group_by(*cols).having(func.count() > 1)
        return (cols[0] if len(cols) == 1 else tuple_(*cols)).in_(repeated)

    keys = [getattr(e, "column_list", None) or [e.column] for e in items]
    return select(*[tbl.c[c] for c in columns_used(items)]).where(
        or_(*[held_twice(k) for k in keys]))


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
    # GX's own site, as versions before the offline page built it: its pages showed NaN
    # shares and needed the network, and the report would link it rather than the page.
    shutil.rmtree(docs_dir / "gx" / "uncommitted" / "data_docs", ignore_errors=True)
    for store in [docs_dir / "gx" / "uncommitted" / "validations"]:
        for suite_dir in (p for p in store.glob("*") if p.is_dir()):
            # <suite>/<run name>/<timestamp>/: keep the newest timestamps, whatever the run name.
            runs = sorted((p for p in suite_dir.glob("*/*") if p.is_dir()), key=lambda p: p.name)
            for old in runs[: max(0, len(runs) - keep_runs + 1)]:
                shutil.rmtree(old, ignore_errors=True)
            for name_dir in suite_dir.iterdir():
                if name_dir.is_dir() and not any(name_dir.iterdir()):
                    name_dir.rmdir()


# GX's file stores, as ``_run`` names what it keeps in them: folder, prefix, suffix.
_STORED = (("checkpoints", "warehouse_", ".json"), ("validation_definitions", "", "_vd.json"),
           ("expectations", "", "_suite.json"))


def _forget_other_assets(docs_dir: Path, assets: set[str]) -> None:
    """Drop what an older suite stored for an asset it no longer has (e.g. one since renamed).

    Else the site would list that suite forever, and GX would warn of checkpoints whose
    asset is gone (the datasource is recreated with only the current assets on every run).
    """
    for folder, prefix, suffix in _STORED:
        for path in (docs_dir / "gx" / folder).glob(f"{prefix}*{suffix}"):
            if path.name.removeprefix(prefix).removesuffix(suffix) not in assets:
                path.unlink()


def _run(quality_dir: Path, frames: dict[str, Any], suite: dict, run_name: str):
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
        run_id = RunIdentifier(run_name=run_name)
        summary: dict[str, Any] = {}
        outcomes: dict[str, list[dict[str, Any]]] = {}
        for asset_name, items in suite.items():
            try:
                asset = source.get_asset(asset_name)
            except LookupError:
                asset = source.add_dataframe_asset(asset_name)
            try:
                batch = asset.get_batch_definition("whole")
            except (KeyError, LookupError):
                batch = asset.add_batch_definition_whole_dataframe("whole")
            expectation_suite = ctx.suites.add_or_update(gx.ExpectationSuite(
                name=f"{asset_name}_suite", expectations=items, notes=NOTES.get(asset_name)))
            definition = ctx.validation_definitions.add_or_update(
                gx.ValidationDefinition(name=f"{asset_name}_vd", data=batch,
                                        suite=expectation_suite)
            )
            # No actions here: the site is built once below, not once per asset.
            checkpoint = ctx.checkpoints.add_or_update(
                gx.Checkpoint(name=f"warehouse_{asset_name}", validation_definitions=[definition],
                              actions=[])
            )
            result = checkpoint.run(batch_parameters={"dataframe": frames[asset_name]},
                                    run_id=run_id)
            summary[asset_name] = _summarise(result)
            outcomes[asset_name] = _outcomes(result, expectation_suite)
    return all(s["success"] for s in summary.values()), summary, outcomes


def _outcomes(checkpoint_result, suite) -> list[dict[str, Any]]:
    """GX's verdict on each expectation of ``suite``, in the suite's order (matched by id)."""
    by_id = {r.expectation_config.id: r for v in checkpoint_result.run_results.values()
             for r in v.results}
    out = []
    for expectation in suite.expectations:
        r = by_id.get(expectation.id)
        out.append({} if r is None else {
            "success": bool(r.success),
            "unexpected_count": r.result.get("unexpected_count"),
            "sample": list((r.result.get("partial_unexpected_list") or [])[:5]),
        })
    return out


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
