"""Lazy Pandera validation that splits a frame into rows that pass and rows that don't.

Rejected rows are not dropped silently: each becomes a quarantine record with the check
that failed and a reason a person can read.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

QUARANTINE_COLUMNS = ["article_hash", "seq", "source_file", "row", "column", "check",
                      "failure_case", "reason"]


def split_valid(df: pd.DataFrame, model: type[pa.DataFrameModel], source: str
                ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid rows coerced to `model`, quarantine records for the rest)."""
    try:
        return model.validate(df, lazy=True), pd.DataFrame(columns=QUARANTINE_COLUMNS)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    row_level = cases[cases["index"].notna()]
    frame_level = cases[cases["index"].isna()]
    if len(frame_level):
        # A missing column or wrong dtype condemns no single row: it is a bug upstream,
        # and loading half a frame would hide it.
        raise ValueError(f"{source}: frame fails {model.__name__}: "
                         + "; ".join(f"{r.column}: {r.check} ({r.failure_case})"
                                     for r in frame_level.itertuples()))
    # A dataframe-wide check reports every column of a failing row; one record per row
    # and check is what a person wants to read.
    frame_wide = row_level["schema_context"] == "DataFrameSchema"
    row_level = pd.concat([
        row_level[~frame_wide],
        row_level[frame_wide].drop_duplicates(["index", "check"]).assign(column=None),
    ])
    bad_index = pd.Index(row_level["index"].unique())
    bad = df.loc[bad_index]
    records = []
    for case in row_level.itertuples():
        row = df.loc[case.index]
        column = None if pd.isna(case.column) else str(case.column)
        records.append({
            "article_hash": row.get("article_hash"),
            "seq": row.get("seq"),
            "source_file": source,
            "row": int(case.index),
            "column": column,
            "check": str(case.check),
            "failure_case": str(case.failure_case),
            "reason": _reason(source, row, column, case),
        })
    good = model.validate(df.drop(index=bad.index), lazy=True)
    return good, pd.DataFrame(records, columns=QUARANTINE_COLUMNS)


def _reason(source: str, row: pd.Series, column: str | None, case) -> str:
    where = f"{source}: row {case.index}"
    if "surface" in row:
        where = f"{source}: figure {row.get('seq')} {row.get('surface')!r} at {row.get('start')}-{row.get('end')}"
    if column is None:
        return f"{where}: fails {case.check}"
    return f"{where}, column {column}: fails {case.check} (value: {case.failure_case})"
