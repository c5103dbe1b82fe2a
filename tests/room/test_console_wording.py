"""What the consoles say agrees with what exists: no "there is no map yet" beside a map."""

from __future__ import annotations

from tests.room.helpers import log_in
from tests.samtal.conftest import Samtal
from tests.samtal.conftest import listened as listened  # a fixture
from tests.samtal.conftest import samtal as samtal  # a fixture


def test_suggestions_say_a_map_exists_when_it_does(samtal: Samtal):
    log_in(samtal.client, samtal.world.facilitator_email)
    page = samtal.client.get(f"/facilitator/processes/{samtal.world.process_id}/samtal").text
    heuristic = "Det finns ingen perspektivkarta ännu"
    has_map = "Perspektivkartan visar ännu inga tydliga motsättningar"
    shown = page.split('id="suggestions-source">', 1)[1].split("</p>", 1)[0]
    # Five perspectives and no reactions: the map exists, without contrasts to build from.
    assert heuristic not in shown
    assert has_map in shown or "Förslagen bygger på perspektivkartan" in shown

