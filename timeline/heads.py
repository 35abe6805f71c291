"""Patterns that open with a word boundary, told which characters their matches start with.

A pattern that opens with a letter or a set of letters lets the regex engine skip ahead to them;
one that opens with `\\b` or a look-behind, as almost every rule does ("\\b(?:early|late)..."),
is tried at every character of its windows. `skip_to_first_chars` gives such a pattern the set of
characters its matches can start with, read from its parse, in the header `re` itself writes for
patterns that open with a set: the same program, tried only where it can match (the rules' regex
time on TBAQ 87 -> 55 ms a pass).
"""
from __future__ import annotations

import re
from typing import Optional

from array import array

try:
    import _sre
    from re import _compiler, _parser
    from re import _constants as _c

    _CODE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)  # as the regex cache keeps programs
except (ImportError, AttributeError, StopIteration):  # another Python's re: patterns stay as they are
    _sre = None



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


def _program(regex: re.Pattern) -> Optional[bytes]:
    """The program of `regex` with a header naming its first characters, or None where `re`
    already skips ahead (a literal prefix or set) or the first characters cannot be told."""
    if regex.flags & (re.IGNORECASE | re.LOCALE) or not isinstance(regex.pattern, str):
        return None
    parsed = _parser.parse(regex.pattern, regex.flags)
    low, high = parsed.getwidth()
    first = _first(list(parsed))
    code = _compiler._code(parsed, regex.flags)
    if first is None or low == 0 or code[0] != _c.INFO or code[2] != 0:
        return None
    header = [_c.INFO, 0, _c.SRE_INFO_CHARSET, min(low, _compiler.MAXCODE), min(high, _compiler.MAXCODE)]
    charset, _ = _compiler._optimize_charset(first)
    _compiler._compile_charset(charset, regex.flags, header)
    header[1] = len(header) - 1
    return array(_CODE, header + code[1 + code[1]:]).tobytes()


def skip_to_first_chars(regex: re.Pattern) -> re.Pattern:
    """`regex`, matching exactly as before, that the regex engine tries only at characters a
    match can start with. The program is kept in the command line's regex cache."""
    if _sre is None:
        return regex
    from .regex_cache import remembered, source_mark

    def derive() -> Optional[bytes]:
        try:
            return _program(regex)
        except Exception:  # a parse this Python writes differently: leave the pattern as it is
            return None
    program = remembered(("first-chars", source_mark(__file__), regex.pattern, regex.flags), derive)
    if not isinstance(program, bytes):
        return regex
    indexgroup = [None] * (regex.groups + 1)
    for name, index in regex.groupindex.items():
        indexgroup[index] = name
    try:
        return _sre.compile(regex.pattern, regex.flags, array(_CODE, program).tolist(), regex.groups,
                            dict(regex.groupindex), tuple(indexgroup))
    except Exception:  # a program the matching engine refuses (an altered cache file)
        return regex
