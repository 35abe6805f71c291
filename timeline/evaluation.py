"""`timeline eval`: score a folder of system TimeML (or the engine run live) against gold."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

from .engine import tag
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
            started = time.perf_counter()
            system = tag(gold.text, dct_datetime(gold.dct))
            seconds += time.perf_counter() - started
        else:
            candidate = Path(system_dir) / path.name
            system = read_timeml(candidate).gold if candidate.exists() else []
        score_document(score, gold.id, gold.gold, system)
    return score, seconds, words
