"""``/p/<slug>/feed.atom``: versions and public status changes, linked from DIALOG_PUBLIC_URL."""

from __future__ import annotations

import dataclasses
from xml.etree import ElementTree

import pytest
from sqlalchemy import select

from dialog.config import Settings
from dialog.extensions import db
from dialog.models import Proposal
from tests.publish.conftest import Publisher

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLIC = "https://dialog.varberg.example"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, public_base_url=PUBLIC)


def entries(demo: Publisher) -> list[tuple[str, str]]:
    response = demo.get(f"/p/{demo.slug}/feed.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    root = ElementTree.fromstring(response.data)
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == (
        f"{PUBLIC}/p/{demo.slug}/feed.atom")
    return [(e.findtext(f"{ATOM}title") or "", e.find(f"{ATOM}link").get("href") or "")
            for e in root.iter(f"{ATOM}entry")]


def test_the_feed_lists_versions_and_status_changes_newest_first(demo: Publisher):
    demo.publish()
    demo.publish(note="Efter nämndens möte.")
    with db.transaction() as session:
        proposal = session.scalars(select(Proposal).where(
            Proposal.process_id == demo.process_id).order_by(Proposal.id)).first()
        assert proposal is not None
        proposal_id, title = proposal.id, proposal.title
    demo.api("POST", f"/proposals/{proposal_id}/status-updates",
             {"status": "ongoing", "dated": "2099-01-01"})

    found = entries(demo)

    assert found[0] == (f"{title}: Pågår", f"{PUBLIC}/p/{demo.slug}#proposals")
    versions = [t for t, _ in found if t.startswith("Version")]
    assert versions[:3] == ["Version 3 publicerad", "Version 2 publicerad",
                           "Version 1 publicerad"]  # the demo comes published once
    assert all(link.startswith(PUBLIC) for _, link in found)


def test_an_unpublished_process_has_no_feed(publisher: Publisher):
    assert publisher.get(f"/p/{publisher.slug}/feed.atom").status_code == 404


def test_a_decision_is_news_in_the_feed(demo: Publisher):
    demo.publish()
    with db.transaction() as session:
        proposal = session.scalars(select(Proposal).where(
            Proposal.process_id == demo.process_id).order_by(Proposal.id)).first()
        assert proposal is not None
        proposal_id, title = proposal.id, proposal.title
    demo.api("POST", f"/proposals/{proposal_id}/decisions", {
        "body": "Lokal nämnd Varberg", "decided_on": "2099-01-02", "outcome": "referred_back"})
    assert entries(demo)[0] == (f"Beslut om {title}: Återremiss",
                                f"{PUBLIC}/p/{demo.slug}#proposal-{proposal_id}")
