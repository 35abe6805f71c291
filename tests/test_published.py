"""Where an article says when it was published: datelines and epoch stamps."""
from datetime import datetime, timezone

import pytest

from timeline.ingest.published import dateline, epoch_stamp
from timeline.when import parse_datetime


@pytest.mark.parametrize("head,expected", [
    ("Port strike looms\nMarch 2, 2026 \u2014 The union said Monday...", datetime(2026, 3, 2)),
    ("Water rationing\nPublished: 27 February 2026 08:30 GMT\n\nThe council...", datetime(2026, 2, 27, 8, 30, tzinfo=timezone.utc)),
    ("Budget vote\nFeb. 25, 2026 - Lawmakers will vote...", datetime(2026, 2, 25)),
    ("Title\n2024-05-01T09:00:00Z\nBody text.", datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)),
])
def test_dateline_at_the_top(head, expected):
    assert dateline(head, parse_datetime) == expected


@pytest.mark.parametrize("head", [
    "Copy of 458747-01-08-1581590675397\nA child walks past a gun on February 12.",
    "The talks, which began on March 2, 2019, are stalled.\n" * 1 + "More text.",
    "Room 2020 is on the third floor.",
])
def test_no_dateline_where_none_is_written(head):
    assert dateline(head, parse_datetime) is None


def test_epoch_stamps_in_milliseconds_and_seconds():
    assert epoch_stamp("Copy of 458747-01-08-1581590675397") == datetime(2020, 2, 13, 10, 44, 35, 397000, tzinfo=timezone.utc)
    assert epoch_stamp("story-1581590675.txt") == datetime(2020, 2, 13, 10, 44, 35, tzinfo=timezone.utc)
    assert epoch_stamp("order 9999999999999 items") is None  # beyond 2100: not a stamp
    assert epoch_stamp("phone 5551234567") is None  # 1970s: not a plausible publication
