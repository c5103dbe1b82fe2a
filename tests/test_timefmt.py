"""The one local-time filter: UTC in, Swedish local time out, registered for every template."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask import Flask, render_template_string

from dialog.web import timefmt
from dialog.web.timefmt import local_time


@pytest.mark.parametrize(("moment", "shown"), [
    (datetime(2021, 9, 30, 16, 30, tzinfo=UTC), "2021-09-30 18:30"),  # summer time, +2
    (datetime(2021, 12, 1, 17, 5, tzinfo=UTC), "2021-12-01 18:05"),  # winter time, +1
    ("2021-09-30T16:30:00+00:00", "2021-09-30 18:30"),
    (datetime(2021, 12, 1, 17, 5), "2021-12-01 18:05"),  # naive is UTC
    (None, ""),
    ("", ""),
])
def test_a_moment_is_shown_in_swedish_local_time(moment: datetime | str | None, shown: str):
    assert local_time(moment) == shown


def test_without_a_time_zone_database_utc_is_shown(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(timefmt, "LOCAL_ZONE", "Nowhere/Atlantis")
    assert local_time(datetime(2021, 9, 30, 16, 30, tzinfo=UTC)) == "2021-09-30 16:30"


def test_every_template_has_the_filter(app: Flask):
    with app.test_request_context("/"):
        shown = render_template_string("{{ moment|local_time }}",
                                       moment=datetime(2021, 9, 30, 16, 30, tzinfo=UTC))
    assert shown == "2021-09-30 18:30"
