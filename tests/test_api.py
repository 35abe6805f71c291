"""The Python interface does what the command line does."""
import timeline

from .conftest import EXAMPLES


def test_extract_reads_a_deadline():
    result = timeline.extract("The union said the port must improve its offer by Friday.", published="2026-03-02")
    [m] = [m for m in result.mentions if m.kind == "deadline"]
    assert m.due == "2026-03-06" and "improve its offer" in m.subject and m.setter == "union"


def test_store_add_and_deadlines(tmp_path):
    store = timeline.open_store(str(tmp_path / "t.db"))
    assert timeline.add(store, str(EXAMPLES)) == 5
    assert timeline.add(store, str(EXAMPLES)) == 0
    rows = timeline.list_deadlines(store, as_of="2026-03-06", within="30d")
    assert rows and all("2026-03-06" <= r["tracked_due"] <= "2026-04-05" for r in rows)
    assert any(r["last_change"] == "extended" for r in rows)
    store.close()


def test_extract_reads_an_undated_history_from_the_dates_it_names():
    import pytest

    from timeline.errors import TimelineError

    history = timeline.extract("Work began in 1887. The span was laid on June 14.", mode="auto")
    assert [(m.text, m.value) for m in history.mentions] == [("1887", "1887"), ("June 14", "1887-06-14")]
    assert history.document.published_from == "undated"
    with pytest.raises(TimelineError):
        timeline.extract("Work began in 1887.")  # news needs a publication date
