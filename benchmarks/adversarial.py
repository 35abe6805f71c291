"""Extraction time on hostile text: does it grow with the text, not with its square?

    python benchmarks/adversarial.py                  # 10 KB, 100 KB and 1 MB of each kind
    python benchmarks/adversarial.py --sizes 10000 100000

Each kind repeats one unit until the size is reached: month names with nothing else, full stops,
digits, a list of dates, weekday deadlines, and a long run of prose without a full stop; then one
article full of deadline reports, stored (tracking each report). Prints the
time, the mentions found and the ratio to the previous size (10 for linear growth at tenfold sizes).
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.model import Document  # noqa: E402
from timeline.pipeline import extract  # noqa: E402

KINDS = {
    "month names": "March ",
    "full stops": ". ",
    "digits": "12 ",
    "date list": "March 3, 2020, ",
    "weekday deadlines": "by Friday ",
    "prose, no full stop": "the council said the vote would follow the talks on the budget and ",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = ap.parse_args()
    print(f"{'kind':22}" + "".join(f"{f'{s // 1000} KB':>26}" for s in args.sizes))
    for name, unit in KINDS.items():
        cells, previous = [], None
        for size in args.sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            start = time.perf_counter()
            n = len(extract(Document(text, "", datetime(2020, 2, 13), "flag")).mentions)
            seconds = time.perf_counter() - start
            ratio = f" x{seconds / previous:.1f}" if previous and previous > 0.01 else ""
            cells.append(f"{seconds:8.2f} s {n:7d} m{ratio:>6}")
            previous = seconds
        print(f"{name:22}" + "".join(f"{c:>26}" for c in cells), flush=True)
    storing(args.sizes)


def storing(sizes: list[int]) -> None:
    """One article holding many deadline reports, stored: tracking must stay linear in them."""
    import random
    import tempfile

    from timeline.store import Store

    rnd = random.Random(1)
    cells, previous = [], None
    for size in sizes:
        parts, length = [], 0
        while length < size:
            sentence = (f"The {rnd.choice(['union', 'council', 'bank', 'court'])} said {rnd.choice(['tenants', 'firms'])} "
                        f"must {rnd.choice(['pay', 'file', 'leave'])} by {rnd.choice(['Friday', 'Monday', 'March 3'])}. ")
            parts.append(sentence)
            length += len(sentence)
        extraction = extract(Document("".join(parts), "", datetime(2020, 2, 13), "flag"))
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(str(Path(tmp) / "t.db"))
            start = time.perf_counter()
            store.add(extraction)
            seconds = time.perf_counter() - start
            store.close()
        ratio = f" x{seconds / previous:.1f}" if previous and previous > 0.01 else ""
        cells.append(f"{seconds:8.2f} s {len(extraction.mentions):7d} m{ratio:>6}")
        previous = seconds
    print(f"{'stored (one article)':22}" + "".join(f"{c:>26}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
