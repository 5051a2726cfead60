"""Ctrl-C and SIGTERM end a `figures run` within seconds, and leave no process behind.

Python turns SIGINT into KeyboardInterrupt in the main thread, but a run's tasks execute
in worker threads that no signal reaches: at exit the interpreter waits for each to finish
its batch (70 s to over two minutes were measured), and SIGTERM's default action kills the
process without its atexit handlers, so Prefect's temporary API server (a child process)
lived on. Here both signals raise `Interrupted` in the main thread: the flow rolls back
what it was writing and marks its etl_run row failed; then `exit_now` stops the child
processes and ends the process without waiting for the worker threads. Their work was
never committed: the load is one transaction, and a transaction that is not committed
dies with its connection. A watchdog ends the process anyway if unwinding takes longer
than `GRACE_S`, and a second signal ends it at once.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Seconds between the signal and the end of the process, at most: well under the 10 s a
# service manager (or an operator) waits before it sends SIGKILL.
GRACE_S = 7.0
# Seconds a child (the Prefect server, a Dask worker) is given to stop before SIGKILL.
CHILD_STOP_S = 1.5
EXIT_STATUS = 130  # 128 + SIGINT, what a shell reports for a job stopped by Ctrl-C


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; its message names the signal."""


_armed = threading.Event()


def arm_watchdog(name: str) -> None:
    """End the process `GRACE_S` seconds from now, whatever is still running then (once)."""
    if _armed.is_set():
        return
    _armed.set()
    watchdog = threading.Timer(GRACE_S, exit_now,
                               args=(f"error: {name}: the run did not stop within {GRACE_S:g} s; "
                                     "stopped without waiting (nothing uncommitted was kept)",))
    watchdog.daemon = True
    watchdog.start()


def interruption(exc: BaseException) -> str | None:
    """"interrupted by SIGTERM" if `exc` is a signal's doing (ours, Ctrl-C's or the one
    Prefect raises for SIGTERM inside a flow), else None."""
    from prefect.exceptions import TerminationSignal

    if isinstance(exc, TerminationSignal):
        return f"interrupted by {signal.Signals(exc.signal).name}"
    if isinstance(exc, Interrupted):
        return str(exc)
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted by SIGINT"
    return None


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise `Interrupted` in the main thread.

    (Inside a flow Prefect answers SIGTERM itself, with its TerminationSignal; the flow
    then arms the same watchdog, see flows/pipeline.py.)"""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread (a test's runner)
        return

    signalled = threading.Event()

    def handler(signum, _frame):
        name = signal.Signals(signum).name
        if signalled.is_set():
            exit_now(f"error: {name} again: stopped at once")
        signalled.set()
        arm_watchdog(f"interrupted by {name}")  # perhaps armed already, by the flow
        raise Interrupted(f"interrupted by {name}")

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def exit_now(message: str | None = None, status: int = EXIT_STATUS) -> None:
    """Print `message`, stop this process's children, and end the process without waiting
    for worker threads (os._exit: a busy thread cannot hold the exit up)."""
    if message:
        print(message, file=sys.stderr, flush=True)
    try:
        sys.stdout.flush()
    except Exception:  # a closed pipe: nothing more can be said on it
        pass
    stop_children()
    os._exit(status)


def stop_children() -> None:
    """Stop Prefect's temporary API servers and any other child process of this one."""
    try:
        from prefect.server.api.server import SubprocessASGIServer

        servers = list(SubprocessASGIServer._instances.values())
    except Exception:  # Prefect not imported yet, or its internals moved: the sweep below
        servers = []
    for server in servers:
        process = getattr(server, "server_process", None)
        if process is not None and process.poll() is None:
            process.terminate()
    children = _children()
    for pid in children:
        _signal(pid, signal.SIGTERM)
    deadline = _now() + CHILD_STOP_S
    while children and _now() < deadline:
        children = [pid for pid in children if _alive(pid)]
        threading.Event().wait(0.05)
    for pid in children:
        _signal(pid, signal.SIGKILL)


def _children() -> list[int]:
    """Process ids whose parent is this process (Linux /proc; elsewhere none are found)."""
    me, found = os.getpid(), []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("ascii", "replace")
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses
        fields = stat.rpartition(")")[2].split()
        if len(fields) > 1 and fields[1] == str(me):
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        reaped, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return False
    return reaped == 0


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _now() -> float:
    import time

    return time.monotonic()
