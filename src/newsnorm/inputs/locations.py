"""Inputs named by URL (`file://`, `s3://`, `gs://`, `https://`, `memory://`, any filesystem
fsspec knows) and by glob pattern: what they name, how to open it, how large it is.
Local paths never come through here as URLs: they keep their pathlib names."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # fsspec (~30 ms, 4.5 MiB resident) is imported when a URL is first read
    import fsspec

GLOB_CHARS = ("*", "?", "[")
NO_SUCH_FILE = "no such file or directory"
NO_MATCH = "no file matches this pattern"
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Schemes whose filesystem lives in a package of its own: the extra that installs it.
_EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs", "http": "http", "https": "http"}
# A "?" in a web address starts its query, and servers list no directories: never globbed.
_WEB = ("http", "https")


class LocationError(OSError):
    """An input named by URL or glob that cannot be listed or opened (the message says why).
    An OSError, so a document at such a location fails at read like a missing file."""


def is_url(raw: str) -> bool:
    """Whether `raw` names its filesystem (`scheme://...`); a local path never does."""
    return _URL.match(raw) is not None


def is_glob(raw: str) -> bool:
    return any(char in raw for char in GLOB_CHARS)


def scheme(url: str) -> str:
    return url.split("://", 1)[0].lower()


def filesystem(url: str) -> tuple[fsspec.AbstractFileSystem, str]:
    """The filesystem of `url` and the path on it; LocationError naming the extra to
    install when its filesystem package is missing, or when no filesystem knows it."""
    from fsspec.core import url_to_fs

    try:
        return url_to_fs(url)
    except ImportError as exc:
        raise LocationError(_missing_package(url, exc)) from exc
    except ValueError as exc:  # fsspec's "Protocol not known"
        raise LocationError(str(exc)) from exc


def _missing_package(url: str, exc: ImportError) -> str:
    extra = _EXTRAS.get(scheme(url))
    if extra is None:
        return f"reading {scheme(url)}:// needs a package not installed ({exc})"
    return f"reading {scheme(url)}:// needs pip install 'newsnorm[{extra}]' ({exc})"


@contextlib.contextmanager
def open_location(location: str) -> Iterator[BinaryIO]:
    """A local path or a URL, opened for reading bytes as they are stored (gzip data is
    sniffed by the readers, never by fsspec). The stream can seek, or at least peek."""
    if not is_url(location):
        with open(location, "rb") as stream:
            yield stream
        return
    fs, path = filesystem(location)
    try:
        opened = fs.open(path, "rb")
    except FileNotFoundError as exc:
        raise LocationError(NO_SUCH_FILE) from exc
    except OSError:
        raise
    except Exception as exc:  # credentials, network: each backend raises its own type
        raise LocationError(f"cannot open: {type(exc).__name__}: {exc}") from exc
    with opened as stream:
        # fsspec's own files cannot peek (gzip sniffing of a stream that cannot seek) nor
        # read lines of at most N bytes (the JSON Lines reader): a standard buffer can.
        yield stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(stream)


def location_size(location: str) -> int | None:
    """The bytes of the file at a URL when its filesystem knows them, else None."""
    try:
        fs, path = filesystem(location)
        size = fs.size(path)
    except Exception:  # each filesystem fails its own way; the size is only an estimate
        return None
    return size if isinstance(size, int) else None


def expand_url(raw: str, wanted: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, location) of each file a URL names: itself, each file matching its glob, or
    each file under it when it names a directory (a prefix on object storage) whose name
    ends in one of `wanted` (also gzipped), hidden files and folders left out; sorted.
    Names keep the URL as given; LocationError when it names nothing there is."""
    fs, path = filesystem(raw)
    web = scheme(raw) in _WEB
    try:
        if is_glob(path) and not web:
            return _glob_matches(raw, fs, path, wanted)
        if not web and fs.isdir(path):
            return _directory_files(raw.rstrip("/"), fs, path.rstrip("/"), wanted)
        if not fs.exists(path):
            raise LocationError(NO_SUCH_FILE)
    except LocationError:
        raise
    except Exception as exc:  # credentials, network, permissions: each backend its own type
        raise LocationError(f"cannot list: {type(exc).__name__}: {exc}") from exc
    return [(raw, raw)]


def _glob_matches(
    raw: str, fs: fsspec.AbstractFileSystem, pattern: str, wanted: tuple[str, ...]
) -> list[tuple[str, str]]:
    matches = fs.glob(pattern, detail=True)
    if not matches:
        raise LocationError(NO_MATCH)
    # The part before the pattern's first wildcard is spelled as the user spelled it.
    raw_base, path_base = _literal_base(raw), _literal_base(pattern)
    found: list[tuple[str, str]] = []
    for match in sorted(matches, key=_path_order):
        name = raw_base + match[len(path_base) :] if match.startswith(path_base) else None
        location = fs.unstrip_protocol(match)
        if matches[match].get("type") == "directory":
            found += _directory_files((name or location).rstrip("/"), fs, match, wanted)
        else:
            found.append((name or location, location))
    return found


def _literal_base(pattern: str) -> str:
    """`pattern` up to the folder of its first wildcard: "s3://b/x/*.gz" is "s3://b/x/"."""
    first = min(pattern.index(char) for char in GLOB_CHARS if char in pattern)
    return pattern[: pattern.rfind("/", 0, first) + 1]


def _directory_files(
    name: str, fs: fsspec.AbstractFileSystem, path: str, wanted: tuple[str, ...]
) -> list[tuple[str, str]]:
    found = []
    for file in sorted(fs.find(path), key=_path_order):
        relative = file[len(path) :].lstrip("/")
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        if relative.lower().removesuffix(".gz").endswith(wanted):
            found.append((f"{name}/{relative}", fs.unstrip_protocol(file)))
    return found


def _path_order(path: str) -> list[str]:
    """Folder by folder, as a local directory walk sorts ("a/x" before "a-b/x")."""
    return path.split("/")
