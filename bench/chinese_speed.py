"""Throughput of the Chinese reader in one process (issue 17: >= 1 MB/s).

The corpus is synthetic: the Chinese sentences of tests/test_chinese_rules.py (written for the
tests, none from a dev set), joined into documents of about 600 characters, like the
communiqué excerpts, until it holds 2 MB of UTF-8. Best of three CPU-time runs.

    .venv/bin/python bench/chinese_speed.py
"""
from __future__ import annotations

import ast
import time
from pathlib import Path

from flows.cli_extract import load_tables
from tasks.extract import parse_figures

ROOT = Path(__file__).resolve().parents[1]
TARGET_BYTES = 2_000_000
DOC_CHARS = 600


def corpus() -> list[str]:
    tree = ast.parse((ROOT / "tests" / "test_chinese_rules.py").read_text(encoding="utf-8"))
    sents = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
             and sum("\u4e00" <= ch <= "\u9fff" for ch in n.value) >= 6]
    docs, cur, total, i = [], "", 0, 0
    while total < TARGET_BYTES:
        cur += sents[i % len(sents)] + ("\n" if i % 5 == 4 else "")
        i += 1
        if len(cur) >= DOC_CHARS:
            docs.append(cur)
            total += len(cur.encode("utf-8"))
            cur = ""
    return docs


def main() -> None:
    regions, metrics = load_tables(ROOT / "raw" / "tables")
    docs = corpus()
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    parse_figures(docs[0], "2023-01-01", regions=regions, metrics=metrics)  # compile the lexicons
    best, n = None, 0
    for _ in range(3):
        t0 = time.process_time()
        n = sum(len(parse_figures(d, "2023-01-01", regions=regions, metrics=metrics)) for d in docs)
        dt = time.process_time() - t0
        best = dt if best is None else min(best, dt)
    print(f"{len(docs)} documents, {nbytes / 1e6:.2f} MB UTF-8, {n} figures: "
          f"{nbytes / 1e6 / best:.2f} MB/s ({best:.2f} s CPU)")


if __name__ == "__main__":
    main()
