"""Errors raised by the domain and service layers; messages are user-facing Chinese."""

from __future__ import annotations


class AppError(Exception):
    """Base of every error the user should see as a one-line message."""

    exit_code = 2

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def __str__(self) -> str:  # one line for stderr
        if not self.details:
            return self.message
        return self.message + "：" + "；".join(self.details)


class ValidationError(AppError):
    """Input that breaks a format or content rule."""


class TargetExistsError(ValidationError):
    """An export target exists already: the caller asks (window) or needs --force (CLI)."""

    def __init__(self, path) -> None:
        super().__init__(f"目标“{path}”已存在")
        self.path = path


class NotFoundError(AppError):
    """A package, user or part that does not exist (or is not visible)."""


class PermissionDenied(AppError):
    """The acting user may not do this."""


class WorkflowError(AppError):
    """The action is not possible in the package's current state."""


class ConflictError(AppError):
    """A stale save: someone else saved this part since it was loaded."""

    def __init__(self, message: str, *, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version


class AuthError(AppError):
    """Wrong password, unknown user, locked or disabled account.

    attempts_left: wrong passwords still allowed before the account locks (None when unknown);
    locked_until: when a lockout ends (ISO time), empty when the account is not locked.
    """

    def __init__(self, message: str, *, attempts_left: int | None = None,
                 locked_until: str = "") -> None:
        super().__init__(message)
        self.attempts_left = attempts_left
        self.locked_until = locked_until


class StorageError(AppError):
    """The database cannot be opened, is corrupt, newer than the code, or not writable."""


class IncompleteError(WorkflowError):
    """Submit refused by the completeness gate; details list what is missing."""

    overridable = False  # True when a recorded reason would let the submit through
