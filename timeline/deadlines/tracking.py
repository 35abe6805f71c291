"""Following one deadline across articles: is this deadline one we know, did it move, did it end?

Two reports are the same deadline when their subjects share enough content words, their setters
(where both are named) are the same actor, and either they name the same due date or the later
one says the date moved ("extended to", "postponed until"). A report that the deadline was
withdrawn, lifted or met ends it. Reports are read in publication order, whatever order the
articles were added in. Pure: the store hands in what it knows and applies the decision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .nouns import DEADLINE_NOUN
from ..heads import compile_skipping

MOVED = compile_skipping(r"\b(?:extend(?:s|ed|ing)?|extension|postpone[sd]?|postponing|delay(?:s|ed)?|push(?:es|ed)?\s+back|"
                         r"moved?|moves|pushed|deferred|defers?|rescheduled?|brought\s+forward|advanced|bring\s+forward|"
                         r"pushes|prolong(?:s|ed)?)\b", re.IGNORECASE)
# A deadline ended: "the ultimatum was withdrawn", "ECOWAS lifted its deadline", "the deadline was
# scrapped"; or met: "agreed a deal before the deadline", "met the deadline".
_ENDED = compile_skipping(
    rf"\b(?P<verb>withdr[ae]w\w*|lift\w*|scrap\w*|drop\w*|rescind\w*|revok\w*|cancel\w*|call\w*\s+off|abandon\w*)\b"
    rf"[^.;]{{0,40}}?\b{DEADLINE_NOUN}\b|"
    rf"\b{DEADLINE_NOUN}\b[^.;]{{0,40}}?\b(?:was|were|has\s+been|had\s+been|is|been)\s+(?:\w+\s+)?"
    r"(?P<passive>withdrawn|lifted|scrapped|dropped|rescinded|revoked|cancell?ed|called\s+off|abandoned)\b", re.IGNORECASE)
# Met: something done before the deadline ("agreed a deal before the deadline", "filed ahead of the
# deadline", "were submitted before the deadline"), or the deadline met ("met the regulator's December
# 14 deadline", "meeting the deadline"); not a deadline to meet ("must meet", "failed to meet").
_DEADLINE_NAMED = (rf"(?:(?:the|its|their|his|her)\s+)?(?:[\w.&-]+(?:'s|\u2019s)\s+)?(?:[\w.,-]+\s+){{0,3}}?"
                   rf"{DEADLINE_NOUN}\b")
_MET = compile_skipping(rf"\b(?:agreed|reached|signed|struck|sealed|met|beat|complied|filed|submitted|delivered|lodged|paid|"
                        rf"registered|returned|handed\s+in|sent|completed|finished)\b[^.;]{{0,60}}?\b(?:before|ahead\s+of|by|within)\s+"
                        rf"{_DEADLINE_NAMED}|\b(?:met|beat)\s+{_DEADLINE_NAMED}|(?:,\s*|\b(?:was|were)\s+)(?:meeting|beating)\s+{_DEADLINE_NAMED}",
                        re.IGNORECASE)
# A deadline still to meet, or missed: the words before "met"/"meeting" that undo it.
_NOT_MET = compile_skipping(r"\b(?:to|must|will|would|could|should|may|might|can|cannot|can't|need|needs|failed|fail|fails|"
                            r"unable|struggl\w*|not|n't|never|missed|miss|hopes?|aims?|expects?|on\s+track)\s+(?:\w+\s+){0,2}?"
                            r"(?:met|meeting|meet|beat|beating)\b", re.IGNORECASE)
ENDINGS = ("withdrawn", "lifted", "met")


@lru_cache(maxsize=4096)
def ended(sentence: str) -> Optional[str]:
    """How the sentence says a deadline ended: withdrawn, lifted or met; None if it does not."""
    m = _ENDED.search(sentence)
    if m:
        verb = (m.group("verb") or m.group("passive")).lower()
        return "lifted" if verb.startswith("lift") else "withdrawn"
    met = _MET.search(sentence)
    if met is None or _NOT_MET.search(sentence, max(0, met.start() - 40), met.start() + 12):
        return None
    return "met"


_WORD = compile_skipping(r"[a-z0-9]+")
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
    open: bool = True  # not withdrawn, lifted or met


@dataclass(frozen=True)
class Decision:
    deadline_id: Optional[int]  # None: a new deadline
    change: str  # set | repeated | extended | brought forward | withdrawn | lifted | met


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


def same_actor(setter: Optional[str], d: TrackedDeadline) -> bool:
    """Could this report's setter be the one who set `d`? Unknown ones could; a named one must be
    named in what `d`'s reports said ("the union" in "The dockworkers' union said ...")."""
    if not setter or not d.setter:
        return True
    words = content_words(setter)
    return bool(words & (content_words(d.setter) | d.context_words | d.subject_words)) or \
        setter.lower() in d.setter.lower() or d.setter.lower() in setter.lower()


# Below this much shared wording, bonuses for the same setter or the same article do not make two
# reports one deadline: unrelated stories that share a due date stay apart.
LEAST_WORDING = 0.25


def track(known: list[TrackedDeadline], subject: Optional[str], setter: Optional[str], due: Optional[str],
          sentence: str) -> Decision:
    """Which known deadline (if any) this report is about, and what it says happened to it. `due`
    is None for a report that names no due date (one that only says the deadline ended)."""
    moved = bool(MOVED.search(sentence))
    ending = ended(sentence)
    subject_words, sentence_words = content_words(subject), content_words(sentence)
    best, best_score = None, 0.0
    for d in known:
        headline_and_body = d.in_document and d.due == due  # one article naming its date twice
        # an ended deadline takes no more reports of an ending, but those of the article that ended it
        if (not same_actor(setter, d) and not headline_and_body) or (ending and not d.open and not d.in_document):
            continue
        wording = max(overlap(subject_words, d.subject_words), overlap(sentence_words, d.subject_words) * 0.9,
                      overlap(sentence_words, d.context_words) * 0.8)
        score = wording
        if setter and d.setter:
            score += 0.2
        if headline_and_body:
            score += 0.3
        elif wording < LEAST_WORDING:
            continue
        if score >= SAME_DEADLINE and (d.due == due or moved or ending):
            if score > best_score or (score == best_score and best is not None and d.due == due):
                best, best_score = d, score
    if ending:
        return Decision(best.id if best else None, ending)
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
