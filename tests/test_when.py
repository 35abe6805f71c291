"""Dates a person types: one documented rule for numbers, configurable."""
import pytest

from timeline.when import parse_datetime


@pytest.mark.parametrize("order,text,expected", [
    ("MDY", "12/01/2026", "2026-12-01"), ("DMY", "12/01/2026", "2026-01-12"), ("DMY", "01.12.2026", "2026-12-01"),
    ("MDY", "2026-01-12", "2026-01-12"), ("DMY", "2026-01-12", "2026-01-12"),
])
def test_numeric_day_and_month_order(monkeypatch, order, text, expected):
    monkeypatch.setenv("TIMELINE_DATE_ORDER", order)
    assert parse_datetime(text).date().isoformat() == expected


def test_a_month_that_cannot_be_is_not_guessed(monkeypatch):
    monkeypatch.setenv("TIMELINE_DATE_ORDER", "MDY")
    assert parse_datetime("13/01/2026") is None


@pytest.mark.parametrize("text,minutes", [("90m", 90), ("90 min", 90), ("48h", 48 * 60), ("2 hrs", 120), ("7d", 7 * 1440),
                                          ("2w", 14 * 1440), ("3mo", 90 * 1440), ("3 months", 90 * 1440),
                                          ("1y", 365 * 1440)])
def test_spans_read_as_every_tool_reads_them(text, minutes):
    """"m" is minutes, as in every tool a person knows; months are "mo" or "month"."""
    from timeline.when import parse_span

    assert parse_span(text).total_seconds() == minutes * 60


@pytest.mark.parametrize("text,offset_hours", [("Feb 13 2020 14:00 EAT", 3), ("Feb 13, 2020 3:00 PM EST", -5),
                                               ("2020-02-13 14:00 +03:00", 3), ("2020-02-13T14:00:00+03:00", 3)])
def test_a_time_given_in_a_zone_keeps_it(text, offset_hours):
    when = parse_datetime(text)
    assert when.utcoffset().total_seconds() == offset_hours * 3600
