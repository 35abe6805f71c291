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
