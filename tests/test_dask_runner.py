"""The same flow on a two-worker Dask LocalCluster fills the same warehouse as on the
default runner: scale-out changes where tasks run, not what they produce."""
import logging

import pytest
import sqlalchemy as sa
from distributed import LocalCluster

from flows.pipeline import figures_pipeline
from flows.runners import Runner, check_address, shared_api, task_runner
from tests.raw_copies import make_raw_root
from tests.warehouse_rows import duplicates, mart_rows


@pytest.fixture(scope="module")
def two_warehouses(tmp_path_factory, prefect_harness):
    tmp = tmp_path_factory.mktemp("dask")
    mp = pytest.MonkeyPatch()
    mp.setenv("RAW_ROOT", str(make_raw_root(tmp, copies=6)))
    mp.setenv("QUALITY_DIR", str(tmp / "quality"))
    mp.setenv("REPORT_DIR", str(tmp / "report"))
    urls = {"default": f"sqlite:///{tmp / 'default.db'}", "dask": f"sqlite:///{tmp / 'dask.db'}"}
    summaries = {"default": figures_pipeline(warehouse=urls["default"], batch_size=2)}
    with shared_api(), LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0",
                                    silence_logs=logging.WARNING) as cluster:
        # the path `figures run --runner dask --address tcp://...` takes
        on_dask = figures_pipeline.with_options(
            task_runner=task_runner(Runner.dask, address=cluster.scheduler_address))
        summaries["dask"] = on_dask(warehouse=urls["dask"], batch_size=2)
        ran_on_dask = {prefix: tp.state_counts["memory"]  # tasks that finished there
                       for prefix, tp in cluster.scheduler.task_prefixes.items()}
    yield {name: sa.create_engine(url) for name, url in urls.items()}, summaries, ran_on_dask
    mp.undo()


def test_dask_and_default_runner_load_the_same_figures_and_claim_checks(two_warehouses):
    engines, summaries, _ = two_warehouses
    assert summaries["dask"].articles_read == summaries["default"].articles_read == 6
    assert summaries["dask"].figures_extracted == summaries["default"].figures_extracted > 6 * 30
    for view in ("mart_figures", "mart_claim_checks"):
        assert mart_rows(engines["dask"], view) == mart_rows(engines["default"], view), view
    assert set(duplicates(engines["dask"]).values()) == {0}


def test_the_batches_ran_on_the_dask_workers(two_warehouses):
    # six articles in batches of two: three batch tasks went through the cluster's scheduler
    *_, ran_on_dask = two_warehouses
    assert sum(n for prefix, n in ran_on_dask.items()
               if prefix.startswith("process_batch")) == 3, ran_on_dask


def test_without_an_address_dask_means_a_quiet_local_cluster():
    runner = task_runner(Runner.dask, workers=2)
    assert runner.cluster_kwargs["n_workers"] == 2
    assert runner.cluster_kwargs["dashboard_address"] == ":0"  # a free port, never a clash


@pytest.mark.parametrize("address", ["foo", "tcp://", "http://host:8786", "tcp://host:99999"])
def test_a_malformed_scheduler_address_is_refused(address):
    with pytest.raises(ValueError, match="scheduler address|out of range"):
        check_address(address)


def test_a_scheduler_address_selects_dask_without_starting_a_cluster():
    runner = task_runner(Runner.default, address="tcp://127.0.0.1:8786")
    assert type(runner).__name__ == "DaskTaskRunner" and runner.address == "tcp://127.0.0.1:8786"
