"""`figures init DIR`: a new project folder, ready for `figures run` inside it.

Like ``dbt init``: the folder gets the curated tables the package ships (raw/tables), one
example article with its row in articles.csv, and an empty warehouse/ for the database,
report and Data Docs. Commands run inside the folder then use its raw/ and warehouse/
(``tasks.config.project_dir``). Plain functions, no Prefect.
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

from tasks.config import PROJECT_ROOT

EXAMPLE_ARTICLE = "scmp-xinjiang-pairing-assistance.txt"


class InitError(ValueError):
    """The folder cannot be made a project; one line saying why."""


def scaffold(dest: Path, source: Path = PROJECT_ROOT / "raw") -> list[Path]:
    """Create the project at ``dest`` from the raw/ at ``source``; returns the files written.

    Refuses a ``dest`` that already has a raw/ (nothing there is overwritten)."""
    dest = Path(dest)
    tables = source / "tables"
    if not tables.is_dir():
        raise InitError(f"{tables}: the package's curated tables are not installed; "
                        "copy raw/tables from the repository instead")
    if (dest / "raw").exists():
        raise InitError(f"{dest / 'raw'}: already exists; `figures init` writes only into a "
                        "folder without one")
    if dest.exists() and not dest.is_dir():
        raise InitError(f"{dest}: exists and is not a folder")
    written = []
    (dest / "raw" / "articles").mkdir(parents=True)
    (dest / "raw" / "tables").mkdir()
    (dest / "warehouse").mkdir(exist_ok=True)
    for table in sorted(tables.glob("*.csv")):
        target = dest / "raw" / "tables" / table.name
        if table.name == "articles.csv":  # only the example article's row: no row without a file
            target.write_text(_rows_for(table, EXAMPLE_ARTICLE), encoding="utf-8", newline="")
        else:
            shutil.copyfile(table, target)
        written.append(target)
    article = source / "articles" / EXAMPLE_ARTICLE
    if article.is_file():
        written.append(Path(shutil.copyfile(article, dest / "raw" / "articles" / EXAMPLE_ARTICLE)))
    return written


def _rows_for(articles_csv: Path, name: str) -> str:
    with articles_csv.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = [row for row in reader if row.get("path") == name]
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames or [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()
