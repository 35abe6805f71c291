"""Reading articles: files of several kinds -> Document (text, title, publication date)."""
from .readers import iter_paths, read_document

__all__ = ["iter_paths", "read_document"]
