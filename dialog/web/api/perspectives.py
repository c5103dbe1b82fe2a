"""Moderation of perspectives and a process's perspectives and log (facilitators)."""

from __future__ import annotations

from dialog.operations import moderation, processes
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose

expose(blueprint, "POST", "/perspectives/<int:perspective_id>/moderation",
       moderation.moderate_perspective, endpoint="moderate")
expose(blueprint, "GET", "/processes/<int:process_id>/moderation-log",
       processes.moderation_log, endpoint="moderation_log")
