"""newsnorm: raw news documents in, clean canonical article records out."""

from newsnorm.document import Block, Document, ImageRef, Metadata, OutletProfile, Source
from newsnorm.errors import NewsnormError, NormalizeError, UnknownOutletError
from newsnorm.hookspecs import hookimpl
from newsnorm.model import Article
from newsnorm.pipeline import normalize
from newsnorm.version import __version__

__all__ = [
    "Article",
    "Block",
    "Document",
    "ImageRef",
    "Metadata",
    "NewsnormError",
    "NormalizeError",
    "OutletProfile",
    "Source",
    "UnknownOutletError",
    "__version__",
    "hookimpl",
    "normalize",
]
