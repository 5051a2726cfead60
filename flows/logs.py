"""Prefect's console log without tracebacks: one line a record; the traceback goes to a file.

`figures run` puts this handler in place of Prefect's console handler (through Prefect's own
override, ``PREFECT_LOGGING_HANDLERS_CONSOLE_CLASS``, read when Prefect sets up logging), so
a database error retried four times is four log lines and the CLI's one ``error:`` line, not
four screens of stack. The full record, traceback included, is appended to the log file
(``FIGURES_LOG_FILE``, default ``warehouse/logs/tracebacks.log`` of the project), opened only
when there is a traceback to keep. ``figures run --debug`` leaves Prefect's handler alone.
"""
from __future__ import annotations

import copy
import logging
import os
import threading
from pathlib import Path

from prefect.logging.handlers import PrefectConsoleHandler

from warehouse.engine import redact

LOG_FILE_ENV = "FIGURES_LOG_FILE"


def log_file() -> Path:
    from tasks.config import project_dir

    chosen = os.environ.get(LOG_FILE_ENV)
    return Path(chosen) if chosen else project_dir() / "warehouse" / "logs" / "tracebacks.log"


class OneLineConsoleHandler(PrefectConsoleHandler):
    _lock_file = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if not (record.exc_info or record.exc_text or record.stack_info):
            super().emit(record)
            return
        path = self._keep(record)
        brief = copy.copy(record)
        brief.exc_info = brief.exc_text = brief.stack_info = None
        if path:
            brief.msg, brief.args = f"{record.getMessage()} (traceback in {path})", None
        super().emit(brief)

    def _keep(self, record: logging.LogRecord) -> Path | None:
        path = log_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            kept = logging.Formatter("%(asctime)s %(levelname)s %(name)s - %(message)s").format(record)
            with self._lock_file, path.open("a", encoding="utf-8") as fh:
                fh.write(redact(kept) + "\n")  # a URL in an exception keeps its password out
        except OSError:
            return None  # no file, no traceback: the screen still gets its one line
        return path
