"""Errors that name what went wrong, for users rather than developers."""

from __future__ import annotations


class NewsnormError(Exception):
    """Base class of every error newsnorm raises on purpose."""


class NormalizeError(NewsnormError):
    """A document could not be turned into an article record.

    `stage` names the pipeline stage (`read`, `recognize`, `noise`, `metadata`,
    `finish`, `validate`); `plugin` names the plugin that failed, when one did.
    """

    def __init__(self, message: str, *, stage: str, plugin: str | None = None) -> None:
        super().__init__(message)
        self.stage = stage
        self.plugin = plugin


class DocumentTooLarge(NormalizeError):
    """A document went past the size cap (`max_bytes`, `--max-bytes`) as it was read."""

    def __init__(self, limit: int) -> None:
        message = f"document too large: more than {limit:,} bytes after decompression"
        super().__init__(f"{message} (--max-bytes)", stage="read")
        self.limit = limit

    def __reduce__(self):  # pickled by its limit: the message is made from it
        return type(self), (self.limit,)


class UsageError(NewsnormError):
    """A run asked for something it cannot do (options that contradict each other, an output
    that is also an input, an outlet or a plugin that does not exist, a profile that is not
    valid); raised before any document is read. The CLI answers every one the same way: one
    line and exit status 2."""


class UnknownOutletError(UsageError):
    """`--outlet NAME` named no registered outlet."""
