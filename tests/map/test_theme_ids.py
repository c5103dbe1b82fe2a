"""Theme ids written later (the analysis child's deferred identity), on SQLite and PostgreSQL.

The child computes in a transaction that only reads: a new theme gets the id after the
newest stored one, and ``store`` writes it with the snapshot. On PostgreSQL an id given
explicitly does not move the table's sequence, so ``store`` moves it past them: a theme made
afterwards the ordinary way must not collide.
"""

from __future__ import annotations

from sqlalchemy import select

from dialog.extensions import db
from dialog.models import MapTheme
from phases.inventering.map.themes import ThemeIdentity


def test_deferred_new_themes_are_stored_and_later_themes_do_not_collide(app, world) -> None:
    found = [{"id": 0, "label": "Ljus", "perspective_ids": [1, 2]},
             {"id": 1, "label": "Bänkar", "perspective_ids": [3, 4]}]
    with db.transaction() as session:
        identity = ThemeIdentity(session, world.process_id, deferred=True)
        named = identity(found)
        identity.store(session)
    with db.transaction() as session:
        later = MapTheme(process_id=world.process_id, members=[5], suggested_name="Träd")
        session.add(later)
        session.flush()
        assert later.id not in {theme["id"] for theme in named}
    with db.transaction() as session:
        stored = session.scalars(select(MapTheme.suggested_name).order_by(MapTheme.id)).all()
    assert stored == ["Ljus", "Bänkar", "Träd"]
