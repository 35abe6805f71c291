"""Reading articles: files of several kinds and pages -> Document (text, title, publication date)."""
from .readers import iter_paths, read_document, read_source

__all__ = ["iter_paths", "read_document", "read_source"]
