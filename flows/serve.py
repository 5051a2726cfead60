"""`figures serve`: the pipeline as a Prefect deployment on a cron schedule.

A schedule never fires on Prefect's ephemeral API (it exists only while one flow runs), so
serving needs a real server: the one at `PREFECT_API_URL` when that is set, otherwise a
local `prefect server start` that this module starts (state in `.prefect/` of the project,
UI at the printed address) and stops again when serving ends — Ctrl-C, SIGTERM, or any
exit of the Python process.
"""
from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tasks.config import PROJECT_ROOT

DEPLOYMENT = "scheduled"
DEFAULT_CRON = "0 * * * *"
DEFAULT_HOME = PROJECT_ROOT / ".prefect"
STARTUP_TIMEOUT_S = 90


class ServerError(RuntimeError):
    """The local Prefect server could not be started."""


def check_cron(cron: str) -> str:
    """A five-field cron expression (`0 * * * *`); anything else is refused with the reason."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        valid = len(cron.split()) == 5 and CronSchedule(cron=cron) is not None
    except ValueError:  # pydantic's ValidationError is one
        valid = False
    if not valid:
        raise ValueError(f"{cron!r} is not a cron expression of five fields "
                         "(minute hour day-of-month month day-of-week), e.g. '0 * * * *'")
    return cron


def free_port(preferred: int = 4200) -> int:
    """`preferred` if nothing listens there, else a free port the OS picks.

    The probe sets SO_REUSEADDR, as the server's own socket does (uvicorn sets it): a
    server stopped a moment ago leaves its connections in TIME_WAIT for a minute, which
    blocks a plain bind but not the next server, so a restart keeps its port."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise ServerError("no free TCP port on 127.0.0.1")


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def local_server(home: Path = DEFAULT_HOME, port: int | None = None,
                 timeout: float = STARTUP_TIMEOUT_S) -> Iterator[str]:
    """A `prefect server start` subprocess with its state under `home`; yields its API URL
    once it answers /health, and stops it (its whole process group) on the way out."""
    home.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_SERVER_API_HOST="127.0.0.1", PREFECT_SERVER_API_PORT=str(port),
               PREFECT_UI_API_URL=api_url)
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
         "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        start_new_session=True)  # its own process group, so stopping it stops its children
    pid_file = home / "server.pid"
    pid_file.write_text(str(proc.pid))

    def stop() -> None:
        stop_process_group(proc)
        log.close()
        pid_file.unlink(missing_ok=True)

    atexit.register(stop)
    try:
        deadline = time.monotonic() + timeout
        while not healthy(api_url):
            if proc.poll() is not None:
                raise ServerError(f"prefect server exited with code {proc.returncode} while "
                                  f"starting; see {home / 'server.log'}")
            if time.monotonic() > deadline:
                raise ServerError(f"prefect server did not answer {api_url}/health within "
                                  f"{timeout:.0f} s; see {home / 'server.log'}")
            time.sleep(0.5)
        yield api_url
    finally:
        stop()
        atexit.unregister(stop)


def stop_process_group(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """SIGTERM to the group `proc` leads, then SIGKILL if it is still there after `grace`."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def serve(cron: str = DEFAULT_CRON, name: str = DEPLOYMENT, home: Path = DEFAULT_HOME,
          port: int | None = None) -> None:
    """Serve `figures-pipeline/<name>` on `cron` until interrupted (Ctrl-C or SIGTERM)."""
    check_cron(cron)
    # Until Prefect's runner installs its own handler, SIGTERM must still unwind through
    # the `finally` that stops the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if os.environ.get("PREFECT_API_URL"):
        _serve(cron, name)
        return
    print(f"PREFECT_API_URL is not set: starting a local Prefect server (state in {home})",
          flush=True)
    with local_server(home, port) as api_url:
        # The runner's flow-run subprocesses read the server's address from the environment.
        os.environ["PREFECT_API_URL"] = api_url
        print(f"Prefect server ready: {api_url} (UI at {api_url.removesuffix('/api')})",
              flush=True)
        try:
            _serve(cron, name)
        finally:
            os.environ.pop("PREFECT_API_URL", None)


def _serve(cron: str, name: str) -> None:
    from prefect.deployments.runner import EntrypointType
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.pipeline import figures_pipeline

    with temporary_settings({PREFECT_API_URL: os.environ["PREFECT_API_URL"]}):
        figures_pipeline.serve(
            name=name, cron=cron, paused=False, limit=1,
            description="figures-pipeline on a schedule: loads whatever is new in raw/.",
            tags=["newsfigures"],
            # the package is installed, so runs import it by module, from any directory
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
