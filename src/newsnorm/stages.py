"""The names of the pipeline's stages and of its input formats, once: the stage each hook
of hookspecs.py is (what a failure and a plugin warning name), the stages whose third-party
hooks are isolated (isolation.py), and the formats the built-in readers make."""

from __future__ import annotations

from typing import Final, Literal, get_args

Stage = Literal["read", "recognize", "noise", "metadata", "finish", "validate", "ninjs"]
# The stages whose installed (third-party) hooks are rolled back when they raise.
IsolatedStage = Literal["noise", "metadata", "finish"]
ISOLATED_STAGES: Final = frozenset(get_args(IsolatedStage))
STAGE_OF_HOOK: Final[dict[str, Stage]] = {
    "newsnorm_read_document": "read",
    "newsnorm_recognize_outlet": "recognize",
    "newsnorm_remove_noise": "noise",
    "newsnorm_extract_metadata": "metadata",
    "newsnorm_finish_record": "finish",
    "newsnorm_ninjs_item": "ninjs",
}

InputFormat = Literal["html", "text"]
HTML: Final[InputFormat] = "html"
TEXT: Final[InputFormat] = "text"  # a plain-text capture
