"""The base of every pydantic model newsnorm writes or reads (the record, outlet profiles):
frozen, and refusing fields it does not define, so a typo in a profile or a record is an
error, never a field quietly ignored."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
