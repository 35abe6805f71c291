"""Narrative reading: a history or background report, dated or not, read from the last date its
text named (`--mode narrative`), and documents without a publication date accepted by
`--mode auto` and shown as undated."""
import json

from .test_cli import run

HISTORY = ("The harbour wall\n\nConstruction of the harbour wall began in 1911. The first section was finished on "
           "August 3, and the second on May 20 of the next spring. In 1913 the port authority ordered the builders "
           "to complete the last section by November 30.\n")


def test_an_undated_file_is_refused_in_news_mode_with_the_way_out(tmp_path):
    f = tmp_path / "wall.txt"
    f.write_text(HISTORY)
    out = run("extract", str(f))
    assert out.returncode == 2 and "--mode auto" in out.stderr and len(out.stderr.splitlines()) == 1


def test_auto_mode_reads_an_undated_file_from_the_dates_it_names(tmp_path):
    f = tmp_path / "wall.txt"
    f.write_text(HISTORY)
    out = run("extract", str(f), "--mode", "auto", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["document"]["published_from"] == "undated"
    values = {m["text"]: m for m in data["mentions"]}
    assert values["August 3"]["value"] == "1911-08-03"
    assert values["November 30"]["value"] == "1913-11-30" and values["November 30"]["kind"] == "deadline"


def test_news_mode_reads_the_same_dates_from_the_publication_date(tmp_path):
    f = tmp_path / "wall.txt"
    f.write_text(HISTORY)
    out = run("extract", str(f), "--published", "2026-03-02", "--format", "json")
    values = {m["text"]: m["value"] for m in json.loads(out.stdout)["mentions"]}
    assert values["August 3"] == "2025-08-03"  # what a news reading makes of it: why the mode exists
    narrative = run("extract", str(f), "--published", "2026-03-02", "--mode", "narrative", "--format", "json")
    assert {m["text"]: m["value"] for m in json.loads(narrative.stdout)["mentions"]}["August 3"] == "1911-08-03"


def test_add_in_auto_mode_stores_an_undated_document_and_sources_says_so(tmp_path):
    db = str(tmp_path / "t.db")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wall.txt").write_text(HISTORY)
    (folder / "news.txt").write_text("Port strike\n\nMarch 2, 2026 \u2014 Dockers said they would strike on Friday.\n")
    added = run("add", str(folder), "--mode", "auto", db=db)
    assert added.returncode == 0, added.stderr
    listing = run("sources", db=db).stdout
    assert "undated (story from 1911-01-01)" in listing and "2026-03-02" in listing
    rows = json.loads(run("sources", "--format", "json", db=db).stdout)
    assert sorted(r["published_from"] for r in rows) == ["dateline", "undated"]


def test_a_text_with_no_date_at_all_is_one_line_even_in_auto_mode(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_text("A note\n\nThe committee will meet again soon to discuss the matter.\n")
    out = run("extract", str(f), "--mode", "auto")
    assert out.returncode == 2 and "no date in the text" in out.stderr and len(out.stderr.splitlines()) == 1


def test_tag_reads_timeml_without_a_dct_as_a_narrative_in_auto_mode(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "h.tml").write_text('<?xml version="1.0" ?>\n<TimeML>\n<DOCID>h</DOCID>\n<TEXT>In 1950 the line was '
                               'electrified; the first train ran on June 5.</TEXT>\n</TimeML>\n')
    refused = run("tag", str(src), "--out", str(tmp_path / "a"))
    assert refused.returncode == 2 and "--mode auto" in refused.stderr
    done = run("tag", str(src), "--out", str(tmp_path / "b"), "--mode", "auto")
    assert done.returncode == 0, done.stderr
    assert 'value="1950-06-05"' in (tmp_path / "b" / "h.tml").read_text()
