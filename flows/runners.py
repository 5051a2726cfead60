"""Where the flow's tasks run: in threads of this process (default) or on a Dask cluster.

The flow code is the same either way; `figures run --runner dask` only swaps the task
runner. Without an address a `LocalCluster` is started for the run (one single-threaded
worker process per core: the extractor is pure Python, so threads would share one GIL)
and torn down after it; with `--address tcp://host:8786` the run uses that scheduler.
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum

_ADDRESS = re.compile(r"^(tcp|tls|ucx|ws|wss|inproc)://[^\s/:]+(:\d{1,5})?$")


class Runner(str, Enum):
    default = "default"
    dask = "dask"


def check_address(address: str) -> str:
    """A Dask scheduler address such as tcp://10.0.0.5:8786; anything else is refused."""
    if not _ADDRESS.match(address):
        raise ValueError(f"{address!r} is not a Dask scheduler address "
                         "(expected e.g. tcp://127.0.0.1:8786)")
    port = address.rsplit(":", 1)[-1]
    if port.isdigit() and not 0 < int(port) < 65536:
        raise ValueError(f"{address!r}: port {port} is out of range")
    return address


def reachable(address: str, timeout: float) -> str | None:
    """None if a Dask scheduler at `address` answers within `timeout` seconds, else what
    went wrong, in a few words. Asked before Prefect starts: inside the flow Dask's client
    waits 30 s and more, then fails with a traceback. A port that accepts connections but
    does not speak Dask's protocol is a failure too (the handshake is part of the test)."""
    import asyncio

    async def identity():
        from distributed.comm import connect

        comm = await connect(address, timeout=timeout)
        try:
            await comm.write({"op": "identity"})
            return await comm.read()
        finally:
            comm.abort()

    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # its own retries, one by one
    try:
        reply = asyncio.run(asyncio.wait_for(identity(), timeout))
    except (asyncio.TimeoutError, TimeoutError):
        return "no answer"
    except OSError as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return text
    except Exception as exc:  # bytes that are not Dask's protocol (even a MemoryError on junk)
        return f"not a Dask scheduler ({type(exc).__name__})"
    if not (isinstance(reply, dict) and reply.get("type") == "Scheduler"):
        return "not a Dask scheduler (it answered, but not as one)"
    return None


def task_runner(runner: Runner | str = Runner.default, address: str | None = None,
                workers: int | None = None):
    """A Prefect task runner for `runner`, or None for the flow's own default."""
    if Runner(runner) is Runner.default and address is None:
        return None
    from prefect_dask import DaskTaskRunner

    if address is not None:
        return DaskTaskRunner(address=check_address(address))
    # distributed logs every worker start and stop at INFO; a run's output should be the run.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    return DaskTaskRunner(cluster_kwargs={
        "n_workers": workers or max(1, min(4, os.cpu_count() or 1)),
        "threads_per_worker": 1,
        # any free port: never the fixed 8787 another cluster on the machine may hold
        "dashboard_address": ":0",
        "silence_logs": logging.WARNING,
    })


@contextmanager
def shared_api() -> Iterator[str]:
    """One Prefect API for the flow and the Dask workers it starts, as PREFECT_API_URL.

    Worker processes read Prefect's settings from their environment. Without a configured
    server each would start a temporary API of its own (seconds each) and its task runs
    would be recorded there, out of the flow's sight. So the temporary API is started here,
    before the cluster, and its address exported for the workers to inherit. It stops at
    interpreter exit, as Prefect's own temporary API does: after Prefect has sent its last
    logs and events there. A configured server is simply passed on.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    url = PREFECT_API_URL.value()
    if not url:
        from prefect.server.api.server import SubprocessASGIServer

        server = SubprocessASGIServer()
        server.start()  # registers its own stop with atexit
        url = server.api_url
    before = os.environ.get("PREFECT_API_URL")
    os.environ["PREFECT_API_URL"] = url
    try:
        with temporary_settings({PREFECT_API_URL: url}):
            yield url
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
