"""Document -> resolved mentions: the engine finds and normalises, the classifier reads each one."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from .allocation import without_cycle_collection
from .deadlines.classify import Neighbour, classify, window_lets_act
from .deadlines.roles import BARE_DEADLINE
from .engine import calendar as cal
from .engine import story_start, tag_with_values
from .engine.adjectives import frequency_adjectives
from .engine.ranges import join_ranges
from .engine.sentences import Sentences
from .engine.tense import LIST_GLUE
from .errors import TimelineError
from .model import UNDATED, Document, Extraction, Mention

# "today, 10 November 2021", "Midnight tonight (30 June)": a second name for the same day.
_APPOSITION = re.compile(r"^\s*(?:,|\(|\u2014|-)\s*$")


# "the three months that ended Dec. 31", "the six months to June 30": a span named by its last day
# ("extended by six months to October" is a length).
_ENDED = re.compile(r"^,?\s+(?:(?:that|which)\s+)?(?:ended|ending|to)\s+(?:on\s+)?$", re.IGNORECASE)


# "the first nine months of 2023", "the final two weeks of March": a span at one end of a period.
_PART_OF = re.compile(r"^\s+of\s+$", re.IGNORECASE)
_FIRST_OR_LAST = re.compile(r"the\s+(?P<which>first|last|final|opening|closing)\s", re.IGNORECASE)


_QUARTER_OR_HALF = re.compile(r"^\d{4}-(?:(?P<q>Q)|H)[1-4]$")


def _span_of(mention: Mention) -> Optional[str]:
    """How long a period named before the day it ends on runs: a span ("the three months", P3M),
    or a quarter or half, which reports count on their own calendar ("the fiscal first quarter,
    which ended Dec. 31" ran from October)."""
    if mention.type == "DURATION" and mention.earliest is None and mention.text[:4].lower() == "the ":
        return mention.value
    quarter = _QUARTER_OR_HALF.match(mention.value) if mention.type == "DATE" else None
    return None if quarter is None else "P3M" if quarter["q"] else "P6M"


def _as_period(mention: Mention, bounds: tuple[date, date], today: date) -> Mention:
    """A mention read as the stretch of days given: done by the day of writing, or still to come."""
    start, end = bounds
    return replace(mention, kind="event" if end <= today else "scheduled", earliest=start.isoformat(), latest=end.isoformat())


def _part_of(prev: Mention, part: str, period: Mention) -> Optional[tuple[date, date]]:
    """"the first nine months" of the period named after it: its days at the period's start or end."""
    first, last = date.fromisoformat(period.earliest[:10]), date.fromisoformat(period.latest[:10])
    span = cal.period_starting(prev.value, first) if part in ("first", "opening") else cal.period_ending(prev.value, last)
    return span if span is not None and first <= span[0] <= span[1] <= last else None


Reported = Optional[tuple[str, str, int]]  # the period a report's figures cover: first day, last day, where named


def _read_periods(text: str, prev: Optional[Mention], mention: Mention, timex, dct: datetime,
                  reported: Reported) -> tuple[Optional[Mention], Mention, Reported]:
    """Periods a report names with the mention before it, and figures compared with them: the
    previous mention read anew as a period (or None), this mention, and the period now reported."""
    today = dct.date()
    if prev is not None and mention.earliest and (span := _span_of(prev)) is not None \
            and _ENDED.match(text[prev.end:timex.start]):
        # "the three months that ended Dec. 31", "its fiscal first quarter, which ended Dec. 31"
        bounds = cal.period_ending(span, date.fromisoformat(mention.latest[:10]))
        if bounds is not None:
            period = _as_period(prev, bounds, today)
            return period, mention, _reported(period, timex.end, dct)
        return None, mention, reported
    if prev is not None and prev.type == "DURATION" and prev.earliest is None and mention.earliest \
            and _PART_OF.match(text[prev.end:timex.start]) and (part := _FIRST_OR_LAST.match(prev.text)):
        # "the first nine months of 2023", "the last two weeks of March"
        bounds = _part_of(prev, part["which"].lower(), mention)
        if bounds is not None:
            period = _as_period(prev, bounds, today)
            return period, mention, _reported(period, timex.end, dct)
        return None, mention, reported
    if reported is not None and timex.start - reported[2] <= _REPORTED_WITHIN and _YEAR_BACK.fullmatch(timex.text) \
            and (_SAME_PERIOD.match(timex.text) or _COMPARED.search(text, max(0, timex.start - 60), timex.start)):
        return None, _year_back(mention, reported[0], reported[1]), reported
    if mention.earliest:
        # a range ("April-June", "from July to September") is a period figures are given for;
        # any other date named moves the story off it, but for a period still running, named
        # as a target's ("68.7 percent of the target for the current fiscal year")
        reported = _reported(mention, timex.end, dct) or reported if "/" in timex.value else None
    return None, mention, reported


# "a 30-day grace period", "a cure period of 30 days": time allowed after a payment is missed.
_GRACE_AFTER = re.compile(r"[\s-]*(?:grace|cure)\s+period\b", re.IGNORECASE)


def _grace_after(mention: Mention, text: str, timex, missed: Optional[Mention], dct: datetime) -> Mention:
    """A grace period runs from the deadline it follows, where that deadline has passed: "missed a
    coupon payment due on Monday and now has a 30-day grace period" ends 30 days after Monday."""
    if missed is None or not missed.due or missed.due[:10] >= dct.date().isoformat() \
            or not _GRACE_AFTER.match(text, timex.end) or not 0 <= timex.start - missed.end <= _RETOLD_WITHIN:
        return mention
    start = datetime.fromisoformat(missed.due[:10])
    end = cal.add_duration(start, timex.value)
    if end is None:
        return mention
    return replace(mention, earliest=start.date().isoformat(), latest=end.date().isoformat(), due=end.date().isoformat())


# "a year earlier", "the year-ago quarter", "the same period last year", "the previous year": said
# of a report's figures, the period they cover a year back.
_YEAR_BACK = re.compile(r"(?:the\s+)?(?:(?:same|corresponding|comparable)\s+(?:period|months?|weeks?|quarter)\s+)?"
                        r"(?:a\s+year\s+(?:ago|earlier|before)|(?<=\s)last\s+year|(?:the\s+)?(?:previous|prior|preceding)\s+year|"
                        r"year[\s-](?:ago|earlier)(?:\s+(?:period|months?|weeks?|quarter))?)", re.IGNORECASE)
# Figures compared: "up from $2.6 billion a year ago", "higher than a year earlier", "compared with
# ... the previous year"; a thing done "a year ago" is dated from today.
_COMPARED = re.compile(r"\b(?:from|than|compared|against|over|versus|vs\.?)\b(?:[^.;]|\.\d)*$|\bon\s+$", re.IGNORECASE)
_SAME_PERIOD = re.compile(r"(?:the\s+)?(?:same|corresponding|comparable|year[\s-](?:ago|earlier))\b", re.IGNORECASE)
# How far after the period is named its figures are compared.
_REPORTED_WITHIN = 400


def _reported(period: Mention, end: int, dct: datetime) -> Reported:
    """The period a report's figures are for, if the mention names one that is over: a period
    still running ("the current fiscal year") is a target's, not one compared with a year back."""
    if period.earliest is None or period.latest is None or period.latest[:10] > dct.date().isoformat():
        return None
    return period.earliest, period.latest, end


def _year_back(mention: Mention, first: str, last: str) -> Mention:
    """The mention read as the period from `first` to `last`, a year earlier."""
    a, b = date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    month_end = (b + timedelta(days=1)).day == 1
    a, b = cal.add_months(a, -12), cal.add_months(b, -12)
    if month_end:  # to the end of that month: February's last day moves with the leap year
        b = cal.add_months(b.replace(day=1), 1) - timedelta(days=1)
    return replace(mention, value=cal.period_value(a, b)[0], earliest=a.isoformat(), latest=b.isoformat())


def extract(document: Document, narrative: bool = False) -> Extraction:
    """The document's mentions, resolved and read. `narrative`: year-less and relative dates
    anchor on the last date the text named (a history, a background report) instead of the
    publication date. A document with no publication date (`published` None, as `read_document`
    gives for an undated file in narrative or auto mode) is read as a narrative from the first
    date it names; it comes back dated with that day and marked `undated`."""
    if document.published is None:
        start = story_start(document.text)
        if start is None:
            raise TimelineError(f"{document.path or document.title or 'the text'}: no publication date and no date in "
                                "the text to read it from; give one with --published YYYY-MM-DD")
        document = replace(document, published=start.replace(tzinfo=timezone.utc), published_from=UNDATED, zone=None)
        # Undated: written some time after the story. Its dates are placed on the story's own
        # calendar and read (event, plan, deadline) as from today.
        anchor, now, narrative = start, datetime.now(), True
    else:
        anchor = now = document.local_published
    with without_cycle_collection():
        return _extract(document, anchor, now, narrative, written_known=document.published_from != UNDATED)


class _Later:
    """The next few mentions of the i-th one's sentence that name a point on the calendar."""
    __slots__ = ("timexes", "sentence_of", "i")

    def __init__(self, timexes, sentence_of, i):
        self.timexes, self.sentence_of, self.i = timexes, sentence_of, i

    def __iter__(self):
        i, sentence = self.i, self.sentence_of[self.i]
        return iter([t for t, s in zip(self.timexes[i + 1:i + 8], self.sentence_of[i + 1:i + 8])
                     if s == sentence and t.value[:1].isdigit()])


def _extract(document: Document, anchor: datetime, dct: datetime, narrative: bool, written_known: bool = True) -> Extraction:
    """`anchor`: where the engine starts resolving; `dct`: the day the text is read from."""
    text = document.text
    sentences = Sentences(text)
    ranged = _with_adjectives(text, join_ranges(text, tag_with_values(text, anchor, sentences, narrative=narrative,
                                                                     written_known=written_known), dct.date()))
    timexes = [t for t, _ in ranged]
    mentions: list[Mention] = []
    neighbours: list[Neighbour] = []  # the mentions of the current sentence read so far
    head: Optional[Neighbour] = None  # the first item of the list of dates the last mention is in
    sentence_of = [sentences.around(t.start) for t in timexes]
    counted: dict[str, Mention] = {}  # the last span counted down, by its length
    last_deadline: Optional[Mention] = None
    reported: Reported = None
    for i, timex in enumerate(timexes):
        sentence = sentence_of[i]
        if i and sentence_of[i - 1] != sentence:
            neighbours = []
        # Later mentions that name a point on the calendar ("in June"), where what is due stops:
        # looked for only when a deadline's subject is read.
        later = _Later(timexes, sentence_of, i)
        if not (neighbours and timex.start > neighbours[-1].end
                and LIST_GLUE.fullmatch(text, neighbours[-1].end, timex.start)):
            head = Neighbour(timex.start, timex.end)
        mention = classify(timex, text, sentence, dct, neighbours, later, head)
        window_end = ranged[i][1]
        if window_end is not None and mention.kind != "deadline":
            # "will have from 13 May until 15 July to apply": a window whose end is due
            end = classify(window_end, text, sentence, dct, neighbours, later, Neighbour(window_end.start, window_end.end))
            if end.kind == "deadline" and (end.cue != "until" or window_lets_act(text, sentence, timex.start, timex.end)):
                # due as the period ends, as the range reads it ("from Monday until Friday", written
                # on a Friday, ends a week on, where "until Friday" alone would be today)
                mention = replace(mention, kind="deadline", due=mention.latest, subject=end.subject, setter=end.setter,
                                  cue=end.cue)
        prev = mentions[-1] if neighbours else None
        mention = _deadline_told_before(mention, text, sentence, prev, last_deadline)
        if prev is not None and prev.kind == "deadline" and mention.earliest \
                and prev.earliest and prev.earliest[:10] == mention.earliest[:10] \
                and _APPOSITION.match(text[prev.end:timex.start]):
            mention = replace(mention, kind="deadline", due=mention.due or mention.latest, subject=prev.subject,
                              setter=prev.setter, cue=prev.cue)
        period, mention, reported = _read_periods(text, prev, mention, timex, dct, reported)
        if period is not None:
            mentions[-1] = period
        if mention.kind == "deadline" and timex.type == "DURATION":
            mention = _grace_after(mention, text, timex, last_deadline, dct)
            mention = _same_countdown(mention, counted.get(timex.value), sentence)
            counted[timex.value] = mention
        if "T24:00" in timex.value and mention.latest and _FROM_BEFORE.search(text, max(0, timex.start - 30), timex.start):
            # "a ceasefire with effect from midnight tonight", "a curfew starting at midnight": the
            # midnight a thing starts from is the turn of the day, its end and the next day's start
            turn = (date.fromisoformat(mention.latest[:10]) + timedelta(days=1)).isoformat() + "T00:00"
            mention = replace(mention, latest=turn)
        into = _INTO_MORNING.match(text, timex.end) if timex.value.endswith("TNI") and mention.latest else None
        if into:
            # "late Sunday night into early morning": the night and the small hours of the next day
            next_day = (date.fromisoformat(mention.latest[:10]) + timedelta(days=1)).isoformat()
            mention = replace(mention, text=text[timex.start:into.end()], end=into.end(), latest=next_day,
                              due=next_day if mention.due else None)
        if document.zone is not None and timex.type == "TIME" and timex.value.endswith("Z"):
            mention = _on_local_clock(mention, document.zone)
        mentions.append(mention)
        if mention.kind == "deadline":
            last_deadline = mention
        neighbours.append(Neighbour(timex.start, timex.end, mention.earliest, mention.latest, mention.kind))
    return Extraction(document, mentions)


# "with Scotland's at midnight", "and Wales's on Friday": a deadline of another, by ellipsis.
_ELLIPTIC_OWNER = re.compile(r"\b(?:with|and|while)\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*(?:'s|\u2019s)\s+"
                             r"(?:(?:at|on|by)\s+)?$")

_FROM_BEFORE = re.compile(r"\b(?:from|starting(?:\s+(?:at|from))?|beginning(?:\s+at)?|effective(?:\s+from)?|as\s+of|"
                          r"(?:begins?|starts?|takes?\s+effect|came\s+into\s+force|comes?\s+into\s+force)\s+at)\s+$", re.IGNORECASE)
_INTO_MORNING = re.compile(r"\s+into\s+(?:the\s+)?(?:early\s+|small\s+)?(?:morning|hours)(?:\s+hours)?\b", re.IGNORECASE)
# "the date was moved back to", "the date has been pushed to": the date just told, moved.
_THE_DATE_MOVED = re.compile(r"\bthe\s+date\s+(?:(?:was|has\s+been|had\s+been|is\s+being|will\s+be)\s+)?(?:moved|pushed|put|"
                             r"extended|postponed|brought|changed)(?:\s+(?:back|forward|out))?\s+(?:to|until|till)\s+$",
                             re.IGNORECASE)
# A subject that names no act: nothing, or only the phrase that opens the sentence ("For Premier
# League clubs the deadline is ...").
_NO_ACT = re.compile(r"$|(?:for|in|with|at|on|from|of|by|among|across)\b(?!.*\bto\s+[a-z])", re.IGNORECASE)

# How far back a span of the same length is read as the same countdown retold, or a deadline as
# the one "the deadline" or "the date" points back to.
_RETOLD_WITHIN = 600


def _deadline_told_before(mention: Mention, text: str, sentence: tuple[int, int], prev: Optional[Mention],
                          last_deadline: Optional[Mention]) -> Mention:
    """A mention read with the deadline told just before it: in its own sentence by ellipsis ("the
    deadline is 23:00 GMT - with Scotland's at midnight"), or in the sentences before, which "the
    deadline is" or "the date was moved to" point back to."""
    if prev is not None and prev.kind == "deadline" and mention.kind != "deadline" and mention.earliest \
            and _ELLIPTIC_OWNER.search(text, max(prev.end, mention.start - 60), mention.start):
        return replace(mention, kind="deadline", due=mention.latest, subject=prev.subject, cue="deadline")
    if last_deadline is None or last_deadline.end > sentence[0] or mention.start - last_deadline.end > _RETOLD_WITHIN:
        return mention
    if mention.kind == "deadline" and _NO_ACT.match(mention.subject or "") and last_deadline.subject \
            and BARE_DEADLINE.search(text, sentence[0], mention.start):
        # "Clubs cannot sign players after Friday. For Premier League clubs the deadline is 23:00 GMT"
        return replace(mention, subject=last_deadline.subject)
    if mention.kind != "deadline" and mention.earliest and _THE_DATE_MOVED.search(text, sentence[0], mention.start):
        # "would not be maintained after 2015. ... so the date was moved back to 2020": that deadline, moved
        return replace(mention, kind="deadline", due=mention.latest, subject=last_deadline.subject,
                       setter=last_deadline.setter, cue="deadline moved")
    return mention


def _same_countdown(span: Mention, before: Optional[Mention], sentence: tuple[int, int]) -> Mention:
    """A span counted down again in a later sentence ('set a 48-hour deadline on Sunday ... "We
    are giving the sponsors 48 hours"') is the same countdown: it runs from the day the first was
    set, not from the day of writing."""
    if before is None or before.end > sentence[0] or span.start - before.end > _RETOLD_WITHIN:
        return span
    retold = replace(span, earliest=before.earliest, latest=before.latest, due=before.due)
    if not re.search(r"\bto\s+[a-z]", span.subject or ""):
        # '"We have seven days," the chairman said': what is due is told where the span was first set
        retold = replace(retold, subject=before.subject, setter=span.setter or before.setter)
    return retold


def _with_adjectives(text: str, ranged: list) -> list:
    """The engine's mentions with the frequency adjectives that none of them covers, in text order."""
    adjectives = frequency_adjectives(text)
    if not adjectives:
        return ranged
    taken = [(t.start, t.end) for t, _ in ranged]
    extra = [(a, None) for a in adjectives if not any(s < a.end and a.start < e for s, e in taken)]
    return sorted(ranged + extra, key=lambda pair: pair[0].start) if extra else ranged


def _on_local_clock(mention: Mention, zone) -> Mention:
    """A time given in UTC ("09:45 GMT", T09:45Z) placed on the publication's clock, where every
    other time of the article is: its interval and due time, not its TimeML value."""
    def local(stamp: Optional[str]) -> Optional[str]:
        if not stamp or "T" not in stamp:
            return stamp
        moved = datetime.fromisoformat(stamp).replace(tzinfo=timezone.utc).astimezone(zone)
        return moved.replace(tzinfo=None).isoformat(timespec="minutes")
    return replace(mention, earliest=local(mention.earliest), latest=local(mention.latest), due=local(mention.due))
