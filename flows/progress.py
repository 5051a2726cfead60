"""How far a run has got, for a person watching the terminal.

The flow reports its steps here (`step`, `count`, `advance`); whoever runs it decides how to
show them. `figures run` on a terminal shows a rich progress bar with Prefect's log lines
printed above it: articles done of the total, figures found, the rate in articles a second
and the time left. Articles are counted one by one as the extractor finishes each (`tick`,
called from the batch's thread), so a run of one batch moves too; on Dask the workers'
ticks stay on the workers and the count moves a batch at a time (`advance`). Anywhere else
(a pipe, a CI log, a served deployment) nothing is drawn, and the flow's own log lines
("batch 3/8 extracted and validated: 600/1,600 articles, ... 40 articles/s, about 25 s
left") are the record.
"""
from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager
from typing import Iterator, Protocol

from rich.progress import ProgressColumn


class Sink(Protocol):
    def step(self, description: str) -> None: ...
    def count(self, total: int, description: str) -> None: ...
    def advance(self, done: int, total: int, description: str) -> None: ...
    def tick(self, figures: int) -> None: ...


class _Silent:
    def step(self, description: str) -> None:
        pass

    def count(self, total: int, description: str) -> None:
        pass

    def advance(self, done: int, total: int, description: str) -> None:
        pass

    def tick(self, figures: int) -> None:
        pass


_sink: Sink = _Silent()


def step(description: str) -> None:
    """A step without a count (loading, checking quality, building the report)."""
    _sink.step(description)


def count(total: int, description: str) -> None:
    """A step of `total` articles, none done yet."""
    _sink.count(total, description)


def advance(done: int, total: int, description: str) -> None:
    """At least `done` of `total` units of the current counted step are finished."""
    _sink.advance(done, total, description)


def tick(figures: int = 0) -> None:
    """One more article done, with `figures` figures found in it (thread-safe)."""
    _sink.tick(figures)


def rate_and_eta(done: int, total: int, seconds: float) -> str:
    """'40 articles/s, about 25 s left' for a log line ('' before anything is done)."""
    if done <= 0 or seconds <= 0:
        return ""
    rate = done / seconds
    left = (total - done) / rate
    eta = f"about {left:,.0f} s left" if left < 120 else f"about {left / 60:,.0f} min left"
    return f"{rate:,.1f} articles/s, {eta if done < total else 'done'}"


class _Bar:
    def __init__(self, progress):
        self.progress = progress
        self.task = progress.add_task("starting", total=None, figures="")
        self.figures = 0
        self.lock = threading.Lock()  # batches tick from their own threads

    def step(self, description: str) -> None:
        self.progress.reset(self.task, description=description, total=None, completed=0,
                            figures="")

    def count(self, total: int, description: str) -> None:
        self.figures = 0
        self.progress.reset(self.task, description=description, total=total, completed=0,
                            figures="0 figures")

    def advance(self, done: int, total: int, description: str) -> None:
        # never backwards: the articles ticked off inside batches may be ahead of the batches
        ahead = max(done, int(self.progress.tasks[0].completed))
        self.progress.update(self.task, description=description, total=total, completed=ahead)

    def tick(self, figures: int) -> None:
        with self.lock:
            self.figures += figures
            self.progress.update(self.task, advance=1, figures=f"{self.figures:,} figures")


class _RateAndEta(ProgressColumn):
    """Articles a second, as rich estimates it (over the last half minute), and time left."""

    def render(self, task):
        from datetime import timedelta

        from rich.text import Text

        speed = task.finished_speed or task.speed
        if speed is None or task.total is None:
            return Text("")
        left = task.time_remaining
        eta = "" if left is None or task.finished else f", {timedelta(seconds=round(left))} left"
        return Text(f"{speed:,.1f} articles/s{eta}")


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
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console()
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TextColumn("{task.fields[figures]}"), _RateAndEta(),
                        TimeElapsedColumn(), console=console, transient=True)
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
