"""Patterns that end where a mention begins ("... was set for $"), tried only where they can match.

The tense and deadline readers ask of the words just before a mention whether they end in a cue:
"set for", "the deadline of", "by the end of". Searching those words for such a pattern tries it
from every character (16 µs for "set for" over 60 characters), though most windows end in a word
that no match of it can end with. `TailPattern` reads from the pattern itself the words its
matches can end with, and searches only a window that ends in one of them.
"""
from __future__ import annotations

import re
from typing import Optional

from .heads import compile_skipping
from .regex_cache import remembered, source_mark

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # another Python's re: every window is searched
    _parser = _c = None


class _Unknown(Exception):
    """A match can end in something other than a fixed word ("[^.;:]{0,40}$")."""


def _is_space(op, av) -> bool:
    if op is _c.LITERAL:
        return chr(av).isspace()
    if op is _c.IN:
        return all(o is _c.CATEGORY and a is _c.CATEGORY_SPACE or o is _c.LITERAL and chr(a).isspace() for o, a in av)
    return False


def _step(items, growing: set[str], ended: set[str]) -> set[str]:
    """Read `items` from the end, prepending to each ending still growing (an empty one: nothing
    read yet but blanks and zero-width checks); endings cut short by a blank or by something
    other than a fixed character go to `ended`, which is enough: a match ends with each of them."""
    for op, av in reversed(list(items)):
        if not growing:
            return growing
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and len(av[2]) == 1 and _is_space(*av[2][0]) or _is_space(op, av):
            ended |= {g for g in growing if g}  # a blank before a word ends it; trailing blanks are stripped
            growing = {g for g in growing if not g}
        elif op is _c.LITERAL:
            growing = {chr(av) + g for g in growing}
        elif op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            growing = {chr(a) + g for _, a in av for g in growing}
        elif op is _c.SUBPATTERN:
            growing = _step(av[-1], growing, ended)
        elif op is _c.BRANCH:
            growing = set().union(*(_step(alt, set(growing), ended) for alt in av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, item = av
            if high == 0:
                continue
            once = _step(item, set(growing), ended)
            if high > 1:  # earlier repeats may stand before: the last one's end is enough
                ended |= {g for g in once if g}
                once = {g for g in once if not g}
            growing = (growing | once) if low == 0 else once
        else:  # any other character class, a back-reference: not a fixed character
            if "" in growing:
                raise _Unknown
            ended |= growing
            growing = set()
    return growing


def endings(pattern: str, flags: int = 0) -> Optional[tuple[str, ...]]:
    """The strings, in lower case, one of which every match of `regex` ends with before trailing
    blanks, or None when that cannot be told (a pattern not anchored at the end by `$` or `\\Z`,
    or one that may end in a free character class)."""
    if _parser is None or not isinstance(pattern, str) or flags & re.MULTILINE:
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        items = list(parsed)
        if not items or items[-1] != (_c.AT, _c.AT_END) and items[-1] != (_c.AT, _c.AT_END_STRING):
            return None
        ended: set[str] = set()
        whole = _step(items, {""}, ended)
        if "" in whole:
            return None  # a match may be blanks only
        ended |= whole
        if not ended:
            return None
    except (_Unknown, AttributeError, TypeError, ValueError, re.error):
        return None
    ended = {e.lower() for e in ended}
    return tuple(sorted(e for e in ended if not any(e != f and e.endswith(f) for f in ended)))


_UNREAD: tuple = ("(unread)",)  # endings not yet read from the pattern


class TailPattern:
    """A compiled pattern anchored at the end of the window it searches, with a quick test of the
    window's last characters first. Searched as `re.Pattern.search` is, it finds the same match.
    Its endings are read when it is first searched (reading them all costs a start-up 8 ms), and
    kept in the command line's regex cache."""
    __slots__ = ("regex", "pattern", "flags", "_endings", "_width")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.regex = compile_skipping(pattern, flags)
        self.pattern, self.flags = self.regex.pattern, self.regex.flags
        self._endings: Optional[tuple[str, ...]] = _UNREAD

    @property
    def endings(self) -> Optional[tuple[str, ...]]:
        if self._endings is _UNREAD:
            ends = remembered(("endings", source_mark(__file__), self.pattern, int(self.flags)), lambda: endings(self.pattern, self.flags))
            if ends is not None and not (isinstance(ends, tuple) and ends and all(isinstance(e, str) and e for e in ends)):
                ends = endings(self.pattern, self.flags)  # a cache file altered by hand
            self._endings = ends
            self._width = max(map(len, self._endings)) if self._endings else 0
        return self._endings

    def can_end(self, window: str) -> bool:
        """Could a match end at the end of `window`? False only when it cannot."""
        ends = self.endings
        if ends is None:
            return True
        tail = window.rstrip()[-self._width:]
        # beyond ASCII a letter's case can change its length ("\u0130"): search such a window
        return not tail.isascii() or tail.lower().endswith(ends)

    def search(self, string: str, pos: int = 0, endpos: Optional[int] = None) -> Optional[re.Match]:
        endpos = len(string) if endpos is None else min(endpos, len(string))
        pos = max(pos, 0)
        if not self.can_end(string[pos:endpos] if pos or endpos < len(string) else string):
            return None
        return self.regex.search(string, pos, endpos)
