"""The published JSON Schema of profile files (schemas/profile.v1.json), generated from the
model: `python -m newsnorm.profiles.schema > schemas/profile.v1.json` (`make schema`)."""

from __future__ import annotations

from typing import Any

import orjson

from newsnorm.profiles.model import ProfileSpec
from newsnorm.schema import DIALECT

PROFILE_SCHEMA_VERSION = "1"
SCHEMA_ID = f"urn:newsnorm:schema:profile:v{PROFILE_SCHEMA_VERSION}"
SCHEMA_FILE_NAME = f"profile.v{PROFILE_SCHEMA_VERSION}.json"


def profile_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every valid profile file, read as TOML, satisfies."""
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **ProfileSpec.model_json_schema()}


def profile_schema_json() -> bytes:
    """The schema as committed in schemas/: two-space indents, a final newline."""
    return orjson.dumps(profile_schema(), option=orjson.OPT_INDENT_2) + b"\n"


def reference_table(schema: dict[str, Any] | None = None) -> str:
    """The profile reference of docs/plugins.md: a Markdown table of every field (tables'
    fields as `html.remove`), its type, whether it is required and its description, read
    from the schema, so that the docs cannot drift from it (a test compares them)."""
    schema = schema or profile_schema()
    rows = ["| field | type | required | description |", "| --- | --- | --- | --- |"]
    rows += _rows(schema, schema["$defs"], "")
    return "\n".join(rows) + "\n"


def _rows(table: dict[str, Any], defs: dict[str, Any], prefix: str) -> list[str]:
    rows = []
    required = set(table.get("required", ()))
    for name, field in table["properties"].items():
        path = prefix + name
        kind = "yes" if name in required else "no"
        rows.append(f"| `{path}` | {_type(field, defs)} | {kind} | {field['description']} |")
        if "$ref" in field:
            rows += _rows(defs[_ref_name(field)], defs, path + ".")
    return rows


def _type(field: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in field:
        inner = defs[_ref_name(field)]["properties"]
        return (
            "table"
            if "selector" not in inner and "pattern" not in inner
            else ("table {" + ", ".join(inner) + "}")
        )
    if "anyOf" in field:
        kinds = [_type(member, defs) for member in field["anyOf"] if member != {"type": "null"}]
        return " or ".join(kinds)
    if field["type"] == "array":
        return f"list of ({_type(field['items'], defs)})"
    return field["type"]


def _ref_name(field: dict[str, Any]) -> str:
    return field["$ref"].rsplit("/", 1)[-1]


if __name__ == "__main__":
    import sys

    sys.stdout.buffer.write(profile_schema_json())
