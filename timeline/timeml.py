"""TimeML in and out, and TempEval-3 Task A scoring.

Reading keeps TEXT exactly as written (entities decoded) with each gold TIMEX3 as character
offsets; writing puts our TIMEX3 tags into the original markup of TEXT, leaving every other
byte as it was (gold TIMEX3 tags are taken out first).
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable, Optional

from .model import Timex


@dataclass
class TimeMLDocument:
    id: str
    dct: Optional[str]
    text: str
    gold: list[Timex] = field(default_factory=list)
    raw: str = ""


def _walk(elem, buf: list[str], out: list[Timex], length: int = 0) -> int:
    """Append the element's text to `buf` and its TIMEX3s to `out`; returns the text's length so
    far (carried along, so that a document costs one pass)."""
    if elem.text:
        buf.append(elem.text)
        length += len(elem.text)
    for child in elem:
        start = length
        length = _walk(child, buf, out, length)
        if child.tag == "TIMEX3":
            out.append(Timex(start, length, "".join(child.itertext()), child.get("type") or "",
                             child.get("value") or "", child.get("mod")))
        if child.tail:
            buf.append(child.tail)
            length += len(child.tail)
    return length


def read_timeml(path: Path | str) -> TimeMLDocument:
    """A .tml or .TE3input file: its id, DCT value, TEXT and gold TIMEX3 spans; a TimelineError
    for a file that is no well-formed TimeML."""
    from .errors import TimelineError

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
        dct_el, text_el = _read_parts(raw)
    except (ET.ParseError, UnicodeDecodeError) as e:
        raise TimelineError(f"{path}: not a readable TimeML document ({e}); check the XML") from None
    if text_el is None:
        raise ValueError(f"{path}: no TEXT element; is this a TimeML document?")
    buf: list[str] = []
    gold: list[Timex] = []
    _walk(text_el, buf, gold)
    doc_id = re.sub(r"\.(tml|TE3input)$", "", path.name)
    return TimeMLDocument(doc_id, dct_el.get("value") if dct_el is not None else None, "".join(buf), gold, raw)


def _read_parts(raw: str) -> tuple[Optional[ET.Element], Optional[ET.Element]]:
    """The DCT's TIMEX3 and the TEXT element. Only those two are parsed where each stands alone
    as XML: in TimeBank's files the event and link annotations after TEXT are two thirds of the
    bytes, and parsing them was most of reading a document. The whole document is parsed where
    the parts cannot be (a missing part, an entity or prefix declared outside them), so that an
    error names what is wrong with the file."""
    text_at = raw.find("<TEXT>")
    text_end = raw.find("</TEXT>", text_at)
    dct_at = raw.find("<DCT>")
    dct_end = raw.find("</DCT>", dct_at)
    if text_at >= 0 and text_end >= 0 and 0 <= dct_at < dct_end < text_at:
        try:
            return ET.fromstring(raw[dct_at:dct_end + 6]).find("TIMEX3"), ET.fromstring(raw[text_at:text_end + 7])
        except ET.ParseError:
            pass
    root = ET.fromstring(raw)
    return root.find("DCT/TIMEX3"), root.find("TEXT")


def dct_datetime(value: str) -> datetime:
    """A DCT value ("1998-02-13", "1998-02-13T14:26:00") as a datetime; a TimelineError for one
    that names no day ("2020-02-30")."""
    try:
        return datetime.fromisoformat(value[:19]) if "T" in value else datetime.fromisoformat(value[:10])
    except ValueError:
        from .errors import TimelineError

        raise TimelineError(f"the document's DCT {value[:40]!r} is not a date; fix its <DCT><TIMEX3 value=...>") from None


_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);")


class _MarkupOffsets:
    """Where each character of TEXT's text stands in its markup: tags take no text, an entity
    the characters it stands for (all at the entity), anything else one character each. Kept as
    runs, not one entry per character."""

    def __init__(self, body: str) -> None:
        self.length = len(body)
        self.text_at: list[int] = []  # where each run starts in the text
        self.markup_at: list[int] = []  # and in the markup
        self.plain: list[bool] = []  # a run of plain characters, else one entity
        text = at = 0
        for m in _TAG_OR_ENTITY.finditer(body):
            if m.start() > at:
                text = self._run(text, at, m.start() - at, True)
            if body[m.start()] == "&":
                text = self._run(text, m.start(), len(html.unescape(m.group())), False)
            at = m.end()
        if self.length > at:
            text = self._run(text, at, self.length - at, True)
        self.text_length = text

    def _run(self, text: int, at: int, length: int, plain: bool) -> int:
        self.text_at.append(text)
        self.markup_at.append(at)
        self.plain.append(plain)
        return text + length

    def __getitem__(self, offset: int) -> int:
        if offset >= self.text_length:
            return self.length
        i = bisect_right(self.text_at, offset) - 1
        return self.markup_at[i] + (offset - self.text_at[i] if self.plain[i] else 0)


def write_timeml(doc: TimeMLDocument, timexes: Iterable[Timex]) -> str:
    """The original document with its TEXT re-tagged with our timexes, all else byte for byte."""
    raw = doc.raw
    opened = raw.find("<TEXT>")
    closed = raw.find("</TEXT>", opened + 6) if opened >= 0 else -1
    if closed < 0:
        raise ValueError(f"{doc.id}: no TEXT element")
    # Remove existing TIMEX3 tags in TEXT: the output is ours alone.
    body = re.sub(r"</?TIMEX3\b[^>]*>", "", raw[opened + 6:closed])
    pos_of = _MarkupOffsets(body)
    inserts: list[tuple[int, int, str]] = []
    for n, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        attrs = f'tid="t{1000 + n}" type="{t.type}" value="{html.escape(t.value)}"'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        start, end = _balanced(body, pos_of[t.start], _end_position(body, pos_of, t.end))
        inserts.append((start, 1, f"<TIMEX3 {attrs}>"))
        inserts.append((end, 0, "</TIMEX3>"))
    # At one position a closing tag goes before an opening one.
    pieces, at = [], 0
    for position, _, tag in sorted(inserts, key=lambda x: (x[0], x[1])):
        pieces += [body[at:position], tag]
        at = position
    pieces.append(body[at:])
    return raw[:opened + 6] + "".join(pieces) + raw[closed:]


_OPEN_OR_CLOSE = re.compile(r"<(/?)([A-Za-z][\w.-]*)[^>]*?(/?)>")


def _balanced(body: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) over adjacent tags so that no element is cut in two: a span ending
    inside <SIGNAL>before</SIGNAL> closes after </SIGNAL>, one starting inside an element opens
    before its start tag."""
    def unmatched(a: int, b: int) -> tuple[int, int]:
        opened, stray_close = [], 0
        for m in _OPEN_OR_CLOSE.finditer(body, a, b):
            if m.group(3):
                continue
            if m.group(1):
                if opened:
                    opened.pop()
                else:
                    stray_close += 1
            else:
                opened.append(m.group(2))
        return len(opened), stray_close
    while True:
        opens, closes = unmatched(start, end)
        if not opens and not closes:
            return start, end
        moved = False
        if opens:
            m = _OPEN_OR_CLOSE.match(body, end)
            if m and m.group(1):
                end, moved = m.end(), True
        if closes:
            back = body.rfind("<", 0, start)
            m = _OPEN_OR_CLOSE.match(body, back) if back >= 0 else None
            if m and m.end() == start and not m.group(1):
                start, moved = back, True
        if not moved:
            return start, end


