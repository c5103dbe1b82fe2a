"""The way back by e-mail: double opt-in, a notice on every version and status change, an
unsubscribe link in each, and the address kept apart from everything people said.

Mail goes through a real SMTP server (aiosmtpd on a free local port), not a mock.
"""

from __future__ import annotations

import dataclasses
import re
import socket
import time
from collections.abc import Iterator
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage as Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from dialog.config import Settings
from dialog.extensions import db
from dialog.models import MailOutbox, Proposal, Subscription, Workshop, WorkshopState
from dialog.publication import retention
from tests.publish.conftest import Publisher

PUBLIC = "https://dialog.varberg.example"
ADDRESS = "boende@example.se"


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"

    def wait_for(self, count: int, timeout: float = 15.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(self.messages) >= count, [m["Subject"] for m in self.messages]
        while _unsent() and time.monotonic() < deadline:  # let the sender record it, so
            time.sleep(0.05)  # its write never meets the test's next request (SQLite)
        return self.messages


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    handler = Inbox(free_port())
    controller = Controller(handler, hostname="127.0.0.1", port=handler.port, ready_timeout=30)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture
def settings(settings: Settings, inbox: Inbox) -> Settings:
    """The instance sends mail through the local SMTP server and has a public address."""
    return dataclasses.replace(settings, smtp_url=f"smtp://127.0.0.1:{inbox.port}",
                               mail_from="dialog@varberg.example", public_base_url=PUBLIC)


def body_of(message: Message) -> str:
    return str(message.get_content())


def link_in(message: Message, kind: str) -> str:
    found = re.search(rf"{re.escape(PUBLIC)}/subscriptions/([\w-]+)/{kind}", body_of(message))
    assert found, body_of(message)
    return found.group(0).removeprefix(PUBLIC)


def subscribe(demo: Publisher, email: str = ADDRESS) -> Any:
    return demo.client.post(f"/api/v1/processes/{demo.process_id}/subscriptions",
                            json={"email": email})


def test_a_resident_confirms_then_hears_of_each_new_version(demo: Publisher, inbox: Inbox):
    demo.publish()
    asked = subscribe(demo)
    assert asked.status_code == 202, asked.json
    assert asked.json == {"status": "confirmation_sent"}

    confirmation = inbox.wait_for(1)[0]
    assert confirmation["To"] == ADDRESS
    assert "Bekräfta" in confirmation["Subject"]
    confirm_path = link_in(confirmation, "confirm")
    # Following the link only shows a button: mail scanners open links.
    page = demo.client.get(confirm_path)
    assert page.status_code == 200
    assert "Ja, bekräfta" in page.text
    demo.publish(note="Nu med nämndens beslut.")
    time.sleep(0.3)
    assert len(inbox.messages) == 1  # not confirmed yet: no news
    assert demo.client.post(confirm_path).status_code == 200

    demo.publish(note="Version tre.")
    notice = inbox.wait_for(2)[1]
    assert "Ny version" in notice["Subject"]
    text = body_of(notice)
    assert f"{PUBLIC}/p/{demo.slug}" in text
    assert "Version tre." in text
    unsubscribe = link_in(notice, "unsubscribe")
    assert notice["List-Unsubscribe"] == f"<{PUBLIC}{unsubscribe}>"
    assert notice["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_status_change_of_a_published_proposal_is_a_notice(demo: Publisher, inbox: Inbox):
    demo.publish()
    subscribe(demo)
    demo.client.post(link_in(inbox.wait_for(1)[0], "confirm"))
    with db.transaction() as session:
        proposal = session.scalars(select(Proposal).where(
            Proposal.process_id == demo.process_id).order_by(Proposal.id)).first()
        assert proposal is not None
        proposal_id, title = proposal.id, proposal.title
    changed = demo.api("POST", f"/proposals/{proposal_id}/status-updates",
                       {"status": "completed", "dated": "2026-11-30", "note": "Klart."})
    assert changed.status_code == 201, changed.json
    notice = inbox.wait_for(2)[1]
    assert title in notice["Subject"]
    assert "Genomförd" in notice["Subject"]
    assert "Klart." in body_of(notice)


def test_one_click_unsubscribe_removes_the_address_and_the_news_stops(demo: Publisher,
                                                                       inbox: Inbox):
    demo.publish()
    subscribe(demo)
    demo.client.post(link_in(inbox.wait_for(1)[0], "confirm"))
    demo.publish()
    notice = inbox.wait_for(2)[1]

    ended = demo.client.post(link_in(notice, "unsubscribe"),
                             data={"List-Unsubscribe": "One-Click"})
    assert ended.status_code == 200
    assert _addresses() == 0
    demo.publish()
    time.sleep(0.3)
    assert len(inbox.messages) == 2
    assert demo.client.post(link_in(notice, "unsubscribe")).status_code == 404


def test_the_address_is_never_published_and_goes_at_retention(demo: Publisher, inbox: Inbox):
    demo.publish()
    subscribe(demo)
    demo.client.post(link_in(inbox.wait_for(1)[0], "confirm"))
    demo.publish()
    for name, text in demo.everything().items():
        assert ADDRESS not in text, name
    assert ADDRESS not in str(demo.snapshot())

    demo.api("PATCH", f"/processes/{demo.process_id}/publication-settings",
             {"retention_until": "2026-01-01"})
    with db.transaction() as session:
        for workshop in session.scalars(select(Workshop).where(
                Workshop.process_id == demo.process_id)):
            workshop.state = WorkshopState.CLOSED
    with db.transaction() as session:
        retention.apply_due(session, date(2026, 11, 30))
    assert _addresses() == 0


def test_asking_twice_tells_nothing_and_bad_input_is_refused(demo: Publisher, inbox: Inbox):
    demo.publish()
    first = subscribe(demo).json
    inbox.wait_for(1)
    assert subscribe(demo).json == first == {"status": "confirmation_sent"}
    inbox.wait_for(2)  # unconfirmed: the confirmation goes out again
    assert _addresses() == 1
    refused = subscribe(demo, "inte en adress")
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "email_invalid"
    assert subscribe(demo, ["x@example.se"]).json["error"]["code"] == "email_invalid"
    unknown = demo.client.post("/api/v1/processes/99999/subscriptions",
                               json={"email": ADDRESS})
    assert unknown.status_code == 404


def test_the_public_page_offers_the_form_and_the_feed(demo: Publisher, inbox: Inbox):
    demo.publish()
    page = demo.page()
    assert 'name="email"' in page
    assert "feed.atom" in page
    sent = demo.client.post(f"/p/{demo.slug}/subscribe", data={"email": ADDRESS})
    assert sent.status_code == 202
    assert "Tack!" in sent.text
    assert inbox.wait_for(1)[0]["To"] == ADDRESS


def _unsent() -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count(MailOutbox.id)).where(
            MailOutbox.sent_at.is_(None))) or 0)


