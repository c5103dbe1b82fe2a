"""A process run by a team: the creator owns it, owners add co-facilitators and readers (or
invite them), the last owner stays, and a process without an owner is nobody's."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select

from dialog.cli import cli
from dialog.extensions import db
from dialog.models import Invitation
from dialog.services import processes
from tests.conftest import PASSWORD, World, bearer

OWNER = "samtalsledare@varberg.se"


def team_url(world: World) -> str:
    return f"/api/v1/processes/{world.process_id}/team"


def add(client: Any, world: World, email: str, role: str, token: str | None = None) -> Any:
    return client.post(team_url(world), json={"email": email, "role": role},
                       headers=bearer(token or world.facilitator_token))


def test_the_creator_is_the_owner(client, world):
    listed = client.get(team_url(world), headers=bearer(world.facilitator_token))
    assert listed.status_code == 200
    assert listed.get_json() == {"members": [{"email": OWNER, "role": "owner"}],
                                 "invitations": []}


def test_an_owner_adds_a_co_facilitator_who_then_runs_the_process(client, world,
                                                                  make_facilitator):
    _id, token = make_facilitator("medledare@varberg.se")
    assert client.get(f"/api/v1/processes/{world.process_id}",
                      headers=bearer(token)).status_code == 403
    added = add(client, world, "Medledare@Varberg.se", "facilitator")
    assert added.status_code == 201
    assert added.get_json() == {"email": "medledare@varberg.se", "role": "facilitator",
                                "invited": False, "invite_url": None}
    assert client.get(f"/api/v1/processes/{world.process_id}",
                      headers=bearer(token)).status_code == 200
    opened = client.post(f"/api/v1/processes/{world.process_id}/workshops",
                         json={"title": "Workshop 2"}, headers=bearer(token))
    assert opened.status_code == 201
    mine = client.get("/api/v1/processes", headers=bearer(token)).get_json()
    assert [p["id"] for p in mine["processes"]] == [world.process_id]
    # ... but does not manage the team.
    refused = add(client, world, "tredje@varberg.se", "reader", token)
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "team_owner_required"


def test_a_reader_reads_but_changes_nothing(client, world, make_facilitator):
    _id, token = make_facilitator("namnd@varberg.se")
    assert add(client, world, "namnd@varberg.se", "reader").status_code == 201
    assert client.get(f"/api/v1/processes/{world.process_id}/perspectives",
                      headers=bearer(token)).status_code == 200
    refused = client.post(f"/api/v1/processes/{world.process_id}/workshops",
                          json={"title": "Nej"}, headers=bearer(token))
    assert refused.status_code == 403
    assert refused.get_json()["error"]["code"] == "team_reader_cannot_change"
    assert "läsare" in refused.get_json()["error"]["message"]


def test_an_unknown_role_is_refused_with_the_roles_named(client, world, make_facilitator):
    make_facilitator("medledare@varberg.se")
    refused = add(client, world, "medledare@varberg.se", "admin")
    assert refused.status_code == 400
    body = refused.get_json()["error"]
    assert body["code"] == "team_role_unknown"
    assert "owner, facilitator, reader" in body["message"]
    assert add(client, world, "inte-en-adress", "reader").get_json()["error"]["code"] == \
        "invalid_email"


def test_the_last_owner_cannot_be_removed_or_demoted(client, world, make_facilitator):
    removed = client.delete(f"{team_url(world)}/{OWNER}", headers=bearer(world.facilitator_token))
    assert removed.status_code == 409
    assert removed.get_json()["error"]["code"] == "team_last_owner"
    assert add(client, world, OWNER, "reader").status_code == 409
    make_facilitator("andra.agaren@varberg.se")
    assert add(client, world, "andra.agaren@varberg.se", "owner").status_code == 201
    gone = client.delete(f"{team_url(world)}/{OWNER}", headers=bearer(world.facilitator_token))
    assert gone.status_code == 200
    assert gone.get_json() == {"email": OWNER, "removed": True}
    # The former owner is now outside: 403 everywhere.
    assert client.get(team_url(world), headers=bearer(world.facilitator_token)).status_code == 403


def test_removing_someone_not_on_the_team_is_404(client, world):
    missing = client.delete(f"{team_url(world)}/ingen@varberg.se",
                            headers=bearer(world.facilitator_token))
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "team_member_not_found"


def test_an_address_without_an_account_gets_an_invitation_link(client, world, app):
    invited = add(client, world, "ny.medledare@varberg.se", "facilitator")
    assert invited.status_code == 201
    body = invited.get_json()
    assert body["invited"] is True
    assert re.fullmatch(r"http://dialog\.test/invite/inv_[\w-]+", body["invite_url"])
    listed = client.get(team_url(world), headers=bearer(world.facilitator_token)).get_json()
    assert listed["invitations"] == [{"email": "ny.medledare@varberg.se", "role": "facilitator"}]

    path = body["invite_url"].removeprefix("http://dialog.test")
    page = client.get(path)
    assert page.status_code == 200
    assert "ny.medledare@varberg.se" in page.get_data(as_text=True)
    with client.session_transaction() as session:
        session["csrf"] = "t"
    short = client.post(path, data={"csrf_token": "t", "password": "kort",
                                    "password_again": "kort"})
    assert short.status_code == 400
    assert "minst 12 tecken" in short.get_data(as_text=True)
    made = client.post(path, data={"csrf_token": "t", "password": PASSWORD,
                                   "password_again": PASSWORD})
    assert made.status_code == 302
    assert made.headers["Location"].endswith(f"/facilitator/processes/{world.process_id}")
    assert client.get(made.headers["Location"]).status_code == 200
    # Used once: the link is gone, the member is on the team.
    assert client.get(path).status_code == 404
    listed = client.get(team_url(world), headers=bearer(world.facilitator_token)).get_json()
    assert {"email": "ny.medledare@varberg.se", "role": "facilitator"} in listed["members"]
    assert listed["invitations"] == []


def test_an_invitation_can_be_withdrawn(client, world):
    add(client, world, "kanske@varberg.se", "reader")
    withdrawn = client.delete(f"{team_url(world)}/kanske@varberg.se",
                              headers=bearer(world.facilitator_token))
    assert withdrawn.status_code == 200
    assert client.get(team_url(world), headers=bearer(
        world.facilitator_token)).get_json()["invitations"] == []


def test_a_process_without_an_owner_is_nobodys_until_the_cli_sets_one(
        client, app, settings, tmp_path, make_facilitator):
    """Issue 9, finding 3: an import without --owner was open to every facilitator."""
    _id, token = make_facilitator("kommun@varberg.se")
    with db.transaction() as session:
        orphan = processes.create_process(session, None, title="Importerad",
                                          question="Vad?", stakeholder_groups=["unga"])
        orphan_id = orphan.id
    assert client.get(f"/api/v1/processes/{orphan_id}", headers=bearer(token)).status_code == 403
    assert client.get("/api/v1/processes", headers=bearer(token)).get_json() == {
        "processes": []}
    env = {"DIALOG_DATABASE_URL": settings.database_url,
           "DIALOG_INSTANCE_DIR": str(tmp_path / "instance"), "DIALOG_SECRET_KEY": "x"}
    result = CliRunner().invoke(cli, ["process", "set-owner", str(orphan_id),
                                      "kommun@varberg.se"], env=env)
    assert result.exit_code == 0, result.output
    assert "kommun@varberg.se äger nu processen" in result.output
    assert client.get(f"/api/v1/processes/{orphan_id}", headers=bearer(token)).status_code == 200
    unknown = CliRunner().invoke(cli, ["process", "set-owner", str(orphan_id),
                                       "ingen@varberg.se"], env=env)
    assert unknown.exit_code != 0
    assert "no_owner_account" in unknown.output


def test_inviting_again_replaces_the_link_and_old_links_expire(client, world):
    first = add(client, world, "sen@varberg.se", "reader").get_json()["invite_url"]
    second = add(client, world, "sen@varberg.se", "facilitator").get_json()["invite_url"]
    assert client.get(first.removeprefix("http://dialog.test")).status_code == 404
    assert client.get(second.removeprefix("http://dialog.test")).status_code == 200
    listed = client.get(team_url(world), headers=bearer(world.facilitator_token)).get_json()
    assert listed["invitations"] == [{"email": "sen@varberg.se", "role": "facilitator"}]
    with db.transaction() as session:
        for invitation in session.scalars(select(Invitation)):
            invitation.created_at -= timedelta(days=15)
    expired = client.get(second.removeprefix("http://dialog.test"))
    assert expired.status_code == 404
    assert "Be processens ägare om en ny länk" in expired.get_data(as_text=True)
