"""Work that makes many small objects and next to no reference cycles (reading a text, writing a
calendar of a whole store) runs with Python's cycle collector paused: it would otherwise go over
every object made so far again and again. What cycles there are wait for its next run."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def without_cycle_collection():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
