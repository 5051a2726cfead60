"""`figures serve`: a real Prefect server, a cron schedule that fires, a run by hand.

Slow (a minute or two): it starts `figures serve --cron "* * * * *"` as a user would, with
no PREFECT_API_URL, so the command starts its own Prefect server; waits for the schedule to
fire and the run to load the warehouse; triggers the deployment by hand with
`prefect deployment run`; then stops the command and checks the server went with it.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from flows.serve import free_port, healthy, stop_process_group
from tests.raw_copies import ROOT, make_raw_root

pytestmark = pytest.mark.slow

DEPLOYMENT = "figures-pipeline/scheduled"
SCHEDULED_WITHIN_S = 150


@pytest.fixture()
def served(tmp_path):
    raw = make_raw_root(tmp_path, copies=2)
    port = free_port(0)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(RAW_ROOT=str(raw), WAREHOUSE_URL=f"sqlite:///{tmp_path / 'wh.db'}",
               QUALITY_DIR=str(tmp_path / "quality"), REPORT_DIR=str(tmp_path / "report"),
               PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    env.pop("WAREHOUSE_SCHEMA", None)
    log = open(tmp_path / "serve.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--cron", "* * * * *",
         "--home", str(tmp_path / "prefect-home"), "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        yield {"proc": proc, "api": api, "env": {**env, "PREFECT_API_URL": api},
               "db": tmp_path / "wh.db", "home": tmp_path / "prefect-home", "log": tmp_path / "serve.log", "started": time.monotonic()}
    finally:
        stop_process_group(proc, grace=30)
        log.close()
        # figures serve removes this file once it has stopped its server; if it is still
        # here, the server outlived it: stop that one process too, then fail below
        pid_file = tmp_path / "prefect-home" / "server.pid"
        if pid_file.exists():
            try:
                os.kill(int(pid_file.read_text()), signal.SIGKILL)
            except ProcessLookupError:
                pass


def _runs(api):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
        try:
            deployment = client.read_deployment_by_name(DEPLOYMENT)
        except Exception:  # not registered yet
            return []
        return client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment.id])))


def _wait_for(what, predicate, deadline, served):
    while time.monotonic() < deadline:
        assert served["proc"].poll() is None, (
            f"figures serve exited early:\n{served['log'].read_text(errors='replace')[-3000:]}")
        found = predicate()
        if found:
            return found
        time.sleep(2)
    pytest.fail(f"{what} did not happen in time:\n"
                f"{served['log'].read_text(errors='replace')[-3000:]}")


def _etl_runs(db):
    with sqlite3.connect(db) as conn:
        return {r[0]: r[1:] for r in conn.execute(
            "select flow_run_id, status, articles_read, articles_skipped, figures_loaded from etl_run")}


def test_schedule_fires_and_a_manual_trigger_runs_then_stopping_stops_the_server(served):
    api, start = served["api"], served["started"]
    _wait_for("the local Prefect server answering", lambda: healthy(api), start + 90, served)

    def completed_scheduled_run():
        runs = [r for r in _runs(api) if r.auto_scheduled and r.state and r.state.is_final()]
        return runs[0] if runs else None

    run = _wait_for("a scheduled run finishing", completed_scheduled_run,
                    start + SCHEDULED_WITHIN_S, served)
    assert run.state.is_completed(), f"scheduled run ended {run.state.type}: {run.state.message}"
    # the scheduled run loaded raw/ (two new articles) into the warehouse, as its own etl_run
    status, read, skipped, loaded = _etl_runs(served["db"])[str(run.id)]
    assert (status, read, skipped) == ("succeeded", 2, 0) and loaded > 0
    latency = (run.start_time - run.expected_start_time).total_seconds()
    print(f"scheduled run started {latency:.1f} s after its scheduled time, "
          f"took {run.total_run_time.total_seconds():.1f} s")

    # by hand, with a parameter, as the README says
    out = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "prefect"), "deployment", "run",
         DEPLOYMENT, "--param", "batch_size=1"],
        env=served["env"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr

    def completed_manual_run():
        runs = [r for r in _runs(api) if not r.auto_scheduled and r.state and r.state.is_final()]
        return runs[0] if runs else None

    manual = _wait_for("the manual run finishing", completed_manual_run,
                       time.monotonic() + 120, served)
    assert manual.state.is_completed(), manual.state.message
    assert manual.parameters["batch_size"] == 1
    status, read, skipped, loaded = _etl_runs(served["db"])[str(manual.id)]
    assert (status, read, skipped) == ("succeeded", 2, 2) and not loaded  # nothing new by then

    # a parameter the flow's signature refuses is refused before any run is created
    bad = subprocess.run(
        [os.path.join(os.path.dirname(sys.executable), "prefect"), "deployment", "run",
         DEPLOYMENT, "--param", "batch_size=0"],
        env=served["env"], capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0

    served["proc"].send_signal(signal.SIGTERM)
    assert served["proc"].wait(60) == 0
    assert not healthy(api), "the Prefect server outlived figures serve"
    assert not (served["home"] / "server.pid").exists()
