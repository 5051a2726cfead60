"""How far a run has got, for a person watching the terminal.

The flow reports its steps here (`step`, `advance`); whoever runs it decides how to show
them. `figures run` on a terminal shows a rich progress bar with Prefect's log lines
printed above it; anywhere else (a pipe, a CI log, a served deployment) nothing is drawn,
and the flow's own log lines ("batch 3/8 extracted: ...") are the record.
"""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from typing import Iterator, Protocol


class Sink(Protocol):
    def step(self, description: str) -> None: ...
    def advance(self, done: int, total: int, description: str) -> None: ...


class _Silent:
    def step(self, description: str) -> None:
        pass

    def advance(self, done: int, total: int, description: str) -> None:
        pass


_sink: Sink = _Silent()


def step(description: str) -> None:
    """A step without a count (loading, checking quality, building the report)."""
    _sink.step(description)


def advance(done: int, total: int, description: str) -> None:
    """`done` of `total` units of the current counted step are finished."""
    _sink.advance(done, total, description)


class _Bar:
    def __init__(self, progress):
        self.progress = progress
        self.task = progress.add_task("starting", total=None)

    def step(self, description: str) -> None:
        self.progress.update(self.task, description=description, total=None, completed=0)

    def advance(self, done: int, total: int, description: str) -> None:
        self.progress.update(self.task, description=description, total=total, completed=done)


@contextmanager
def terminal_progress(enabled: bool | None = None) -> Iterator[None]:
    """Show a progress bar while the block runs, when stdout is a terminal (or `enabled`)."""
    global _sink
    if enabled is None:
        enabled = sys.stdout.isatty()
    if not enabled:
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, \
        TextColumn, TimeElapsedColumn

    console = Console()
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=console,
                        transient=True)
    # Prefect's console handler owns its own rich Console; printing through the bar's
    # console instead keeps log lines above the bar rather than torn through it.
    handlers = [h for name in ("", "prefect") for h in logging.getLogger(name).handlers
                if hasattr(h, "console")]
    handlers += [h for lg in list(logging.Logger.manager.loggerDict.values())
                 if isinstance(lg, logging.Logger) and lg.name.startswith("prefect")
                 for h in lg.handlers if hasattr(h, "console") and h not in handlers]
    saved = [(h, h.console) for h in handlers]
    previous = _sink
    with progress:
        for h, _ in saved:
            h.console = console
        _sink = _Bar(progress)
        try:
            yield
        finally:
            _sink = previous
            for h, c in saved:
                h.console = c
