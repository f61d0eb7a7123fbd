"""The one exception the readers raise internally; the dispatcher turns it into a Rejection."""

from __future__ import annotations


class InputError(Exception):
    """An input cannot be read; ``reason`` is the one clear line shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def os_reason(exc: OSError) -> str:
    """A one-line reason for an operating-system error (permission, missing file...)."""
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or short(exc)


def short(exc: BaseException) -> str:
    """A one-line, bounded description of an error, for a Rejection reason."""
    return " ".join(str(exc).split())[:200] or type(exc).__name__
