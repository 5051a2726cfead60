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


def test_articles_are_counted_one_by_one_with_the_figures_found_so_far():
    with progress.terminal_progress(enabled=True):
        bar = progress._sink
        progress.count(200, "articles extracted and validated")
        for figures in (5, 0, 7):
            progress.tick(figures)
        task = bar.progress.tasks[0]
        assert (task.completed, task.total) == (3, 200)
        assert task.fields["figures"] == "12 figures"
        # a batch that comes back counts its articles, but never moves the bar back
        progress.advance(2, 200, "articles extracted and validated")
        assert bar.progress.tasks[0].completed == 3
        progress.advance(200, 200, "articles extracted and validated")
        assert bar.progress.tasks[0].completed == 200


def test_the_bar_shows_a_rate_and_the_time_left():
    with progress.terminal_progress(enabled=True):
        bar = progress._sink
        progress.count(200, "articles extracted and validated")
        task = bar.progress.tasks[0]
        task._progress.clear()
        # as if 50 articles had taken 10 s: rich estimates the speed from these samples
        from rich.progress import ProgressSample
        task._progress.extend([ProgressSample(task.start_time, 0),
                               ProgressSample(task.start_time + 10, 50)])
        task.completed = 50
        shown = progress._RateAndEta().render(task).plain
        assert shown == "5.0 articles/s, 0:00:30 left"


def test_a_log_line_says_the_rate_and_the_time_left():
    assert progress.rate_and_eta(50, 200, 10.0) == "5.0 articles/s, about 30 s left"
    assert progress.rate_and_eta(10, 2000, 10.0) == "1.0 articles/s, about 33 min left"
    assert progress.rate_and_eta(200, 200, 40.0) == "5.0 articles/s, done"
    assert progress.rate_and_eta(0, 200, 1.0) == ""
