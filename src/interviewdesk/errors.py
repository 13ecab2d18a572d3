"""Errors a user can cause. Each carries one sentence fit to show as it is; no traceback reaches a user."""


class UserError(Exception):
    """Something the user can fix: a bad file, an unknown id, a database we must not touch.

    The message is one line, written for the person at the keyboard. ``exit_code`` is what the
    command line exits with.
    """

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(UserError):
    """An id that names nothing in the database."""


class DatabaseRefusedError(UserError):
    """A database we will not open: newer than this release, not a database, or damaged.

    Raised before anything is written, so the file stays byte for byte as it was. ``damaged``
    when SQLite itself found the file damaged (a backup is then offered).
    """

    def __init__(self, message: str, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged


class DatabaseBusyError(UserError):
    """The database file is open in another window that writes it; ``holder`` says which process."""

    def __init__(self, message: str, *, holder: str) -> None:
        super().__init__(message)
        self.holder = holder


class TemplateError(UserError):
    """A template file that does not validate. ``problems`` lists every problem, one line each."""

    def __init__(self, source: str, problems: list[str], *, total: int | None = None) -> None:
        count = len(problems) if total is None else total
        head = f"{source}: {count} problem{'s' if count != 1 else ''} in the template"
        super().__init__(head + "\n" + "\n".join(f"  {p}" for p in problems))
        self.source = source
        self.problems = problems


class ExportCancelledError(UserError):
    """The user cancelled an export: it stopped, and nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancelled; nothing was written.")
