"""The published JSON Schema of the article record, generated from the model."""

from __future__ import annotations

from typing import Any

import orjson

from newsnorm.model import SCHEMA_VERSION, Article

SCHEMA_ID = f"urn:newsnorm:schema:article:v{SCHEMA_VERSION}"
SCHEMA_FILE_NAME = f"article.v{SCHEMA_VERSION}.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Fields a record has only when its run asked for them: --explain, deduplication.
_ONLY_WHEN_ASKED = ("removed", "duplicate_of", "story")


def article_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that every record newsnorm writes satisfies."""
    generated = Article.model_json_schema(mode="serialization")
    required = [name for name in Article.model_fields if name not in _ONLY_WHEN_ASKED]
    generated["required"] = [*required, *Article.model_computed_fields]
    # A deduplicated record has both links, a record that was not has neither.
    generated["dependentRequired"] = {"story": ["duplicate_of"], "duplicate_of": ["story"]}
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **generated}


def article_schema_json() -> bytes:
    """The schema as committed in schemas/: two-space indents, a final newline."""
    return orjson.dumps(article_schema(), option=orjson.OPT_INDENT_2) + b"\n"


if __name__ == "__main__":  # `python -m newsnorm.schema > schemas/article.v1.json`
    import sys

    sys.stdout.buffer.write(article_schema_json())
