"""Processes: create, list, read, and read their perspectives (facilitators only)."""

from __future__ import annotations

from dialog.operations import mandates, processes
from dialog.web.api.blueprint import blueprint
from dialog.web.http_actions import expose

expose(blueprint, "POST", "/processes", processes.create_process, status=201,
       endpoint="create_process")
expose(blueprint, "GET", "/processes", processes.list_processes, endpoint="list_processes")
expose(blueprint, "GET", "/processes/<int:process_id>", processes.get_process,
       endpoint="get_process")
expose(blueprint, "PATCH", "/processes/<int:process_id>", mandates.update_process,
       endpoint="update_process")
expose(blueprint, "GET", "/processes/<int:process_id>/perspectives",
       processes.list_perspectives, endpoint="list_perspectives")
