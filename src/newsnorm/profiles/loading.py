"""Reading profile files: one file, the files of directories, the *.toml of an importable
package (what a distribution's `newsnorm.profiles` entry point names), the paths in
NEWSNORM_PROFILES. Every profile is checked whole as it loads; the first problem is a
ProfileError of one line naming the file, the profile's key and the reason."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import entry_points
from pathlib import Path

from pydantic import ValidationError

from newsnorm.errors import UsageError
from newsnorm.profiles.model import ProfileSpec

ENTRY_POINT_GROUP = "newsnorm.profiles"
ENVIRONMENT = "NEWSNORM_PROFILES"
SUFFIX = ".toml"


class ProfileError(UsageError):
    """A profile that cannot be used: `FILE: profile KEY: WHERE: REASON`, on one line."""


@dataclass(frozen=True)
class ProfileText:
    """A profile file's text and where it came from: what a run sends to the processes that
    convert its documents (see newsnorm.run.settings)."""

    origin: str
    text: str


@dataclass(frozen=True)
class Profile:
    """A checked profile: its rules and where it came from (a file, or `package:file`)."""

    spec: ProfileSpec
    origin: str
    distribution: str | None = None  # the distribution that ships it, when installed

    @property
    def key(self) -> str:
        return self.spec.key


def parse_profile(source: ProfileText, distribution: str | None = None) -> Profile:
    """The profile written in `source.text`; ProfileError when it is not a valid one."""
    try:
        data = tomllib.loads(source.text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source.origin}: not TOML: {exc}") from None
    key = data.get("key") if isinstance(data.get("key"), str) else None
    try:
        spec = ProfileSpec.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(f"{_named(source.origin, key)}: {_reason(exc)}") from None
    return Profile(spec, source.origin, distribution)


def _named(origin: str, key: str | None) -> str:
    return f"{origin}: profile {key}" if key else f"{origin}: profile without a key"


def _reason(exc: ValidationError) -> str:
    """pydantic's most telling error as `where: what`, on one line."""
    error = min(exc.errors(include_url=False), key=_telling)
    where = "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" for part in _location(error["loc"])
    ).lstrip(".")
    if error["type"] == "extra_forbidden":
        message = "unknown field"
    else:
        message = error["msg"].removeprefix("Value error, ")
    return " ".join(f"{where or 'profile'}: {message}".split())


# A rule is a string or a table: for a table, "is no string" is the other member's error.
_WRONG_MEMBER = {"string_type", "model_type", "model_attributes_type", "dict_type"}


def _telling(error: dict) -> tuple[bool, int]:
    return error["type"] in _WRONG_MEMBER, -len(error["loc"])


def _location(loc: tuple) -> list:
    """pydantic names the member of a union it tried (`str`, `NamedSelector`): not the
    author's business; the field and index are."""
    return [part for part in loc if not (isinstance(part, str) and _is_union_member(part))]


def _is_union_member(part: str) -> bool:
    return part in ("str", "NamedSelector", "NamedPattern") or part.startswith(
        ("function-after", "constrained-str")
    )


def read_text(path: Path) -> ProfileText:
    try:
        return ProfileText(str(path), path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ProfileError(f"{path}: cannot read: {reason}") from None


def load_profile(path: str | os.PathLike) -> Profile:
    """The profile in the file `path`."""
    return parse_profile(read_text(Path(path)))


def profile_texts(paths: Iterable[str | os.PathLike]) -> list[ProfileText]:
    """The texts of the profile files `paths` name: files, and the *.toml files of
    directories (sorted by name, not recursive), each checked on the way."""
    texts = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            texts += [read_text(file) for file in sorted(path.glob(f"*{SUFFIX}"))]
        elif path.is_file():
            texts.append(read_text(path))
        else:
            raise ProfileError(f"{path}: no such profile file or directory")
    for text in texts:
        parse_profile(text)
    return texts


def profiles_in_paths(paths: Iterable[str | os.PathLike]) -> list[Profile]:
    """The profiles in files and directories (their *.toml files)."""
    return [parse_profile(text) for text in profile_texts(paths)]


def profiles_in_package(package: str, distribution: str | None = None) -> list[Profile]:
    """The profiles in every *.toml file of the importable `package`, sorted by file name."""
    try:
        files = resources.files(package)
    except (ModuleNotFoundError, TypeError) as exc:
        raise ProfileError(f"{package}: cannot import the profile package: {exc}") from None
    found = sorted(
        (item for item in files.iterdir() if item.name.endswith(SUFFIX) and item.is_file()),
        key=lambda item: item.name,
    )
    texts = [ProfileText(f"{package}:{item.name}", item.read_text("utf-8")) for item in found]
    return [parse_profile(text, distribution) for text in texts]


def installed_profiles(wanted: set[str] | None = None) -> list[Profile]:
    """The profiles of the `newsnorm.profiles` entry points (those named in `wanted` only,
    when given), in entry-point order."""
    profiles = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if wanted is None or ep.name in wanted:
            distribution = ep.dist.name if ep.dist is not None else None
            profiles += profiles_in_package(ep.value, distribution)
    return profiles


def environment_paths() -> list[str]:
    """The profile files and directories NEWSNORM_PROFILES names (os.pathsep-separated)."""
    value = os.environ.get(ENVIRONMENT, "")
    return [part for part in value.split(os.pathsep) if part.strip()]
