"""Patterns that open with a word boundary, told which characters their matches start with.

A pattern that opens with a letter or a set of letters lets the regex engine skip ahead to them;
one that opens with `\\b` or a look-behind, as almost every rule does ("\\b(?:early|late)..."),
is tried at every character of its windows. `compile_skipping` gives such a pattern the set of
characters its matches can start with, read from its parse, in the header `re` itself writes for
patterns that open with a set: the same program, tried only where it can match (the rules' regex
time on TBAQ 87 -> 55 ms a pass).
"""
from __future__ import annotations

import re
import sys
from typing import Optional

from .regex_cache import build, entry_of, remembered, source_mark

try:
    from re import _compiler, _parser
    from re import _constants as _c
except ImportError:  # another Python's re: patterns stay as they are
    _parser = None


def _first(items: list) -> Optional[list]:
    """The set items (as `re`'s parser writes a character set) one of which starts every match
    of the sequence `items`; None when a match may start with anything."""
    for i, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the next item starts the match
        rest = items[i + 1:]
        if op is _c.LITERAL:
            return [(op, av)]
        if op is _c.IN:
            return None if any(o is _c.NEGATE for o, _ in av) else list(av)
        if op is _c.SUBPATTERN:
            return _first(list(av[-1]) + rest)
        if op is _c.BRANCH:
            out: list = []
            for alt in av[1]:
                s = _first(list(alt) + rest)
                if s is None:
                    return None
                out += s
            return out
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, item = av
            if high == 0:
                continue
            may_be_empty = low == 0 or item.getwidth()[0] == 0
            s = _first(list(item) + (rest if item.getwidth()[0] == 0 else []))
            if s is None or not may_be_empty:
                return s
            after = _first(rest)
            return None if after is None else s + after
        return None  # any character, a back-reference, a negated letter
    return None


def _any_case(first: list) -> list:
    """A set of first characters as a pattern that ignores case reads it: each ASCII letter in
    both cases (those beyond ASCII are all taken, below)."""
    out = []
    for op, av in first:
        out.append((op, av))
        if op is _c.LITERAL and chr(av).isascii():
            out += [(_c.LITERAL, ord(chr(av).lower())), (_c.LITERAL, ord(chr(av).upper()))]
        elif op is _c.RANGE:
            low, high = av[0], min(av[1], 127)
            for a, b in ((max(low, 65), min(high, 90)), (max(low, 97), min(high, 122))):
                if a <= b:  # the other case of the letters in the range
                    out.append((_c.RANGE, (a + 32, b + 32) if a < 97 else (a - 32, b - 32)))
    return out


def _entry(pattern: str, flags: int) -> tuple:
    """The pattern as the regex cache keeps one, its program given a header naming its first
    characters unless `re` already skips ahead (a literal prefix or set) or they cannot be told:
    one parse, as `re.compile` makes."""
    flags = int(flags)  # as re.compile does: the compiler tests a flag at every step, slowly on an enum
    parsed = _parser.parse(pattern, flags)
    flags |= int(parsed.state.flags)
    code = _compiler._code(parsed, flags)
    low, high = parsed.getwidth()
    first = _first(list(parsed)) if not flags & re.LOCALE else None
    if first is not None and low > 0 and code[0] == _c.INFO and code[2] == 0:
        beyond_ascii = []
        if flags & re.IGNORECASE or "(?i" in pattern:
            first = _any_case(first)
            # every character beyond ASCII, among which Unicode pairs letters with ASCII ones
            # (the Kelvin sign with "k"); added after the set is made compact, which would
            # otherwise map each of them one by one
            beyond_ascii = [(_c.RANGE, (128, sys.maxunicode))]
        header = [_c.INFO, 0, _c.SRE_INFO_CHARSET, min(low, _compiler.MAXCODE), min(high, _compiler.MAXCODE)]
        charset, _ = _compiler._optimize_charset(first)
        _compiler._compile_charset(charset + beyond_ascii, flags & ~re.IGNORECASE, header)
        header[1] = len(header) - 1
        code = header + code[1 + code[1]:]
    return entry_of(parsed, flags, code)


def compile_skipping(pattern: str, flags: int = 0) -> re.Pattern:
    """`re.compile(pattern, flags)`, matching exactly as it does, but tried by the regex engine
    only at the characters a match can start with. The program is kept in the command line's
    regex cache."""
    if _parser is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)

    def derive() -> Optional[tuple]:
        try:
            return _entry(pattern, flags)
        except Exception:  # a parse this Python writes differently: re compiles it as it would
            return None
    try:
        return build(pattern, remembered(("first-chars", source_mark(__file__), pattern, int(flags)), derive))
    except Exception:  # nothing built, or a program the matching engine refuses (an altered cache file)
        return re.compile(pattern, flags)
