"""Kind, interval and due date of one timex in its sentence: pure, no I/O."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Optional

from ..engine import calendar as cal
from ..engine import lexicon
from ..engine.rules import alternation
from ..engine.tense import NAMED_DEADLINE, OBLIGATION, PAST, clause_tense
from ..model import Mention, Timex
from .cues import (SCHEDULE_CUES, SPAN_FROM_NOW, SPAN_GIVEN, SPAN_IN, SPAN_TO_ACT,
                   SPAN_WITHIN, find_cue)

_CLAUSE_START = re.compile(r"[;:\u201c\"(]|,\s(?=(?:and|but|while|which|who|as|after|before)\b)|\.\s")
# Verbs by which someone reports, sets or moves a deadline.
_SETTING_VERBS = "(?:" + alternation(list(lexicon.REPORTING_VERBS) + """vowed vows warned warns announces declared gave
    gives set sets ordered orders demanded demands threatened threatens insisted insists pledged promised decided
    ruled stated wrote urged repeated extended extends postponed imposed imposes issued issues""".split()) + ")"
# Who set it: the noun phrase before such a verb ("the union said", "Erdogan vowed", "the court
# gave ... until"), at most eight words from the start of its clause.
_SETTER = re.compile(
    r"(?:^|[,;:\u201c\u201d\"]\s*|\b(?:that|and|but)\s+)(?P<who>(?:[\w'\u2019.-]+\s+){0,7}?[\w'\u2019.-]+)\s+"
    rf"(?:has\s+|have\s+|had\s+)?{_SETTING_VERBS}\b")
_LATER_PART_OF_DAY = re.compile(r"T(?:EV|NI|AF)$")
# What is due: from the last infinitive or modal of the clause up to the cue...
_ACTION_START = re.compile(r"\b(?:to|must|will|should|shall|has\s+to|have\s+to|needs?\s+to|would)\s+(?=\w)")
_CUE_AT_END = re.compile(r"\s*\b(?:by|until|till|before|no\s+later\s+than|on|at|within|in|due|deadline|is|the\s+deadline)"
                         r"(?:\s+(?:the\s+)?(?:close\s+of\s+business|end\s+of\s+business|midnight|noon))?(?:\s+on)?\s*$",
                         re.IGNORECASE)
# ... and on past the date when the sentence goes on to say where or what ("from the vicinity of Idlib").
# A comma or full stop inside a number ("5.8 billion", "1,500 troops") does not end it.
_ACTION_TAIL = re.compile(r"^[\s\u201d\"']*((?:from|of|on|in|for|to|against|with)\b(?:[^,;.\u201c\u201d\"]|(?<=\d)[.,](?=\d))*)")
_NOT_A_NAME = re.compile(r"^(?:The|This|That|These|Those|It|He|She|They|We|But|And|" + "|".join(
    w.capitalize() for w in list(lexicon.WEEKDAYS) + list(lexicon.MONTHS)) + r")$")
# "The port authority said (that) it would...": the report frame before the actor.
_REPORTED = re.compile(rf"^.*\b{_SETTING_VERBS}(?:\s+\w+)??\s+(?:that\s+)?(?=\S)", re.IGNORECASE)
_NOT_A_SETTER = re.compile(r"^(?:it|this|that|which|what|there|officials?\s+(?:on|at)\b)", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|it)$", re.IGNORECASE)
# A named actor earlier in the story, to take a pronoun back to: "Erdogan vowed", "Erdogan has massed".
_PROPER_SUBJECT = re.compile(r"\b((?:[A-Z][\w'\u2019-]+\s+){0,3}[A-Z][\w'\u2019-]+)\s+"
                             rf"(?:(?:has|had|is|was)\b|{_SETTING_VERBS}\b)")


def interval_of(t: Timex) -> tuple[Optional[str], Optional[str]]:
    if t.type not in ("DATE", "TIME"):
        return None, None
    span = cal.interval(t.value, t.mod)
    return span if span else (None, None)


def classify(t: Timex, text: str, sentence: tuple[int, int], published: datetime) -> Mention:
    """Read one timex for the product: its interval, kind, due date and, for deadlines, subject."""
    s_start, s_end = sentence
    sentence_text = " ".join(text[s_start:s_end].split())
    clause_from = s_start
    for m in _CLAUSE_START.finditer(text, s_start, t.start):
        clause_from = m.end()
    before = text[clause_from:t.start]
    after = text[t.end:s_end]

    def tense() -> int:  # read only where the kind depends on it
        return clause_tense(text, t.start, t.end, s_start, s_end)
    earliest, latest = interval_of(t)
    base = dict(text=t.text, start=t.start, end=t.end, sentence=sentence_text, type=t.type, value=t.value,
                mod=t.mod, earliest=earliest, latest=latest)

    if t.type == "SET":
        return Mention(kind="recurring", **base)

    if t.type == "DURATION":
        # "within 14 days", "has 72 hours to withdraw", "30 days from today" count down from publication;
        # "will take three years to complete" does not.
        span_deadline = SPAN_WITHIN.search(before[-40:]) or SPAN_FROM_NOW.match(after) or (
            SPAN_TO_ACT.match(after) and SPAN_GIVEN.search(before[-40:]))
        due = cal.add_duration(published, t.value) if "X" not in t.value else None
        if span_deadline and due is not None:
            subject, setter = _subject(text, clause_from, t, s_start, s_end, None)
            due_s = due.date().isoformat()
            base.update(earliest=published.date().isoformat(), latest=due_s)
            return Mention(kind="deadline", due=due_s, subject=subject, setter=setter,
                           cue=span_deadline.group(0).strip(), **base)
        if SPAN_IN.search(before[-6:]) and due is not None and tense() != PAST:
            d = due.date().isoformat()
            base.update(earliest=d, latest=d)
            return Mention(kind="scheduled", cue="in", **base)
        return Mention(kind="duration", **base)

    if earliest is None:
        kind = "scheduled" if t.value == "FUTURE_REF" else "event"
        return Mention(kind=kind, **base)

    cue = find_cue(before)
    named = NAMED_DEADLINE.match(after)
    ahead = latest is not None and latest[:10] >= published.date().isoformat()
    # A weak cue ("by", "until") marks a deadline for a date still ahead, or where the clause
    # states an obligation ("had to be signed by Friday"); "sales climbed by 1990" is not one.
    if named or (cue is not None and (cue.strong or ahead or OBLIGATION.search(before))):
        subject, setter = _subject(text, clause_from, t, s_start, s_end, named)
        return Mention(kind="deadline", due=latest, subject=subject, setter=setter,
                       cue=cue.name if cue else named.group(0).strip(), **base)

    today = published.date()
    first = date.fromisoformat(earliest[:10])
    if first > today:
        kind = "scheduled"
    elif first == today and latest and date.fromisoformat(latest[:10]) == today and (
            _LATER_PART_OF_DAY.search(t.value) or SCHEDULE_CUES.search(before) or tense() > 0):
        kind = "scheduled" if tense() != PAST else "event"
    else:
        kind = "event"
    cue_m = SCHEDULE_CUES.search(before) if kind == "scheduled" else None
    return Mention(kind=kind, cue=cue_m.group(0) if cue_m else None, **base)


def _subject(text: str, clause_from: int, t: Timex, s_start: int, s_end: int,
             named: Optional[re.Match]) -> tuple[Optional[str], Optional[str]]:
    """What is due and who set it, as far as the sentence says: "drive away regime forces ...".
    `named` is the word naming the date a deadline ("a March 29 deadline"), matched after it."""
    before = text[clause_from:t.start]
    after = text[t.end + (named.end() if named else 0):s_end]
    # The action: from the last infinitive or modal in the clause up to the cue.
    m = None
    for m in _ACTION_START.finditer(before):
        pass
    action = before[m.end():] if m else before
    if named and m is None:
        # "The court set a March 29 deadline for the government to respond": what is due follows
        # the deadline; the words before it say who set it.
        action = ""
    action = _CUE_AT_END.sub("", action.strip(" ,\u201c\u201d\"'"))
    tail = _ACTION_TAIL.match(after)
    if tail:
        action = f"{action} {tail.group(1).strip()}" if action else re.sub(r"^for\s+", "", tail.group(1).strip())
    action = " ".join(action.split()).strip(" ,.;:\u201c\u201d\"'")
    setter = _setter(text, s_start, s_end)
    if m and m.group(0).strip() != "to" and (action.startswith("be ") or len(action.split()) <= 2):
        # "must be submitted", "would respond": say who or what, from the words before the modal.
        actor = _REPORTED.sub("", before[:m.start()]).strip(" ,\u201c\u201d\"'")
        if _PRONOUN.match(actor) and setter:
            actor = setter
        if actor and len(actor.split()) <= 8:
            action = f"{actor} {m.group(0).strip()} {action}"
    return (action or None), setter


def _setter(text: str, s_start: int, s_end: int) -> Optional[str]:
    """Who set it: the speaker or the body the sentence names, a pronoun taken back to a name."""
    setter = None
    who = _SETTER.search(text[s_start:s_end])
    if who and not _NOT_A_SETTER.match(who["who"]):
        setter = " ".join(who["who"].split())
        setter = re.sub(r"^(?:The|the)\s+", "", setter)
        if _PRONOUN.match(setter):
            names = [m.group(1) for m in _PROPER_SUBJECT.finditer(text, max(0, s_start - 1500), s_start)
                     if not _NOT_A_NAME.match(m.group(1))]
            if names:
                setter = names[-1]
    return setter
