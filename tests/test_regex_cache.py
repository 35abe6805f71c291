"""Patterns compiled once per machine: the same matches as `re`, and a damaged cache costs nothing
but time."""
import marshal
import re

from timeline.regex_cache import _ProgramCache

from .test_cli import run

PATTERNS = [
    (r"(?P<day>\d{1,2})\s+(?P<month>jan(?:uary)?|feb(?:ruary)?)", 0),
    (r"\bby\s+(?:the\s+)?end\s+of\b", re.IGNORECASE),
    (r"(\w+) - \1  # a word repeated", re.VERBOSE),
    (rb"\x00[\x01-\x7f]+", 0),
]
TEXT = "Talks resume on 12 February; by the End of it, word-word. 3 jan"


def _compiled(cache: _ProgramCache):
    return [cache.compile(p, f) for p, f in PATTERNS]


def test_a_pattern_read_back_matches_as_re_compiles_it(tmp_path):
    first = _ProgramCache(tmp_path / "c.marshal")
    fresh = _compiled(first)
    first.save()
    again = _ProgramCache(tmp_path / "c.marshal")
    assert len(again.programs) == len(PATTERNS)
    for (pattern, flags), built in zip(PATTERNS, _compiled(again)):
        expected = re.compile(pattern, flags)
        assert built == expected and built.groupindex == expected.groupindex
        subject = TEXT.encode() if isinstance(pattern, bytes) else TEXT
        assert [m.span() for m in built.finditer(subject)] == [m.span() for m in expected.finditer(subject)]
    assert again.added == 0 and fresh == _compiled(again)


def test_a_file_written_by_another_version_keeps_only_what_this_one_uses(tmp_path):
    path = tmp_path / "c.marshal"
    older = _ProgramCache(path)
    older.compile(r"\bpattern\s+of\s+an\s+older\s+version\b")
    older.save()
    older_file = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(("another version", older_file[1])))
    newer = _ProgramCache(path)
    _compiled(newer)
    newer.save()
    mark, programs = marshal.loads(path.read_bytes())
    assert set(programs) == {(p, int(f)) for p, f in PATTERNS} and mark != "another version"
    same = _ProgramCache(path)  # the same version adds what another of its commands uses
    same.compile(r"\banother\s+command's\s+pattern\b")
    same.save()
    assert len(_ProgramCache(path).programs) == len(PATTERNS) + 1


def test_a_damaged_program_is_compiled_afresh(tmp_path):
    path = tmp_path / "c.marshal"
    cache = _ProgramCache(path)
    _compiled(cache)
    cache.save()
    mark, programs = marshal.loads(path.read_bytes())
    for key, entry in programs.items():  # a program the matching engine cannot run
        programs[key] = (entry[0], b"\xff" * len(entry[1])) + entry[2:]
    path.write_bytes(marshal.dumps((mark, programs)))
    damaged = _ProgramCache(path)
    for (pattern, flags), built in zip(PATTERNS, _compiled(damaged)):
        assert built == re.compile(pattern, flags)
    path.write_bytes(b"not a cache")
    assert _ProgramCache(path).programs == {}


def test_the_command_reads_the_same_with_a_cache_without_one_and_with_a_broken_one(tmp_path):
    line = "The union must reply by Friday, the ministry said on Monday.\n"
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    args = ("extract", "-", "--published", "2026-03-02", "--format", "json")
    first = run(*args, input=line, env=env)
    assert first.returncode == 0, first.stderr
    files = list((tmp_path / "timeline").glob("regex-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 100_000
    assert run(*args, input=line, env=env).stdout == first.stdout
    assert run(*args, input=line, env={**env, "TIMELINE_REGEX_CACHE": "0"}).stdout == first.stdout
    files[0].write_bytes(b"\x00" * 64)
    broken = run(*args, input=line, env=env)
    assert broken.returncode == 0 and broken.stdout == first.stdout and not broken.stderr


def test_a_value_derived_from_patterns_is_kept_and_one_altered_is_derived_again(tmp_path, monkeypatch):
    from timeline import regex_cache
    from timeline import tails
    from timeline.regex_cache import source_mark
    from timeline.tails import TailPattern

    path = tmp_path / "c.marshal"
    derived = []

    def derive():
        derived.append(1)
        return ("for",)
    monkeypatch.setattr(regex_cache, "_installed", _ProgramCache(path))
    assert regex_cache.remembered(("k",), derive) == ("for",) and regex_cache.remembered(("k",), derive) == ("for",)
    regex_cache._installed.save()
    monkeypatch.setattr(regex_cache, "_installed", _ProgramCache(path))
    assert regex_cache.remembered(("k",), derive) == ("for",) and len(derived) == 1
    # endings a hand altered in the file are not trusted: the pattern's own are read again
    pattern = TailPattern(r"\bset\s+for\s+$")
    regex_cache._installed.programs[("derived", "endings", source_mark(tails.__file__), pattern.pattern, int(pattern.flags))] = (7,)
    assert pattern.endings == ("for",) and pattern.search("it was set for ") is not None
