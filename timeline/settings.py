"""Numbers a user may set in the environment (`TIMELINE_MAX_BYTES`, `TIMELINE_LOCK_WAIT`,
`TIMELINE_FETCH_TIMEOUT`): read the same way everywhere, the default where unset or unreadable."""
from __future__ import annotations

import os
from typing import Optional


def env_number(name: str, default: float, minimum: Optional[float] = None, kind: type = float):
    """`$name` as a number of `kind` (at least `minimum`), else `default`."""
    try:
        value = kind(os.environ.get(name, default))
    except ValueError:
        return default
    return value if minimum is None else max(minimum, value)
