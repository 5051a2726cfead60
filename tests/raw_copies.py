"""A throwaway raw/ folder holding N edited copies of the seed article: a corpus big enough
to batch, with every copy a different file (its own hash) and its own figures."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "articles" / "scmp-xinjiang-pairing-assistance.txt"


def make_raw_root(where: Path, copies: int) -> Path:
    """`where`/raw with tables/ (the project's curated tables, articles.csv naming the
    copies) and articles/copy-NNN.txt, each the seed text plus one sentence of its own."""
    raw = where / "raw"
    (raw / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "raw" / "tables", raw / "tables")
    seed = SEED.read_text(encoding="utf-8")
    with open(ROOT / "raw" / "tables" / "articles.csv", encoding="utf-8", newline="") as f:
        meta = next(r for r in csv.DictReader(f) if r["path"] == SEED.name)
    rows = []
    for i in range(copies):
        name = f"copy-{i:03d}.txt"
        extra = f"\nA follow-up report said {i + 2} more counties received {i + 1},000 yuan each.\n"
        (raw / "articles" / name).write_text(seed + extra, encoding="utf-8")
        rows.append({**meta, "path": name,
                     "source": f"test copy {i} of {SEED.name}, with one added sentence"})
    with open(raw / "tables" / "articles.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(meta))
        writer.writeheader()
        writer.writerows(rows)
    return raw


def edit_article(raw: Path, index: int, sentence: str) -> Path:
    """Append `sentence` to copy `index`: new bytes, so the next run must process it again."""
    path = raw / "articles" / f"copy-{index:03d}.txt"
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\n{sentence}\n")
    return path
