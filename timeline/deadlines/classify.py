"""Kind, interval and due date of one timex in its sentence: pure, no I/O.

The words that govern a date decide what it is to a reader: the cue right before it ("by",
"until", "the deadline is", "expires on"), the words right after it ("a Friday deadline", "Today
is the deadline", "... passed"), the verb it dates ("said on Monday", "The court on Monday asked")
and the plan or obligation of its clause. Spans that count down ("gave him 48 hours to leave", "a
10-day ultimatum") fall due that long after the day they were set, where the sentence names it,
else after publication.
"""
from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime, timedelta
from typing import Iterable, NamedTuple, Optional, Sequence

from ..engine import calendar as cal
from ..engine.rules import parse_number
from ..engine.tense import BY_THE_TIME, DEADLINE_WITHIN, LISTED_FOR, OBLIGATION, POSSESSIVE, TENSE_REACH, clause_tense
from ..model import Mention, Timex
from . import cues as c
from .nouns import APPOSED_AFTER, APPOSED_BEFORE
from .roles import LETS_ACT, read_roles
from ..heads import compile_skipping

# A full stop inside a sentence before a number or a small letter is an abbreviation's ("Nov. 1, is now
# Nov. 30", "the U.S. might be slipping").
_CLAUSE_START = compile_skipping(r"[;:\u201c\"]|,\s(?=(?:and|but|while|as|after|before)\b)|\.\s(?![\da-z])")
_LATER_PART_OF_DAY = compile_skipping(r"T(?:EV|NI|AF|24:00)$")  # midnight named with its day is that day's end


class Neighbour(NamedTuple):
    """Another mention of the same sentence: where it is and, once read, the days it names."""
    start: int
    end: int
    earliest: Optional[str] = None
    latest: Optional[str] = None
    kind: Optional[str] = None


