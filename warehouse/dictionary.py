"""The data dictionary (``docs/warehouse.md``), generated, never written by hand.

Tables and columns are described by their ``comment=`` in ``warehouse/tables.py``; views by
the header of ``warehouse/views/<name>.sql``::

    -- mart_x: what the view is for.
    -- Grain: one row per ...
    -- (more description lines)
    -- Columns:
    --   column_name: what it holds.

``figures db docs`` rewrites the file; a test fails when it is not current. The same text
reaches the database: on PostgreSQL each view gets ``COMMENT ON VIEW`` (its description and
grain, `view_comment`) and ``COMMENT ON COLUMN`` for every column (`apply_view_comments`, run
whenever the migrations create the views), so Superset and Metabase show what this file says;
tables carry their ``comment=`` from their migrations.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Table

from warehouse.engine import PROJECT_ROOT
from warehouse.lineage import mermaid
from warehouse.migrate import VIEWS_DIR, view_names, view_sql
from warehouse.tables import metadata

DOCS_PATH = PROJECT_ROOT / "docs" / "warehouse.md"

_COLUMN_LINE = re.compile(r"^\s{2,}(?P<name>[A-Za-z_][A-Za-z0-9_]*):\s*(?P<doc>.+)$")


@dataclass
class ViewDoc:
    name: str
    description: list[str] = field(default_factory=list)
    grain: str = ""
    columns: list[tuple[str, str]] = field(default_factory=list)


def view_doc(name: str, directory: Path = VIEWS_DIR) -> ViewDoc:
    """The documentation in the header comment of ``warehouse/views/<name>.sql``."""
    doc = ViewDoc(name)
    in_columns = False
    for line in view_sql(name, directory).splitlines():
        if not line.startswith("--"):
            break
        body = line[2:].rstrip()
        stripped = body.strip()
        if in_columns:
            match = _COLUMN_LINE.match(body)
            if not match:
                raise ValueError(f"warehouse/views/{name}.sql: column line {line!r} is not '--   name: text'")
            doc.columns.append((match["name"], match["doc"].strip()))
        elif stripped == "Columns:":
            in_columns = True
        elif stripped.startswith("Grain:"):
            doc.grain = stripped[len("Grain:"):].strip()
        elif stripped.startswith(f"{name}:"):
            doc.description.append(stripped[len(name) + 1:].strip())
        elif stripped:
            doc.description.append(stripped)
    if not doc.grain or not doc.columns:
        raise ValueError(f"warehouse/views/{name}.sql: the header must state 'Grain:' and list 'Columns:'")
    return doc


def view_comment(doc: ViewDoc) -> str:
    """The view's description in the database: its description, then its grain."""
    return f"{' '.join(doc.description)} Grain: {doc.grain}"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"  # COMMENT takes no bound parameters


def apply_view_comments(conn: Connection, directory: Path = VIEWS_DIR) -> None:
    """COMMENT ON VIEW and ON COLUMN for every view in ``directory``, from its header
    (PostgreSQL; SQLite has no comments)."""
    if conn.dialect.name != "postgresql":
        return
    for name in view_names(directory):
        doc = view_doc(name, directory)
        conn.exec_driver_sql(f'COMMENT ON VIEW "{name}" IS {_literal(view_comment(doc))}')
        for column, text in doc.columns:
            conn.exec_driver_sql(f'COMMENT ON COLUMN "{name}"."{column}" IS {_literal(text)}')


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _keys(table: Table, column) -> str:
    marks = []
    if column.primary_key:
        marks.append("PK")
    for fk in sorted(column.foreign_keys, key=lambda fk: fk.target_fullname):
        marks.append(f"FK {fk.target_fullname}")
    for constraint in sorted(table.constraints, key=lambda c: str(c.name)):
        if type(constraint).__name__ == "UniqueConstraint" and column.name in constraint.columns:
            cols = ", ".join(c.name for c in constraint.columns)
            marks.append("unique" if len(constraint.columns) == 1 else f"unique ({cols})")
    return "; ".join(marks)


def _table_section(table: Table) -> list[str]:
    lines = [f"### `{table.name}`", "", _cell(table.comment), ""]
    lines += ["| column | type | null | keys | description |", "|---|---|---|---|---|"]
    for column in table.columns:
        lines.append(
            f"| `{column.name}` | {column.type} | {'yes' if column.nullable else 'no'} | "
            f"{_keys(table, column)} | {_cell(column.comment)} |"
        )
    indexes = sorted(
        (", ".join(c.name for c in ix.columns) for ix in table.indexes), key=str
    )
    if indexes:
        lines += ["", "Indexed for filtering: " + "; ".join(f"({i})" for i in indexes) + "."]
    return lines + [""]


def _view_section(doc: ViewDoc) -> list[str]:
    lines = [f"### `{doc.name}`", "", " ".join(doc.description), "", f"**Grain:** {doc.grain}", ""]
    lines += ["| column | description |", "|---|---|"]
    lines += [f"| `{name}` | {_cell(text)} |" for name, text in doc.columns]
    return lines + [""]


def generate() -> str:
    """The whole data dictionary as Markdown."""
    lines = [
        "# Warehouse data dictionary",
        "",
        "Generated from the table and column comments in `warehouse/tables.py` and the header",
        "comments of `warehouse/views/*.sql` by `figures db docs`; do not edit by hand",
        "(`tests/test_warehouse.py` fails when this file is not current).",
        "",
        "BI tools read the `mart_` views; the tables behind them are the star schema the",
        "pipeline loads. `start` and `end` are reserved words in SQL: quote them",
        '(`"start"`, `"end"`). Periods are years: `period_start`, `period_end` and `year`',
        "hold the year itself and join to `dim_period.period_key`.",
        "",
        "Connecting a BI tool: on PostgreSQL, `figures db grant-bi ROLE --password-env VAR`",
        "creates a role that can read the `mart_` views and nothing else. On SQLite, open",
        "`warehouse/figures.db` read-only (the file is in WAL mode; readers never block a load).",
        "",
        "## Views",
        "",
    ]
    for name in view_names():
        lines += _view_section(view_doc(name))
    lines += ["## Lineage", "",
              "Raw files (left) are loaded into tables, which the `mart_` views (right) read.",
              "Raw file to table is declared once in `warehouse/lineage.py`; table to view is",
              "read from each view's SQL.", "", "```mermaid", mermaid(), "```", ""]
    lines += ["## Tables", ""]
    for table in sorted(metadata.sorted_tables, key=lambda t: (not t.name.startswith("dim_"), t.name)):
        lines += _table_section(table)
    return "\n".join(lines).rstrip() + "\n"


def write(path: str | Path = DOCS_PATH) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(generate(), encoding="utf-8")
    return path
