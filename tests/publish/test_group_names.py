"""A stakeholder group's name is shown as the facilitator wrote it; only where it starts a
label or a line is its first letter a capital: the same on the console, the wall and the
public page and report."""

from __future__ import annotations

import re

import pytest

from dialog.web.group_names import label_start
from tests.publish.conftest import Publisher
from tests.room.helpers import log_in


@pytest.mark.parametrize(("written", "label"), [
    ("unga", "Unga"), ("Unga", "Unga"), ("unga vuxna", "Unga vuxna"),
    ("SFI-elever", "SFI-elever"), ("åk 9", "Åk 9"), ("", ""), (None, ""),
])
def test_a_name_that_starts_a_label_gets_a_capital_and_nothing_else_changes(written, label):
    assert label_start(written) == label


def test_the_public_page_and_report_label_a_group_as_the_console_does(
        publisher: Publisher, crowd, world):
    crowd("unga", 6)
    publisher.publish()
    page = publisher.page()
    assert '<th scope="row">Unga</th>' in page
    assert '<th scope="row">unga</th>' not in page
    assert '<th scope="row">Unga</th>' in publisher.file("report.html").decode()
    log_in(publisher.client, world.facilitator_email)
    console = publisher.get(f"/facilitator/processes/{publisher.process_id}").get_data(
        as_text=True)
    assert re.search(r'tally__name">Unga</span>', console)
