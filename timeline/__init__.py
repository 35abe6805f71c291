"""timeline: dated mentions in news articles, resolved, stored and shown as a timeline and deadlines.

The Python interface (see `timeline.api`): `extract`, `open_store`, `add`, `list_deadlines`.
"""

__version__ = "0.1.0"


def __getattr__(name):
    # Imported on first use, so that `timeline --help` stays quick to start.
    if name in ("extract", "open_store", "add", "list_deadlines"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
