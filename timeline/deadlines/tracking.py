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
    subject_words: frozenset = frozenset()  # what each report said was due
    context_words: frozenset = frozenset()  # the first and the latest report's sentences
    in_document: bool = False  # already reported by the document now being read


@dataclass(frozen=True)
class Decision:
    deadline_id: Optional[int]  # None: a new deadline
    change: str  # set | repeated | extended | brought forward


@lru_cache(maxsize=4096)
def content_words(text: Optional[str]) -> frozenset[str]:
    words = _WORD.findall((text or "").lower())
    return frozenset(w[:6] for w in words if w not in _STOP and len(w) > 2)


def overlap(a: frozenset, b: frozenset) -> float:
    """Share of the smaller set's words found in the other (words are stems, by prefix)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# How alike two reports must be to count as the same deadline.
SAME_DEADLINE = 0.4
# Words kept per tracked deadline: enough to recognise it, not a growing transcript.
MAX_WORDS = 120


def track(known: list[TrackedDeadline], subject: Optional[str], setter: Optional[str], due: str,
          sentence: str) -> Decision:
    """Which known deadline (if any) this report is about, and whether it moved the date."""
    moved = bool(MOVED.search(sentence))
    subject_words, sentence_words = content_words(subject), content_words(sentence)
    best, best_score = None, 0.0
    for d in known:
        score = max(overlap(subject_words, d.subject_words), overlap(sentence_words, d.subject_words) * 0.9,
                    overlap(sentence_words, d.context_words) * 0.8)
        if setter and d.setter and setter.lower() == d.setter.lower():
            score += 0.2
        if d.in_document and d.due == due:
            score += 0.3  # a headline and its story's body naming the same date
        if score >= SAME_DEADLINE and (d.due == due or moved):
            if score > best_score or (score == best_score and best is not None and d.due == due):
                best, best_score = d, score
    if best is None:
        return Decision(None, "set")
    if best.due == due:
        return Decision(best.id, "repeated")
    return Decision(best.id, "extended" if due > best.due else "brought forward")


def words_text(words) -> str:
    """Word sets as stored in the deadlines table: sorted, space-separated, capped."""
    return " ".join(sorted(words)[:MAX_WORDS])


def better_subject(current: Optional[str], new: Optional[str]) -> bool:
    """Should a new report's wording of what is due replace the tracked one? When it says more."""
    return len(content_words(new)) > max(2, len(content_words(current)))
