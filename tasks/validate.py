"""Lazy Pandera validation that splits a frame into rows that pass and rows that don't.

Rejected rows are not dropped silently: each becomes a quarantine record with the check
that failed and a reason a person can read.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from schemas.quarantine import QUARANTINE_COLUMNS, Quarantine

# Each pass quarantines the rows Pandera can name; a value that cannot be coerced can hide
# the other failures of its row (its column's checks then fail as a whole), so the rest is
# validated again. A few passes are enough: each one removes at least one row.
_MAX_PASSES = 4


def split_valid(df: pd.DataFrame, model: type[pa.DataFrameModel], source: str
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid rows coerced to `model`, quarantine records for the rest)."""
    records: list[dict] = []
    remaining = df
    for _ in range(_MAX_PASSES):
        try:
            good = model.validate(remaining, lazy=True)
            return good, Quarantine.validate(pd.DataFrame(records, columns=QUARANTINE_COLUMNS))
        except pa.errors.SchemaErrors as exc:
            cases = exc.failure_cases
        row_level = cases[cases["index"].notna()]
        frame_level = cases[cases["index"].isna()]
        if len(frame_level):
            # A value that cannot be coerced makes its column's checks fail as a whole: set
            # those rows aside and look at the rest again.
            uncoercible = row_level[row_level["check"].astype(str).str.startswith("coerce_dtype")]
            if uncoercible.empty:
                # A missing column or wrong dtype condemns no single row: it is a bug
                # upstream, and loading half a frame would hide it.
                raise ValueError(f"{source}: frame fails {model.__name__}: "
                                 + "; ".join(f"{r.column}: {r.check} ({r.failure_case})"
                                             for r in frame_level.itertuples()))
            row_level = uncoercible
        records += _records(remaining, row_level, source, model)
        remaining = remaining.drop(index=pd.Index(row_level["index"].unique()))
    raise ValueError(f"{source}: still failing {model.__name__} after {_MAX_PASSES} passes")


def _records(df: pd.DataFrame, row_level: pd.DataFrame, source: str,
             model: type[pa.DataFrameModel]) -> list[dict]:
    # A dataframe-wide check reports every column of a failing row; one record per row
    # and check is what a person wants to read.
    frame_wide = row_level["schema_context"] == "DataFrameSchema"
    row_level = pd.concat([
        row_level[~frame_wide],
        row_level[frame_wide].drop_duplicates(["index", "check"]).assign(column=None),
    ])
    records = []
    for case in row_level.itertuples():
        row = df.loc[case.index]
        column = None if pd.isna(case.column) else str(case.column)
        # Pandera gives a dataframe-wide check's failure as some column's value; the values
        # the check reads are what explains it.
        failure = str(case.failure_case) if column is not None else _values(row)
        records.append({
            "article_hash": row.get("article_hash"),
            "seq": row.get("seq"),
            "source_file": source,
            "row": int(case.index),
            "column": column,
            "check": str(case.check),
            "failure_case": failure,
            "reason": _reason(source, row, column, case, model),
        })
    return records


_CONTEXT = ("article_hash", "surface", "sentence")


def _values(row: pd.Series) -> str:
    text = ", ".join(f"{k}={v}" for k, v in row.items() if k not in _CONTEXT and pd.notna(v))
    return text[:500]


def _reason(source: str, row: pd.Series, column: str | None, case, model) -> str:
    where = f"{source}: row {case.index}"
    if "surface" in row:
        where = f"{source}: figure {row.get('seq')} {row.get('surface')!r} at {row.get('start')}-{row.get('end')}"
    # a model whose check needs words of its own says them (tasks.metric_fit.with_metric_lexicon)
    explain = getattr(model, "failure_reason", None)
    why = explain(str(case.check), row) if explain is not None else None
    if why:
        return f"{where}: fails {case.check}: {why}"
    if column is None:
        return f"{where}: fails {case.check} ({_values(row)[:200]})"
    return f"{where}, column {column}: fails {case.check} (value: {case.failure_case})"
