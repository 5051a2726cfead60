"""What a warehouse operation raises when it fails, and how a failure is told in one line."""
from __future__ import annotations


class LoadError(RuntimeError):
    """The load was rolled back; the warehouse is exactly as it was before it started.

    ``transient`` is True when trying again may succeed (database unreachable, lock wait timed
    out, connection dropped) and False when the data itself was refused (a constraint).
    """

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


def describe(error: str | BaseException) -> str:
    if isinstance(error, BaseException):
        orig = getattr(error, "orig", None)  # a DBAPI error inside SQLAlchemy's wrapper
        text = str(orig) if orig is not None else str(error)
        # The first lines say what failed (PostgreSQL adds a DETAIL line naming the key);
        # SQLAlchemy's "[SQL: ...]" and "[parameters: ...]" lines are left out.
        lines = [ln for ln in text.strip().splitlines() if ln.strip()][:2]
        return f"{type(error).__name__}: {' '.join(lines)}"
    return str(error)
