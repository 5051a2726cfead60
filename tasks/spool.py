"""Batch results parked on disk between extraction and the load.

A run loads in one transaction (all of its articles or none), but holding every batch's
frames until then would make its memory grow with the corpus: 10,000 articles are ~315,000
figure rows. Each batch result is written to a private temporary folder as it arrives and
read back one at a time by the load, so a run holds about one batch in memory whatever N.
Pickle is safe here: the files are this process's own, in a folder only it can read, and
they are deleted when the spool closes.
"""
from __future__ import annotations

import pickle
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class Spool:
    """Append objects, then iterate over them in order, each read from disk when reached."""

    def __init__(self, prefix: str = "newsfigures-spool-"):
        self._dir = Path(tempfile.mkdtemp(prefix=prefix))  # mode 0700
        self._files: list[Path] = []

    def append(self, item: Any) -> None:
        path = self._dir / f"{len(self._files):06d}.pickle"
        with path.open("wb") as f:
            pickle.dump(item, f, protocol=pickle.HIGHEST_PROTOCOL)
        self._files.append(path)

    def __len__(self) -> int:
        return len(self._files)

    def __iter__(self) -> Iterator[Any]:
        for path in self._files:
            with path.open("rb") as f:
                yield pickle.load(f)

    def close(self) -> None:
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
