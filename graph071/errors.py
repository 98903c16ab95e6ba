"""The one exception users see: a mistake in their input or set-up, said in one line."""

from __future__ import annotations


class Graph071Error(Exception):
    """A user-facing problem: bad input, a missing file, a server that does not answer.

    The CLI prints ``str(error)`` as one line and exits with ``exit_code``;
    it never shows a traceback for these.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message} ({self.hint})" if self.hint else message


class InputError(Graph071Error):
    """A document, spreadsheet or table that cannot be read as it is."""

    def __init__(self, path: object, message: str, *, line: int | None = None,
                 hint: str | None = None) -> None:
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = path
        self.line = line


class SchemaError(InputError):
    """A record that does not fit graph071.schema: an undeclared kind, or an edge between
    kinds it may not join (a role on an organisation instead of a project, say)."""
