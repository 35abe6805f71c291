"""`timeline eval`: score a folder of system TimeML (or the engine run live) against gold."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from .engine import tag
from .errors import TimelineError
from .timeml import Score, dct_datetime, read_timeml, score_document, timeml_files


def evaluate_folder(gold_dir: Path, system_dir: Optional[Path] = None) -> tuple[Score, float, int]:
    """Score every gold document; returns the score, seconds spent tagging and words tagged."""
    score = Score()
    seconds = 0.0
    words = 0
    for path in timeml_files(gold_dir):
        gold = read_timeml(path)
        words += len(gold.text.split())
        if system_dir is None:
            if not gold.dct:
                raise TimelineError(f"{path}: no DCT to read the document from; gold TimeML has <DCT><TIMEX3 value=...>")
            try:
                dct = dct_datetime(gold.dct)
            except TimelineError as e:
                raise TimelineError(f"{path}: {e}") from None
            started = time.perf_counter()
            system = tag(gold.text, dct)
            seconds += time.perf_counter() - started
        else:
            candidate = Path(system_dir) / path.name
            system = read_timeml(candidate).gold if candidate.exists() else []
        score_document(score, gold.id, gold.gold, system)
    return score, seconds, words
