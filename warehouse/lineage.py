"""Lineage: which raw files feed which table, and which tables each `mart_` view reads.

Raw file -> table is declared here, once (the loader's knowledge, `RAW_INPUTS`); table ->
view is read from the views' own SQL (every name after FROM or JOIN that is a table or a
view), so it cannot drift from what the database runs. `mermaid()` draws both for
docs/warehouse.md (``figures db docs``).
"""
from __future__ import annotations

import re

from warehouse.migrate import view_names, view_sql
from warehouse.tables import metadata

# What each table is loaded from (and nothing else: etl_run and etl_rejected_file record
# runs rather than data, and are left out of the diagram).
ARTICLES = "raw/articles/*.txt"
RAW_INPUTS: dict[str, tuple[str, ...]] = {
    "dim_article": (ARTICLES, "raw/tables/articles.csv"),
    "dim_region": ("raw/tables/regions.csv",),
    "dim_metric": ("raw/tables/metrics.csv",),
    "dim_period": (ARTICLES, "raw/tables/official_series.csv", "raw/tables/fx_rates.csv"),
    "fct_figure": (ARTICLES, "raw/tables/fx_rates.csv"),
    "fct_official_stat": ("raw/tables/official_series.csv", ARTICLES),
    "fct_fx_rate": ("raw/tables/fx_rates.csv",),
    "fct_claim_check": (ARTICLES, "raw/tables/official_series.csv",
                        "raw/tables/pairing_assistance.csv", "raw/tables/fx_rates.csv"),
    "quarantine": (ARTICLES,),
}
RUN_RECORDS = ("etl_run", "etl_rejected_file")

_READS = re.compile(r"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)", re.IGNORECASE)


def view_reads(name: str) -> list[str]:
    """The tables and views the SELECT of view `name` reads, in the order it names them."""
    known = set(metadata.tables) | set(view_names())
    sql = "\n".join(line for line in view_sql(name).splitlines() if not line.lstrip().startswith("--"))
    return list(dict.fromkeys(t for t in _READS.findall(sql) if t in known))


def _node(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", name)


def mermaid() -> str:
    """A mermaid flowchart, left to right: raw files, then tables, then views."""
    raw = sorted({f for files in RAW_INPUTS.values() for f in files})
    lines = ["flowchart LR"]
    lines += [f'  {_node(f)}[/"{f}"/]' for f in raw]
    lines += [f"  {t}[({t})]" for t in RAW_INPUTS]
    lines += [f"  {v}[[{v}]]" for v in view_names()]
    for table, files in RAW_INPUTS.items():
        lines += [f"  {_node(f)} --> {table}" for f in files]
    for view in view_names():
        lines += [f"  {t} --> {view}" for t in view_reads(view)]
    return "\n".join(lines)