@lru_cache(maxsize=8)
def _one_line(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


@lru_cache(maxsize=64)
def _clause_before(text: str, s_start: int, at: int) -> str:
    """The words of the clause before offset `at`, within reach."""
    clause_from = max(s_start, at - TENSE_REACH)
    for m in _CLAUSE_START.finditer(text, clause_from, at):
        if m.group(0) == ":" and c.LABEL_COLON.search(text, clause_from, m.end()):
            continue  # "Deadline: March 3": the label is the clause's head, not a clause before it
        if m.group(0) in "\"\u201c" and (_SCARE_QUOTE.match(text, m.start()) or _SCARE_QUOTE_END.search(text, clause_from, m.end())):
            continue  # 'sign up for "hardcore" work': a word in quotation marks, no clause of its own
        clause_from = m.end()
    # A bracket still open before the date starts the clause ("(due by Friday"); one closed before
    # it is an aside inside the clause ("the deadline for filing returns (ITRs) is July 31").
    opened = text.rfind("(", clause_from, at)
    if opened >= 0 and text.find(")", opened, at) < 0:
        clause_from = opened + 1
    return text[clause_from:at]


# A word or three in quotation marks inside a clause, by its opening and by its closing mark.
_SCARE_QUOTE = compile_skipping(r"[\"\u201c][\w'\u2019-]+(?:\s[\w'\u2019-]+){0,2}[\"\u201d]")
_SCARE_QUOTE_END = compile_skipping(_SCARE_QUOTE.pattern + "$")


# A day counted as a span from another: "a month from Monday", "two weeks from today".
_COUNTED_FROM_DAY = compile_skipping(r"^(?:an?|\w+)(?:\s+\w+)?\s+(?:days?|weeks?|fortnights?|months?|years?)\s+from\s+", re.IGNORECASE)


# The start of an attribution after the clause it reports: ", the company said".
_ATTRIBUTION_OPENS = compile_skipping(r",\s+(?:[\w.'\u2019-]+\s+){1,5}$")


# What the words before a date say, read once for all the items of a list that share them.
_search = lru_cache(maxsize=256)(lambda pattern, before: pattern.search(before))
_find_cue = lru_cache(maxsize=64)(c.find_cue)
_clause_tense = lru_cache(maxsize=64)(clause_tense)


_day = lru_cache(maxsize=1024)(date.fromisoformat)
_iso = lru_cache(maxsize=64)(date.isoformat)


@lru_cache(maxsize=64)
def _obliged_to_deliver(before: str) -> bool:
    return bool(c.OBLIGED_TO_DELIVER.search(re.split(r"\band\b|,", before)[-1]))


def interval_of(t: Timex) -> tuple[Optional[str], Optional[str]]:
    if t.type not in ("DATE", "TIME"):
        return None, None
    try:
        span = cal.interval(t.value, t.mod)
    except (ValueError, OverflowError):
        return None, None  # a year beyond what the calendar can hold names no day
    return span if span else (None, None)


_STARTS = compile_skipping(r"(?:the\s+)?(?:start|beginning|outset|opening)\s+of\b", re.IGNORECASE)
# "earlier this month", "later this week": the part of the period before or after the day of writing.
_SO_FAR = compile_skipping(r"(?P<dir>earlier|later)\s+(?:this|in\s+the)\s+(?:week|month|year)$", re.IGNORECASE)


def _rest_of_period(t: Timex, today: date, earliest: str, latest: str) -> tuple[str, str]:
    """"earlier this month" runs from the month's first day to yesterday, "later this month" from
    tomorrow to its last day (the next week's, for "later this week" written on its last day)."""
    try:
        first, last = (_day(d[:10]) for d in cal.interval(t.value))
    except (TypeError, ValueError, OverflowError):
        return earliest, latest
    if _SO_FAR.match(t.text)["dir"].lower() == "earlier":
        return first.isoformat(), max(first, min(last, today - timedelta(days=1))).isoformat()
    if today >= last:
        first, last = last + timedelta(days=1), last + (last - first) + timedelta(days=1)
    return max(first, today + timedelta(days=1)).isoformat(), last.isoformat()


# A thing done "this week" was done by the day of writing; a month or a year stays whole ("exports
# rose this month"), as readers of the figures it dates take it.
_THIS_PERIOD = compile_skipping(r"(?:(?:during|in|within)\s+)?this\s+week$", re.IGNORECASE)
_NOW = compile_skipping(r"(?:right\s+)?now|currently|at\s+present|at\s+the\s+moment$", re.IGNORECASE)
# "two weeks ago", "six months ago": about that long before the day of writing.
_AGO = compile_skipping(r"^(?:about\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|\d{1,2})\s+(?P<unit>weeks?|months?)\s+ago$", re.IGNORECASE)
_SLACK_DAYS = {"week": 1, "month": 5}


def _around_ago(ago: re.Match, today: date, earliest: str, latest: str) -> tuple[str, str]:
    """The days about N weeks or months before the day of writing ("two weeks ago" written on
    October 7 is September 22 or 23), not the whole calendar week or month that holds that day."""
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
    n = int(ago["n"]) if ago["n"].isdigit() else words[ago["n"].lower()]
    unit = ago["unit"].lower().rstrip("s")
    day = today - timedelta(weeks=n) if unit == "week" else cal.add_months(today, -n)
    slack = timedelta(days=_SLACK_DAYS[unit])
    if unit == "week":
        # counted from the day of writing, which may be a day before the day of publication,
        # never after it: "a week ago" in a story dated October 17 is October 9 or 10
        return (day - slack).isoformat(), day.isoformat()
    return (day - slack).isoformat(), (day + slack).isoformat()


def classify(t: Timex, text: str, sentence: tuple[int, int], published: datetime,
             before_in_sentence: Sequence[Neighbour] = (), after_in_sentence: Iterable = (),
             list_head: Optional[Neighbour] = None) -> Mention:
    """Read one timex for the product: its interval, kind, due date and, for deadlines, subject
    and setter. The neighbours are the sentence's other mentions, those before it already read.
    An item of a list of dates ("by March 3, April 3 and May 3") is governed by the words before
    the list's first item, `list_head`."""
    s_start, s_end = sentence
    sentence_text = _one_line(text, s_start, s_end)
    head = list_head or Neighbour(t.start, t.end)
    before = _clause_before(text, s_start, head.start)
    after = text[t.end:min(s_end, t.end + TENSE_REACH)]
    earliest, latest = interval_of(t)
    if earliest is not None and _SO_FAR.match(t.text):
        earliest, latest = _rest_of_period(t, published.date(), earliest, latest)
    elif earliest is not None and (ago := _AGO.match(t.text)):
        earliest, latest = _around_ago(ago, published.date(), earliest, latest)
    elif t.value == "PRESENT_REF" and _NOW.match(t.text):
        # "now", "currently": the day of writing; "by now", "until now" are no deadline
        earliest = latest = _iso(published.date())
        return Mention(t.text, t.start, t.end, sentence_text, t.type, t.value, t.mod, "event", earliest, latest)

    def fields() -> dict:
        return dict(text=t.text, start=t.start, end=t.end, sentence=sentence_text, type=t.type, value=t.value,
                    mod=t.mod, earliest=earliest, latest=latest)

    def plain(kind: str, cue: Optional[str] = None) -> Mention:  # no deadline: no due date, subject or setter
        return Mention(t.text, t.start, t.end, sentence_text, t.type, t.value, t.mod, kind, earliest, latest, cue=cue)

    def deadline(due: Optional[str], cue: str, **extra) -> Mention:
        spans = [(n.start, n.end) for n in before_in_sentence if n.earliest] + [(n.start, n.end) for n in after_in_sentence]
        roles = read_roles(text, head.start, head.end, s_start, s_end, spans)
        base = fields()
        today_iso = published.date().isoformat()
        if base["earliest"] and base["latest"] and base["earliest"][:10] < today_iso <= base["latest"][:10] and "earliest" not in extra:
            base["earliest"] = today_iso  # "by the end of this year", written in December: from today on
        return Mention(kind="deadline", due=due, subject=roles.subject, setter=roles.setter, cue=cue, **{**base, **extra})

    if t.type == "SET" or t.value.startswith("XXXX"):
        return plain("recurring")  # "every Monday", and any year's "second quarter" or "March 1"
    if t.type in ("DATE", "TIME") and (_YEARLY_AFTER.match(after) or _YEARLY_BEFORE.search(before[-30:])):
        # "by January 31 every year", "March 31 of each year", "held annually in July": the day or
        # month of every year, no one day on the calendar
        return Mention(t.text, t.start, t.end, sentence_text, t.type, t.value, t.mod, "recurring", None, None)

    if t.type == "DURATION":
        return _read_span(t, text, sentence, before, after, published, before_in_sentence, fields(), deadline,
                          after_in_sentence)

    if c.SPAN_APART.match(t.text + text[t.end:t.end + 5]):
        # "a week earlier than planned", "six months later": how far apart, not a day of its own
        return Mention(t.text, t.start, t.end, sentence_text, t.type, t.value, t.mod, "duration", None, None)

    if earliest is None:
        kind = "scheduled" if t.value == "FUTURE_REF" else "event"
        return plain(kind)

    # "by the start of August" is due as August begins; any other period as it ends
    due_at = earliest if t.mod == "START" and _STARTS.match(t.text) else latest
    today = published.date()
    ahead = latest is not None and latest[:10] >= _iso(today)
    after_cue = c.AFTER_CUES.match(after) or DEADLINE_WITHIN.search(t.text) or (
        s_end - t.end < 3 and c.NEXT_SENTENCE_DEADLINE.match(text, s_end, min(len(text), s_end + 80))) or (
        APPOSED_AFTER.match(after) and APPOSED_BEFORE.search(text, max(s_start, head.start - 60), head.start))
    if after_cue:
        return deadline(due_at, after_cue.group(0).strip(" ,'\u2019"))

    if _COUNTED_FROM_DAY.match(t.text) and c.SPAN_TO_ACT.match(after) \
            and c.SPAN_GIVEN.search(_quoted_from(text, s_start, t.start, before)[-80:]):
        return deadline(due_at, "span given")  # "has been given a month from Monday to hand over the suspects"
    cue = _find_cue(before)
    if cue is None and c.DEADLINE_FRAGMENT.fullmatch(before) and c.FRAGMENT_ENDS.match(after):
        return deadline(due_at, "deadline")  # "...; last date to apply April 10; ..."
    said = _search(c.REPORTED_ON, before) if cue is not None else None
    if said and _ATTRIBUTION_OPENS.search(before, 0, said.start()):
        cue = None  # "Apple will stop selling it in June, the company said on Tuesday": the day of the saying
    if cue is None and _IT_ENDS.search(before) and _WINDOW_BEFORE.search(text, max(0, s_start - 300), s_start):
        # "The amnesty scheme was launched in May. ... It had ended on November 17.": the window
        # the sentences before named, closing
        return deadline(due_at, "it ends")
    if cue is not None and not cue.strong and POSSESSIVE.match(after):
        cue = None  # "before next week's summit", "ahead of Sunday's election": the day of what is named
    if cue is not None and cue.name == "within" and _clause_tense(text, head.start, head.end, s_start, s_end) < 0:
        cue = None  # "the rebels withdrew within the week": how soon it happened
    if cue is not None and _search(c.POSTPONED_TO, before) and not re.search(c.DEADLINE_NOUN, before, re.IGNORECASE):
        cue = None  # "deferred the hearing until 22 January": a plan moved, not a deadline
    if cue is not None and _search(c.REQUESTED_MOVE, before):
        return plain("scheduled" if ahead else "event", cue="requested")  # a date asked for, not set
    if cue is not None and cue.name == "before" and _search(c.NOT_BEFORE, before):
        # "The vote cannot take place before April 10": the earliest day, no deadline
        return plain("scheduled" if ahead else "event", cue="not before")
    if cue is not None and cue.name == "before" and _search(c.COUNTED_BACK_FROM, before):
        cue = None  # "registered 15 days before Election Day": the day counted from; the span's end is due
    if cue is not None and cue.name == "payment" and _search(c.PAYMENT_DONE, before):
        cue = None  # a payment made or missed on the day: what happened then
    if cue is not None and cue.name == "until" and _search(c.NOT_UNTIL, before):
        # "will not resume until Monday" is a plan; "it was not until Tuesday that Castro revealed" a fact
        told_as_past = _WAS_NOT_UNTIL.search(before[-30:])
        return plain("scheduled" if ahead and not told_as_past else "event", cue="not until")
    if cue is not None and cue.name == "closes" and _search(c.EVENT_ENDS, before):
        # "the examination would end on June 7": when an event ends, planned or past
        return plain("scheduled" if ahead else "event", cue="ends")
    if cue is not None and cue.name == "due" and _search(c.DUE_EVENT, before):
        # "talks are due on Friday", "the elections due this year": a plan
        return plain("scheduled" if ahead else "event", cue="due")
    if cue is not None and BY_THE_TIME.search(before) and text.startswith(",", t.end) \
            and _clause_tense(text, head.start, head.end, s_start, s_end) < 0:
        cue = None  # "But by Monday, officials had hardened their stance": by the time, no deadline
    if cue is not None and cue.name == "until" and not _search(OBLIGATION, before) \
            and (earliest[:10] <= _iso(today) or latest[:10] <= _iso(today)) and not _NAMED_AFTER.match(after):
        # "hate group numbers dropping through the nineties", "advances made through this week", "Up
        # until Thursday, they had described him only as a witness": a time gone through, told as
        # such, is no deadline; "will continue through next year" still looks ahead
        tense_now = _clause_tense(text, head.start, head.end, s_start, s_end)
        if tense_now < 0 or (tense_now == 0 and earliest[:10] < _iso(today)):
            return plain("event", cue="until")
    if cue is not None and (cue.strong or ahead or _search(OBLIGATION, before)
                            or (cue.name == "by" and _search(c.AIM_BY, before))):
        if cue.name == "before" and t.mod is None and latest and earliest[:10] != latest[:10] \
                and not re.search(r"\bon\s+or\s+before\s+(?:the\s+)?$", before[-20:], re.IGNORECASE):
            # "before winter", "ahead of March": due as the period begins, not as it ends
            return deadline((_day(earliest[:10]) - timedelta(days=1)).isoformat(), cue.name)
        return deadline(due_at, cue.name)

    first = _day(earliest[:10])
    last = _day(latest[:10]) if latest else first
    reported = _search(c.REPORTED_ON, before)
    if reported and c.TO_BE_REPORTED.search(before, 0, reported.start()) and last >= today:
        # "The results are expected to be announced this evening": a saying still to come
        return plain("scheduled", cue="to be " + reported.group(0).split()[0].lower())
    if reported or c.ACT_AFTER.match(after):
        # The day something was said or done: placed by the calendar alone.
        return plain("scheduled" if first > today else "event")
    # "After April 8, Microsoft will no longer provide updates": a cut-off.
    if _search(c.CUTOFF_BEFORE, before) and c.CUTOFF_AFTER.search(after) and ahead:
        return deadline(due_at, "no longer after")
    # "would need to submit written arguments later Saturday"
    if ahead and _obliged_to_deliver(before):
        return deadline(due_at, "obliged to")

    schedule_cue = _search(c.SCHEDULE_CUES, before)

    def tense() -> int:  # read only where the kind depends on it
        return _clause_tense(text, head.start, head.end, s_start, s_end)
    if first > today:
        kind = "scheduled"
    elif last >= today and (first == today or schedule_cue) and (
            # today is what is happening ("is visiting Paris today") unless a word of the future, a later
            # part of the day, a clock time or days to come ("from now until the weekend") say it is still to come
            _LATER_PART_OF_DAY.search(t.value) or schedule_cue or (tense() > 0 and (first != today or last > today
                                                                                     or t.type == "TIME"))):
        # PAST or SURELY_PAST: reported as done; but a plan for the day, as it stood ("were set to hold
        # events today", "the second phase slated for today") still lies ahead of the writer
        kind = "scheduled" if tense() >= 0 or _search(c.PAST_PLAN, before) or _search(c.PLAN_FOR, before) else "event"
    elif _search(c.PAST_PLAN, before) or _search(c.FIRST_PLANNED, before):
        kind = "scheduled"  # "was supposed to happen in November 2011", "initially planned for February": a plan, as it stood
    else:
        kind = "event"
    if kind == "event" and last >= today and _THIS_PERIOD.match(t.text):
        latest = _iso(today)  # "cut 300 jobs this week", written on Friday: Monday to Friday
    cue_m = schedule_cue if kind == "scheduled" else None
    return plain(kind, cue=cue_m.group(0) if cue_m else None)


# Words by which a period is one someone may or must act in, so that its end is due: "can be
# submitted from 1 December until 31 December", "will have from Monday until Friday to register".
_MAY_ACT = compile_skipping(r"\b(?:can|could|may|might|must|allowed|able|permitted|eligible|ha(?:s|ve|d)(?!\s+been)|need(?:s|ed)?|"
                            r"required|open)\b", re.IGNORECASE)


def window_lets_act(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """Does the period text[start:end] let someone act in it, so that its end is a deadline?
    A closure, a curfew or an exhibition that runs so long is a plan, not a window."""
    s_start, s_end = sentence
    before = _clause_before(text, s_start, start)
    after = text[end:min(s_end, end + TENSE_REACH)]
    if _TAKES_PLACE.search(before[-40:]):
        return False  # "Voting takes place Monday through Friday": when it happens
    return bool(_MAY_ACT.search(before[-80:]) or re.search(rf"\b{c.WINDOW_NOUN}\b", before, re.IGNORECASE)
                or c.SPAN_TO_ACT.match(after))


_TAKES_PLACE = compile_skipping(r"\b(?:takes?|took|taking)\s+place\s+(?:(?:from|between|on)\s+)?$|"
                                r"\b(?:is|are|was|were|will\s+be|be)\s+held\s+(?:(?:from|between|on)\s+)?$", re.IGNORECASE)


# The quotation mark before a span, and the first number of "three or four days".
_QUOTE_OPENS_SPAN = compile_skipping(r"[\"\u201c](?:[\w-]+\s+(?:or|to)\s+)?$")


def _quoted_from(text: str, s_start: int, at: int, before: str) -> str:
    """The words before a span that a quotation mark opens ('would have "three or four days" to
    respond'): the clause before it ends at the mark, but the verb that gives the span stands outside."""
    opened = _QUOTE_OPENS_SPAN.search(text, max(s_start, at - 30), at)
    if opened is None or before[:opened.start() - at].strip():
        return before
    return text[max(s_start, opened.start() - 80):opened.start() + 1]


# Cues by which a span ahead ends something: "the window closes in two weeks", "expires in 90 days",
# "tax returns are due in two weeks".
_ENDING_CUES = frozenset({"expires", "window closes", "due", "payment"})


def _ends_in(before: str) -> Optional[re.Match]:
    """The cue before "in" by which a span ahead ends something, if any."""
    cue = _find_cue(before)
    if cue is None or cue.name not in _ENDING_CUES or (cue.name == "due" and _search(c.DUE_EVENT, before)):
        return None
    return cue.pattern.search(before[-160:])


# "it was not until Tuesday that ...": the day something at last happened.
_WAS_NOT_UNTIL = compile_skipping(r"\b(?:was|were)\s+not\s+until\s+$|\b(?:wasn|weren)['\u2019]t\s+until\s+$", re.IGNORECASE)
_RELATIVE_AFTER = compile_skipping(r"^\s+(?:that|which|when|where|in\s+which)\b", re.IGNORECASE)
# A deadline named a few words after the date: "up to Monday afternoon's 3 p.m. trade deadline".
_NAMED_AFTER = compile_skipping(rf"^(?:'s|\u2019s)?\s+(?:[\w.:-]+\s+){{0,3}}?{c.DEADLINE_NOUN}\b", re.IGNORECASE)
# What a span's end is the end of: "at the end of a 30-day grace period" is a window closing, "at
# the close of a two-week trading account" the end of a length of time.
_WINDOW_AFTER = compile_skipping(rf"^\s+(?:[\w-]+\s+){{0,2}}?(?:{c.WINDOW_NOUN}|{c.DEADLINE_NOUN}|notice|period|ultimatum)\b",
                                 re.IGNORECASE)


def _end_of_window(before: str, after: str) -> Optional[re.Match]:
    end_of = c.SPAN_END_OF.search(before[-40:])
    return end_of if end_of and (not end_of.group(0).lower().startswith("at") or _WINDOW_AFTER.match(after)) else None


_WORKING_DAYS = compile_skipping(r"\b(?:business|working|work)\s+days?\b", re.IGNORECASE)


def _read_span(t: Timex, text: str, sentence: tuple[int, int], before: str, after: str, published: datetime,
               before_in_sentence: Sequence[Neighbour], base: dict, deadline, after_in_sentence: Iterable = ()) -> Mention:
    """A span: a deadline where it counts down ("within 14 days", "gave him 48 hours to leave", "a
    10-day ultimatum"), a plan where it places something ahead ("in three weeks"), else a length."""
    s_start, s_end = sentence
    lead = c.SPAN_BEFORE_DATE.match(after)
    if lead and (_search(OBLIGATION, before) or _obliged_to_deliver(before)):
        # "must have registered 15 days before Election Day": due that long before the day named
        named = next((n for n in after_in_sentence if n.start == t.end + lead.end()), None)
        due = _back_by(named.value[:10], t.value) if named is not None else None
        if due is not None:
            return deadline(due.isoformat(), lead.group(0).strip(), earliest=None, latest=due.isoformat())
    if _LOOKS_BACK.match(t.text):
        # "in the past year", "within the last 24 hours": a time gone by, whatever the clause's tense
        return Mention(kind="duration", **base)
    within = c.SPAN_WITHIN.search(before[-40:]) or c.SPAN_WITHIN_TEXT.match(t.text)
    lets_act = None
    if not within and c.SPAN_FOR.search(before[-40:]):
        # "suspend the offensive for 120 hours to allow Kurdish forces to withdraw": a window for them
        within = lets_act = LETS_ACT.match(after)
    if not within and (c.SPAN_FOR.search(before[-40:]) or c.SPAN_OF.match(after)):
        return Mention(kind="duration", **base)
    demanded = c.DEMAND.search(text, s_start, s_end)
    if within and not lets_act and not demanded and not _search(OBLIGATION, before) and not _search(_AHEAD_WORD, before) \
            and clause_tense(text, t.start, t.end, s_start, s_end) < 0:
        # "The rebels withdrew within a week", "was arrested within two days of the attack": how
        # soon something happened, told as done, counts down to nothing
        return Mention(kind="duration", **base)
    # "in the next 24 hours" counts down only where the sentence demands or threatens; alone it is
    # a forecast's span.
    counted = (within
               or (c.SPAN_NEXT_TEXT.match(t.text) and demanded)
               or (c.SPAN_HAD.search(before[-30:]) and c.SPAN_HAD_END.match(after))
               or _end_of_window(before, after)
               or c.SPAN_FROM_NOW.match(after) or c.SPAN_NAMED.match(after)
               or (c.SPAN_TO_ACT.match(after) and c.SPAN_GIVEN.search(_quoted_from(text, s_start, t.start, before)[-80:]))
               or (c.SPAN_IN.search(before[-7:]) and (demanded or _ends_in(before))))
    anchor = _set_on(before_in_sentence, published)
    try:
        if _WORKING_DAYS.search(t.text) and re.fullmatch(r"P\d+D", t.value):
            due = cal.add_working_days(anchor, int(t.value[1:-1]))
        else:
            due = cal.add_duration(anchor, _longest(t)) if "X" not in t.value else None
    except (ValueError, OverflowError):
        due = None
    if c.SPAN_AWAY.match(after) and due is not None:
        # "with the deadline just two days away", "The election is two weeks away": that far ahead
        day = due.date().isoformat()
        if re.search(rf"\b{c.DEADLINE_NOUN}\b", before, re.IGNORECASE):
            return deadline(day, "away", earliest=anchor.date().isoformat(), latest=day)
        base.update(earliest=day, latest=day)
        return Mention(kind="scheduled", cue="away", **base)
    if counted and due is not None:
        # "within 72 hours" of a publication at 14:30 is due at 14:30 three days on; "within 14 days", on that day
        by_the_hour = t.value.startswith("PT") and (anchor.hour or anchor.minute)
        due_s = due.isoformat(timespec="minutes") if by_the_hour else due.date().isoformat()
        return deadline(due_s, counted.group(0).strip(),
                        earliest=anchor.isoformat(timespec="minutes") if by_the_hour else anchor.date().isoformat(),
                        latest=due_s)
    ahead_span = _AHEAD_SPAN.match(t.text)
    if ahead_span and c.SPAN_IN.search(before[-7:]) and not demanded and not c.SPAN_RECORD.search(before[-60:]) \
            and clause_tense(text, t.start, t.end, s_start, s_end) >= 0:
        # "is expected to issue several rulings in the next few weeks": some time from now to then
        n = _FEW.get(" ".join(ahead_span["n"].lower().split()) if ahead_span["n"] else "few")
        end = cal.add_duration(published, f"P{n}{ahead_span['unit'][0].upper()}") if n else None
        if end is not None:
            base.update(earliest=published.date().isoformat(), latest=end.date().isoformat())
            return Mention(kind="scheduled", cue="in", **base)
    if c.SPAN_LASTS.match(after) and due is not None:
        return Mention(kind="duration", **{**base, "earliest": anchor.date().isoformat(), "latest": due.date().isoformat()})
    # "in a quarter that produced such a big loss": which quarter, told by the clause after; no time from now
    span_in = c.SPAN_IN.search(before[-7:]) if not _RELATIVE_AFTER.match(after) else None
    if span_in and due is not None and not c.SPAN_RECORD.search(before[-60:]) \
            and ((clause_tense(text, t.start, t.end, s_start, s_end) >= 0
                  and (not span_in.group(0).lower().startswith("after") or _search(_AHEAD_WORD, before)))
                 or LISTED_FOR.search(before[-160:])):
        # "will be released after 30 days" is a day ahead; "still missing after three years", how long
        d = due.date().isoformat()
        if c.SPAN_NEXT_TEXT.match(t.text):
            # "will resume in the next three weeks": any day from now until then; "will not resume in
            # the next three weeks" names the time of nothing, a length
            if _NOT.search(before[-60:]):
                return Mention(kind="duration", **base)
            base.update(earliest=anchor.date().isoformat(), latest=d)
        else:
            base.update(earliest=d, latest=d)
        return Mention(kind="scheduled", cue="in", **base)
    return Mention(kind="duration", **base)


# A day or a month of every year (or month): "April 15 each year", "the 1st of every month".
_YEARLY_AFTER = compile_skipping(r"^,?\s+(?:of\s+)?(?:each|every)\s+(?:year|month)\b|^,?\s+(?:annually|yearly)\b", re.IGNORECASE)
_YEARLY_BEFORE = compile_skipping(r"\b(?:annually|yearly|every\s+year|each\s+year)\s+(?:in|on|by)\s+(?:the\s+)?$", re.IGNORECASE)
# A window named in a sentence before, then ended by a pronoun: "It had ended on November 17".
_IT_ENDS = compile_skipping(rf"^\W*(?:it|this)\s+{c.AUX_ON_THE_WAY}{c.END_VERB}(?:\s+(?:on|at|in|by))?\s*$", re.IGNORECASE)
_WINDOW_BEFORE = compile_skipping(rf"\b(?:{c.WINDOW_NOUN}|{c.DEADLINE_NOUN})\b", re.IGNORECASE)
# "two to three weeks", "three or four days": a span given as a range of counts.
_COUNT_RANGE = compile_skipping(r"(?P<low>[\w.,]+)(?:\s+(?:to|or)\s+|\s*[-\u2013]\s*)(?P<high>[\w.,]+)[\s-]+[a-z]+$", re.IGNORECASE)


def _longest(t: Timex) -> str:
    """A span's value, or for a range of counts ("two or three days to respond") the longest: the
    time allowed runs to the later limit (the value, TimeBank's way, is the least: P2D, at least)."""
    m = _COUNT_RANGE.search(t.text) if t.mod == "EQUAL_OR_MORE" else None
    high = parse_number(m["high"]) if m else None
    if high is None or high != int(high) or not t.value[-1:].isalpha():
        return t.value
    return re.sub(r"\d+(?=[A-Z]$)", str(int(high)), t.value)


_NOT = compile_skipping(r"\b(?:not|never|no)\b|n['\u2019]t\b", re.IGNORECASE)
_LOOKS_BACK = compile_skipping(r"^(?:the\s+)?(?:last|past|previous|preceding)\b", re.IGNORECASE)

# A word by which a clause looks ahead of its own verb: "will shut down within 60 days",
# "directing the states to file replies within four weeks".
_AHEAD_WORD = compile_skipping(r"\b(?:will|would|shall|should|must|can|could|may|might|to|going)\b|['\u2019]ll\b", re.IGNORECASE)

# "the next few weeks", "the coming months": a time ahead of vague length, taken as a few of them.
_AHEAD_SPAN = compile_skipping(r"^the\s+(?:next|coming)\s+(?:(?P<n>few|couple\s+of|several)\s+)?(?P<unit>days|weeks|months)$", re.IGNORECASE)
_FEW = {"few": 3, "couple of": 2, "several": 4}

def _back_by(day: str, span: str) -> Optional[date]:
    """The day a span of whole days, weeks, months or years before `day` (an ISO date)."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return None
    return cal.shift_by_span(date.fromisoformat(day), span, -1)


def _set_on(before_in_sentence: Sequence[Neighbour], published: datetime) -> datetime:
    """The day a span was set: the last single day named earlier in the sentence that has already
    come and was the day of something done ("On June 22 they gave Doha 10 days"; not "missed the
    October 15 deadline"), else the publication time."""
    today = published.date()
    for n in reversed(before_in_sentence):
        if n.kind != "event":
            continue
        if n.earliest and n.latest and n.earliest[:10] == n.latest[:10] and n.earliest[:10] <= today.isoformat():
            day = date.fromisoformat(n.earliest[:10])
            if today - day <= timedelta(days=31):
                return datetime.combine(day, published.time())
    return published
