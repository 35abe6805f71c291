"""Sentence boundaries, enough to bound a tense reading and show a mention in context."""
from __future__ import annotations

import bisect
import re

# A full stop ends a sentence unless it closes a common abbreviation or an initial.
_ABBREVIATIONS = """Mr Mrs Ms Dr Prof Sen Rep Gov Gen Col Lt Sgt Capt Cmdr Adm St Jr Sr Inc Corp Co Ltd No Nos vs etc
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun a.m p.m U.S U.N U.K E.U
Ft Mt Ave Blvd approx est Calif Conn Fla Ill Mass Mich Minn Penn Tex Va Wash Wis""".split()


def _not_after_abbreviation() -> str:
    """Look-behinds that fail after "Mr." or "J.": one per length, as a look-behind has a fixed width."""
    by_length: dict[int, list[str]] = {}
    for word in _ABBREVIATIONS:
        by_length.setdefault(len(word), []).append(re.escape(word))
    return r"(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b(?:{'|'.join(words)})\.)" for _, words in sorted(by_length.items()))


# A line ends a sentence when the next one starts like a new sentence (a title, a dateline, a
# paragraph); a dateline ("March 2, 2026 —") ends at its dash. The two are separate patterns so
# that the first, which starts with one of a few characters, is found by the regex engine's fast
# scan for them.
_END = re.compile(r"[.!?\n](?:(?<=[!?\n])|(?<=\.)" + _not_after_abbreviation() + ")"
                  r"(?:(?<=[.!?])[.!?]*[\"\u201d\u2019')\]]*(?=\s+[\"\u201c\u2018(\[]?[A-Z0-9])|"
                  r"(?<=\n)\s*\n|(?<=[^,;\s]\n)(?=[\"\u201c]?[A-Z0-9]))")
_DATELINE = re.compile(r"^[A-Z][A-Za-z.]*\s+\d{1,2},\s+\d{4}\s*[\u2014\u2013-]+\s|^\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[\u2014\u2013-]+\s",
                       re.MULTILINE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    ends = sorted(list(_END.finditer(text)) + list(_DATELINE.finditer(text)), key=lambda m: m.start())
    spans, start = [], 0
    for m in ends:
        if m.start() < start:
            continue  # inside a dateline already taken
        end = m.end()
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return [piece for span in spans for piece in _pieces(text, *span)]


# No reading looks further than this around a mention: a "sentence" longer than any a reporter
# writes (a list, a table, text without full stops) is cut into pieces of this size at spaces,
# so that the work per mention stays bounded and extraction time grows with the text, not its square.
MAX_SENTENCE = 1200


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


class Sentences:
    """Find the sentence around any offset in O(log n)."""

    def __init__(self, text: str):
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]
        self._next = (0, -1, 0)  # (start, next start, index) of the last sentence asked for

    def around(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return 0, len(self.text)
        low, high, i = self._next
        if not low <= offset < high:  # mentions are mostly asked for in reading order
            i = max(0, bisect.bisect_right(self._starts, offset) - 1)
            high = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text) + 1
            self._next = (self._starts[i] if i else -1, high, i)
        return self.spans[i]
