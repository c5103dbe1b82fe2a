"""Block and unblock a participant (facilitators of the participant's process)."""

from __future__ import annotations

from dialog.operations import participants
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose

expose(blueprint, "POST", "/participants/<int:participant_id>/block", participants.block,
       endpoint="block_participant")
expose(blueprint, "POST", "/participants/<int:participant_id>/unblock", participants.unblock,
       endpoint="unblock_participant")
