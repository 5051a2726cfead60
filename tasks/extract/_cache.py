"""Compiled gazetteer / lexicon per table, reused across calls.

Callers load ``regions.csv`` and ``metrics.csv`` once and pass the same list to every
``parse_figures`` call; hashing a few hundred records on each call would cost more than the
extraction itself, so the compiled form is found by the object's identity (and length), and
only a new object is hashed.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def by_identity(build: Callable[[tuple], T]) -> Callable[[Sequence], T]:
    """Wrap ``build(tuple_of_records)`` so that the same sequence object is compiled once."""
    cached = lru_cache(maxsize=8)(build)
    recent: list[tuple[Sequence, int, T]] = []

    def get(records: Sequence) -> T:
        for obj, n, value in recent:
            if obj is records and n == len(records):
                return value
        value = cached(tuple(records))
        recent[:] = [(records, len(records), value)] + recent[:3]
        return value

    return get
