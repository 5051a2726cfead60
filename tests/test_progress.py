"""The progress bar follows the flow's steps, and hands Prefect's log output back after."""
import io
import logging

from rich.console import Console

from flows import progress


class FakeHandler(logging.Handler):  # stands in for PrefectConsoleHandler: a handler with .console
    def __init__(self):
        super().__init__()
        self.console = Console(file=io.StringIO())


def test_steps_and_batches_drive_the_bar_and_logs_return_to_their_console():
    handler = FakeHandler()
    logging.getLogger("prefect").addHandler(handler)
    own = handler.console
    try:
        with progress.terminal_progress(enabled=True):
            bar = progress._sink
            assert handler.console is not own   # logs print above the bar while it shows
            progress.advance(3, 8, "batches extracted and validated")
            task = bar.progress.tasks[0]
            assert (task.completed, task.total, task.description) == (3, 8, "batches extracted and validated")
            progress.step("loading the warehouse")
            assert bar.progress.tasks[0].description == "loading the warehouse"
        assert handler.console is own
        assert isinstance(progress._sink, progress._Silent)
    finally:
        logging.getLogger("prefect").removeHandler(handler)


def test_without_a_terminal_nothing_is_drawn():
    with progress.terminal_progress(enabled=False):
        assert isinstance(progress._sink, progress._Silent)
        progress.advance(1, 2, "x")  # a no-op, not an error
