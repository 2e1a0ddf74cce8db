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


class UnknownOutletError(NewsnormError):
    """`--outlet NAME` named no registered outlet."""
