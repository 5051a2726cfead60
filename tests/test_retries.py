"""I/O tasks try again, with back-off, when the failure may pass by itself (a database that
cannot be reached, a lock); a bad input fails at once, because trying again cannot help."""
import time

import pytest
from prefect import flow
from prefect.client.orchestration import get_client
from prefect.exceptions import ObjectNotFound
from sqlalchemy.exc import IntegrityError, OperationalError

from flows import steps
from tasks.read_raw import InputError
from warehouse.engine import Warehouse
from warehouse.load import LoadError

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:9/nowhere?connect_timeout=2"


def _attempts(task, *args):
    """How many times `task` ran in a flow (retrying without waiting), and its final state."""
    @flow
    def probe():
        state = task.with_options(retry_delay_seconds=0)(*args, return_state=True)
        return state.state_details.task_run_id, state.type.value

    task_run_id, final = probe()
    # Task-run states reach the API as events, a moment after the run: wait until the API
    # has recorded the final state, and with it every attempt.
    deadline = time.monotonic() + 30
    with get_client(sync_client=True) as client:
        while True:
            try:
                recorded = client.read_task_run(task_run_id)
            except ObjectNotFound:  # not even its first state has arrived yet
                recorded = None
            done = recorded is not None and recorded.state_type and recorded.state_type.value == final
            if done or time.monotonic() > deadline:
                return (recorded.run_count if recorded else 0), final
            time.sleep(0.2)


def test_io_tasks_back_off_between_retries():
    assert steps.IO_RETRIES["retries"] == 3
    delays = steps.IO_RETRIES["retry_delay_seconds"]
    assert delays == sorted(delays) and delays[0] < delays[-1]


def test_an_unreachable_warehouse_is_tried_again_then_the_run_fails(prefect_harness):
    runs, final = _attempts(steps.loaded_articles, Warehouse(UNREACHABLE))
    assert (runs, final) == (1 + steps.IO_RETRIES["retries"], "FAILED")


def test_an_unreadable_article_is_not_tried_again(prefect_harness, tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    runs, final = _attempts(steps.read_articles, [articles / "binary.txt"], articles, 10_000)
    assert (runs, final) == (1, "FAILED")


@pytest.mark.parametrize("error, retried", [
    (OperationalError("select 1", {}, Exception("database is locked")), True),
    (OSError("No space left on device"), True),
    (InputError("a.txt: the file is empty"), False),
    (ValueError("official_series.csv row 3, column region: 'Atlantis' is not in regions.csv"), False),
    (IntegrityError("insert", {}, Exception("UNIQUE constraint failed")), False),
])
def test_which_failures_count_as_passing(error, retried):
    class State:  # what retry_condition_fn is handed: the failed state, its exception as data
        data = error
    assert steps._transient(None, None, State) is retried


def test_a_rolled_back_load_is_retried_when_its_cause_was_transient():
    transient = LoadError("load of run 3 rolled back")
    transient.__cause__ = OperationalError("commit", {}, Exception("server closed the connection"))
    refused = LoadError("load of run 3 rolled back")
    refused.__cause__ = IntegrityError("insert", {}, Exception("violates foreign key"))

    class State:
        data = None
    State.data = transient
    assert steps._transient(None, None, State)
    State.data = refused
    assert not steps._transient(None, None, State)
