"""Following one deadline across articles: is this deadline one we know, and did it move?

Two mentions are the same deadline when their subjects share enough content words, and either
name the same due date or the later one says the date moved ("extended to", "postponed until").
Pure: the store hands in what it knows and applies the decision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

MOVED = re.compile(r"\b(?:extend(?:s|ed|ing)?|extension|postpone[sd]?|postponing|delay(?:s|ed)?|push(?:es|ed)?\s+back|"
                   r"moved?|moves|pushed|deferred|defers?|rescheduled?|brought\s+forward|advanced|bring\s+forward|"
                   r"pushes|prolong(?:s|ed)?)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""a an the of to for from in on at by and or with its their his her this that these those be is are
was were will would must should has have had it they he she we not no as into than until till before after said says
deadline deadlines monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december today tomorrow yesterday week weeks month months year years day days""".split())


@dataclass(frozen=True)
class TrackedDeadline:
    id: int
    subject: Optional[str]
    setter: Optional[str]
    due: str
    first_due: str
    context: str = ""  # the sentences of its first and latest reports
    documents: frozenset = frozenset()  # ids of the documents that reported it
    subjects: str = ""  # what each report said was due


@dataclass(frozen=True)
class Decision:
    deadline_id: Optional[int]  # None: a new deadline
    change: str  # set | repeated | extended | brought forward


@lru_cache(maxsize=4096)
def content_words(text: Optional[str]) -> frozenset[str]:
    words = _WORD.findall((text or "").lower())
    return frozenset(w[:6] for w in words if w not in _STOP and len(w) > 2)


def similarity(a: Optional[str], b: Optional[str]) -> float:
    """Share of the smaller subject's content words found in the other (stems by prefix)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


# How alike two reports must be to count as the same deadline.
SAME_DEADLINE = 0.4


def track(known: list[TrackedDeadline], subject: Optional[str], setter: Optional[str], due: str,
          sentence: str, document: Optional[int] = None) -> Decision:
    """Which known deadline (if any) this report is about, and whether it moved the date."""
    moved = bool(MOVED.search(sentence))
    best, best_score = None, 0.0
    for d in known:
        score = max(similarity(subject, d.subjects or d.subject), similarity(sentence, d.subjects or d.subject) * 0.9,
                    similarity(sentence, d.context) * 0.8)
        if setter and d.setter and setter.lower() == d.setter.lower():
            score += 0.2
        if document is not None and document in d.documents and d.due == due:
            score += 0.3  # a headline and its story's body naming the same date
        if score >= SAME_DEADLINE and (d.due == due or moved):
            if score > best_score or (score == best_score and best is not None and d.due == due):
                best, best_score = d, score
    if best is None:
        return Decision(None, "set")
    if best.due == due:
        return Decision(best.id, "repeated")
    return Decision(best.id, "extended" if due > best.due else "brought forward")


def better_subject(current: Optional[str], new: Optional[str]) -> bool:
    """Should a new report's wording of what is due replace the tracked one? When it says more."""
    return len(content_words(new)) > max(2, len(content_words(current)))
