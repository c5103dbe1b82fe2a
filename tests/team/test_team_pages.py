"""The team in the console: the owner adds and removes people with forms (without
JavaScript), an invite link is shown once, and a reader sees the team but no forms."""

from __future__ import annotations

import re

from tests.conftest import PASSWORD, World
from tests.test_console_pages import csrf, log_in


def test_the_owner_invites_and_removes_from_the_team_page(client, world: World,
                                                         make_facilitator):
    make_facilitator("medledare@varberg.se")
    log_in(client, world.facilitator_email)
    page = f"/facilitator/processes/{world.process_id}/team"
    token = csrf(client, page)
    added = client.post(page, data={"csrf_token": token, "email": "medledare@varberg.se",
                                    "role": "facilitator"})
    assert added.status_code == 302
    invited = client.post(page, data={"csrf_token": token, "email": "ny@varberg.se",
                                      "role": "reader"})
    html = client.get(invited.headers["Location"]).get_data(as_text=True)
    assert "medledare@varberg.se" in html
    assert re.search(r'id="invite-url" type="text" readonly value="http://dialog\.test/invite/'
                     r'inv_[\w-]+"', html)
    # Shown once only.
    assert 'id="invite-url"' not in client.get(page).get_data(as_text=True)

    refused = client.post(page, data={"csrf_token": token, "email": "x@varberg.se",
                                      "role": "chef"})
    assert refused.status_code == 400
    assert "Okänd roll" in refused.get_data(as_text=True)
    assert 'value="x@varberg.se"' in refused.get_data(as_text=True)  # what was typed stays

    removed = client.post(page + "/remove", data={"csrf_token": token,
                                                 "email": "medledare@varberg.se"})
    assert removed.status_code == 302
    last = client.post(page + "/remove", data={"csrf_token": token,
                                              "email": world.facilitator_email})
    assert last.status_code == 409
    assert "minst en ägare" in last.get_data(as_text=True)


def test_a_reader_sees_the_team_but_no_forms_and_the_nav_links_it(client, app, world: World,
                                                                  make_facilitator):
    make_facilitator("namnd@varberg.se")
    owner = app.test_client()
    log_in(owner, world.facilitator_email)
    page = f"/facilitator/processes/{world.process_id}/team"
    owner.post(page, data={"csrf_token": csrf(owner, page), "email": "namnd@varberg.se",
                           "role": "reader"})
    log_in(client, "namnd@varberg.se", PASSWORD)
    html = client.get(page).get_data(as_text=True)
    assert "namnd@varberg.se" in html
    assert 'name="role"' not in html
    assert "Bara processens ägare kan ändra teamet." in html
    process_page = client.get(f"/facilitator/processes/{world.process_id}")
    assert process_page.status_code == 200
    assert "Du är läsare i den här processen" in process_page.get_data(as_text=True)
    assert 'id="reader-note"' not in owner.get(page).get_data(as_text=True)
    assert f'href="/facilitator/processes/{world.process_id}/team"' in \
        process_page.get_data(as_text=True)
    dashboard = client.get("/facilitator/").get_data(as_text=True)
    assert "Trygghet i Varberg" in dashboard
