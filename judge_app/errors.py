"""Error types of the core, each carrying a message a person can act on.

The window shows ``str(error)``; the command line prints it and exits non-zero.
Every error that names a file puts the file first, so the message reads
"<file>: <problem>".
"""

from __future__ import annotations

from pathlib import Path


class JudgeAppError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: str, *, path: str | Path | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)


class ValidationError(JudgeAppError):
    """A contest, rubric or entry description breaks a rule; names the field."""


class CanonicalError(JudgeAppError):
    """A JSON payload is not in the one canonical form we write."""


class ContainerError(JudgeAppError):
    """A zip container (bundle or score file) is damaged, altered or hostile."""


class SignatureError(JudgeAppError):
    """A signature is malformed, made by another key, or does not verify."""


class KeyFileError(JudgeAppError):
    """A private or public key file is missing, damaged or of another format."""


class WrongPassphrase(KeyFileError):
    """The passphrase does not unlock the key file; nothing was changed."""


class BundleError(JudgeAppError):
    """An entry bundle cannot be built or opened."""


class PinnedKeyMismatch(BundleError):
    """A bundle is signed by a secretariat key other than the one pinned for its contest."""


class WorkspaceError(JudgeAppError):
    """A judge workspace cannot be opened or changed as asked."""


class ScoreFileError(JudgeAppError):
    """A score file cannot be written, read or verified."""


class SecretariatError(JudgeAppError):
    """The secretariat contest database refused an operation."""