def _end_position(body: str, pos_of: _MarkupOffsets, end: int) -> int:
    """Markup position just after the last character of a span."""
    last = pos_of[end - 1]
    ent = _ENTITY.match(body, last) if body[last] == "&" else None
    return ent.end() if ent else last + 1


# -- scoring ---------------------------------------------------------------------------------------

@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type: int = 0
    value: int = 0
    errors: list[tuple] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f

    def table(self) -> dict:
        return {k: dict(zip(("precision", "recall", "f1"), (round(x, 2) for x in self.prf(getattr(self, k)))))
                for k in ("strict", "relaxed", "type", "value")}


def match(gold: list[Timex], system: list[Timex]) -> list[tuple[int, int, bool]]:
    """One-to-one pairs (gold index, system index, exact): exact extents first, then overlaps."""
    pairs: list[tuple[int, int, bool]] = []
    used_g: set[int] = set()
    used_s: set[int] = set()
    for exact in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for si, s in enumerate(system):
                if si in used_s:
                    continue
                ok = (s.start == g.start and s.end == g.end) if exact else (s.start < g.end and g.start < s.end)
                if ok:
                    pairs.append((gi, si, exact))
                    used_g.add(gi)
                    used_s.add(si)
                    break
    return pairs


def score_document(score: Score, doc_id: str, gold: list[Timex], system: list[Timex]) -> None:
    pairs = match(gold, system)
    score.gold += len(gold)
    score.system += len(system)
    score.relaxed += len(pairs)
    score.strict += sum(1 for p in pairs if p[2])
    for gi, si, exact in pairs:
        g, s = gold[gi], system[si]
        score.type += s.type.upper() == g.type.upper()
        value_ok = s.value == g.value
        score.value += value_ok
        if not value_ok or not exact:
            score.errors.append((doc_id, "VALUE" if not value_ok else "EXTENT", g.text, g.value, s.text, s.value))
    matched_g = {p[0] for p in pairs}
    matched_s = {p[1] for p in pairs}
    score.errors += [(doc_id, "MISSED", g.text, g.value, "", "") for i, g in enumerate(gold) if i not in matched_g]
    score.errors += [(doc_id, "SPURIOUS", "", "", s.text, s.value) for i, s in enumerate(system) if i not in matched_s]


def timeml_files(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.suffix in (".tml", ".TE3input") and p.is_file())


def inline_timeml(document, timexes) -> str:
    """A plain article as a TimeML document: DCT from its publication date, TEXT tagged."""
    from xml.sax.saxutils import escape

    dct = document.published.date().isoformat()
    head = ('<?xml version="1.0" ?>\n<TimeML>\n'
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n')
    # XML 1.0 has no place for most control characters: each becomes U+FFFD, one for one, so that
    # every offset still holds and the document stays well-formed.
    text = _NOT_XML.sub("\ufffd", document.text)
    skeleton = TimeMLDocument("document", dct, text, [], head + f"<TEXT>{escape(text)}</TEXT>\n</TimeML>\n")
    return write_timeml(skeleton, [Timex(t.start, t.end, _NOT_XML.sub("\ufffd", t.text), t.type, t.value, t.mod)
                                   for t in timexes])


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