def _addresses() -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count(Subscription.id))) or 0)


def test_mail_queued_by_the_command_line_is_sent_by_dialog_mail_send(
        demo: Publisher, inbox: Inbox, settings: Settings, monkeypatch: pytest.MonkeyPatch):
    from click.testing import CliRunner

    from dialog.cli import cli
    from dialog.mail import outbox

    demo.publish()
    subscribe(demo)
    demo.client.post(link_in(inbox.wait_for(1)[0], "confirm"))
    outbox.on_commit(None)  # as in `dialog publish`: nothing sends after the commit
    demo.publish()
    time.sleep(0.3)
    assert len(inbox.messages) == 1
    for name, value in {"DIALOG_DATABASE_URL": settings.database_url,
                        "DIALOG_SECRET_KEY": settings.secret_key,
                        "DIALOG_INSTANCE_DIR": str(settings.instance_dir),
                        "DIALOG_SMTP_URL": str(settings.smtp_url),
                        "DIALOG_PUBLIC_URL": PUBLIC}.items():
        monkeypatch.setenv(name, value)
    done = CliRunner().invoke(cli, ["mail", "send"])
    assert done.exit_code == 0, done.output
    assert "1 e-brev skickade." in done.output
    assert "Ny version" in inbox.wait_for(2)[1]["Subject"]


def test_a_decision_on_a_published_proposal_is_a_notice(demo: Publisher, inbox: Inbox):
    demo.publish()
    subscribe(demo)
    demo.client.post(link_in(inbox.wait_for(1)[0], "confirm"))
    with db.transaction() as session:
        proposal = session.scalars(select(Proposal).where(
            Proposal.process_id == demo.process_id).order_by(Proposal.id)).first()
        assert proposal is not None
        proposal_id, title = proposal.id, proposal.title
    decided = demo.api("POST", f"/proposals/{proposal_id}/decisions", {
        "body": "Lokal nämnd Varberg", "decided_on": "2026-11-30", "paragraph": "§ 12",
        "case_number": "KS 2026/123", "outcome": "approved"})
    assert decided.status_code == 201, decided.json
    notice = inbox.wait_for(2)[1]
    assert title in notice["Subject"]
    assert "Bifall" in body_of(notice)
    assert "Lokal nämnd Varberg" in body_of(notice)
