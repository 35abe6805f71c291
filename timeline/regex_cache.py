"""Regular expressions compiled once per machine, not once per command.

The rule families, deadline cues and roles compile about 420 patterns; parsing them is most of
what `timeline extract` spends before reading a word (about 110 ms of a 330 ms command). Python's
`re` parses a pattern into a program for its matching engine and keeps it only in memory, so
every command parsed them all again. The command line installs this cache: the parsed program of
each pattern is kept in a file under `$XDG_CACHE_HOME/timeline/` (else `~/.cache/timeline/`), one
file per Python build, and a later command builds its patterns from it directly. The file keeps
the mark of the package that wrote it: a new version keeps only the entries it uses, so that the
patterns of versions gone by do not make every start-up slower to read them (a file grown over a
day of changes to the rules read in 14 ms, one version's in 6).

A program read back is checked by the matching engine itself, which refuses one it cannot run;
anything unreadable or refused falls back to compiling as `re` would. `TIMELINE_REGEX_CACHE=0`
turns the cache off.
"""
from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib
from functools import lru_cache
from array import array
from pathlib import Path
from typing import Callable, Optional

# Patterns built from what a user types (a --grep word) would grow the file without bound.
MAX_PATTERNS = 3000

_Entry = tuple  # (flags, program, groups, groupindex, indexgroup): the arguments of _sre.compile
# A program is kept as the bytes of an unsigned array of the engine's code size: marshal reads
# bytes at once but a list of 190,000 ints in about 90 ms, most of what the cache saves.
_CODE = next(t for t in "IL" if array(t).itemsize == __import__("_sre").CODESIZE)


def entry_of(parsed, flags: int, code: list) -> _Entry:
    """What the cache keeps of a pattern: its parse (`re._parser.parse`) and its program."""
    indexgroup = [None] * parsed.state.groups
    for name, index in parsed.state.groupdict.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), array(_CODE, code).tobytes(), parsed.state.groups - 1,
            dict(parsed.state.groupdict), tuple(indexgroup))


def build(pattern, entry: _Entry):
    """The compiled pattern from what the cache keeps of it; an exception where the matching
    engine refuses the program."""
    import _sre

    flags, program, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, flags, array(_CODE, program).tolist(), groups, dict(groupindex), tuple(indexgroup))


def package_mark() -> str:
    """A mark of this copy of the package (its modules' names, sizes and times), read only when
    the cache is saved: the patterns of another version, or of code since changed, are no use to
    it and would only make the file slower to read."""
    here = os.path.dirname(os.path.abspath(__file__))
    stats = []
    for folder, dirs, files in os.walk(here):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                st = os.stat(os.path.join(folder, name))
                stats.append(f"{os.path.relpath(os.path.join(folder, name), here)}:{st.st_size}:{st.st_mtime_ns}")
    return f"{zlib.crc32(chr(10).join(sorted(stats)).encode()):08x}"


def cache_file() -> Path:
    import _sre

    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    build = f"{sys.implementation.cache_tag}-{sys.version_info.releaselevel}{sys.version_info.micro}-{_sre.MAGIC}"
    return Path(root) / "timeline" / f"regex-{build}.marshal"


class _ProgramCache:
    def __init__(self, path: Path) -> None:
        import _sre
        from re import _compiler, _parser

        self.path, self._sre, self._compiler, self._parser = path, _sre, _compiler, _parser
        self.compile_uncached = _compiler.compile
        self.programs: dict = {}
        self.mark: Optional[str] = None  # of the package that wrote the file
        self.used: set = set()
        self.added = 0
        try:
            with open(path, "rb") as f:
                mark, programs = marshal.load(f)  # the file: (package mark, {key: program or value})
            if isinstance(programs, dict):
                self.mark, self.programs = mark, programs
        except (OSError, EOFError, ValueError, TypeError):
            pass  # no file, or one unreadable or of an older layout: start afresh

    def _build(self, pattern, entry: _Entry):
        return build(pattern, entry)

    def compile(self, pattern, flags=0):
        if not isinstance(pattern, (str, bytes)):
            return self.compile_uncached(pattern, flags)
        key = (pattern, int(flags))
        entry = self.programs.get(key)
        if entry is not None:
            self.used.add(key)
            try:
                return self._build(pattern, entry)
            except Exception:  # a program this build's engine refuses: compile it afresh
                del self.programs[key]
        compiled = self.compile_uncached(pattern, flags)
        if len(self.programs) < MAX_PATTERNS:
            entry = self._entry(pattern, flags)
            # Kept only if it builds the very pattern re builds (Pattern equality compares the program).
            if entry is not None and self._build(pattern, entry) == compiled:
                self.programs[key] = entry
                self.used.add(key)
                self.added += 1
        return compiled

    def _entry(self, pattern, flags) -> Optional[_Entry]:
        try:
            parsed = self._parser.parse(pattern, flags)
            return entry_of(parsed, flags, self._compiler._code(parsed, flags))
        except Exception:
            return None

    def save(self) -> None:
        if not self.added:
            return
        import tempfile  # only when there is something to save: its imports cost every start-up 5 ms

        mark = package_mark()
        if self.mark != mark:
            # Written by another version: what this one did not use is stale. (What another of
            # this version's commands uses is added again by that command, once.)
            self.programs = {key: self.programs[key] for key in self.used if key in self.programs}
            self.mark = mark
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".regex-")
            with os.fdopen(fd, "wb") as f:
                marshal.dump((self.mark, self.programs), f)
            os.replace(tmp, self.path)  # whole or not at all, whatever other commands do meanwhile
        except (OSError, ValueError):
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass


_installed: Optional[_ProgramCache] = None


@lru_cache(maxsize=None)
def source_mark(path: str) -> int:
    """A checksum of a module's source, for the keys of values it derives: a changed reading
    of the patterns is not answered from a cache written by the old one."""
    try:
        with open(path, "rb") as f:
            return zlib.crc32(f.read())
    except OSError:
        return 0


def remembered(key: tuple, derive: Callable[[], object]) -> object:
    """A value derived from patterns (marshal can write it), kept in the cache file beside their
    programs so that a later command need not derive it again; derived afresh without a cache."""
    cache = _installed
    if cache is None:
        return derive()
    key = ("derived",) + key
    if key in cache.programs:
        cache.used.add(key)
        return cache.programs[key]
    value = derive()
    try:
        marshal.dumps((key, value))  # one value the file cannot hold would lose the whole file's saving
    except ValueError:
        return value
    if len(cache.programs) < MAX_PATTERNS:
        cache.programs[key] = value
        cache.used.add(key)
        cache.added += 1
    return value


def install() -> None:
    """Compile every pattern of this process through the cache (once; the command line calls it)."""
    global _installed
    if _installed is not None or os.environ.get("TIMELINE_REGEX_CACHE", "1") == "0":
        return
    try:
        cache = _ProgramCache(cache_file())
        cache._compiler.compile  # the hook point of this Python's re
    except (ImportError, AttributeError):
        return
    cache._compiler.compile = cache.compile
    atexit.register(cache.save)
    _installed = cache
