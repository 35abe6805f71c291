"""The records that flow through timeline: document -> timexes -> mentions -> store -> views."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, tzinfo
from typing import Optional

KINDS = ("event", "scheduled", "deadline", "duration", "recurring")


# `published_from` of a document that gave no publication date: it is read as a narrative and
# stored with the first date it names as its `published`.
UNDATED = "undated"


@dataclass(frozen=True)
class Document:
    """An article as read: its text, title and publication time, and where each came from."""
    text: str
    title: str
    published: Optional[datetime]  # None only for an undated document not yet read (see UNDATED)
    published_from: str  # flag | html | timeml | dateline | header | filename | feed | undated
    source: str = ""
    path: str = ""
    zone: Optional[tzinfo] = None  # the offset the publication time was given in, if any
    url: str = ""  # the address it was fetched from, for an article read from the web
    canonical_url: str = ""  # the address the page names as its own

    @property
    def local_published(self) -> datetime:
        """The publication time on the writer's own clock, naive: "today" in the text is this day."""
        when = self.published.astimezone(self.zone) if self.zone is not None and self.published.tzinfo else self.published
        return when.replace(tzinfo=None)


@dataclass(frozen=True)
class Timex:
    """A TimeML TIMEX3: character offsets into the text and the normalised attributes."""
    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: Optional[str] = None


@dataclass(frozen=True)
class Mention:
    """A timex placed on the calendar and read for what it means to a reader."""
    text: str
    start: int
    end: int
    sentence: str
    type: str
    value: str
    mod: Optional[str]
    kind: str
    earliest: Optional[str]
    latest: Optional[str]
    due: Optional[str] = None
    subject: Optional[str] = None  # deadlines: what is due
    setter: Optional[str] = None  # deadlines: who set it
    cue: Optional[str] = None  # the words that made it a deadline or a plan

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Extraction:
    document: Document
    mentions: list[Mention] = field(default_factory=list)
