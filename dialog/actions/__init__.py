"""The action layer: every operation declared once, reached from three thin faces.

An :class:`Action` names an operation, its input schema, who may call it (a role, and
through :mod:`dialog.policy` which objects), and its result schema. The JSON API
(``dialog.web.http_actions``), the Socket.IO events (``dialog.live.socket_actions``) and the
console's HTML forms (``dialog.web.form_actions``) only translate their transport to and from
:func:`perform`; none of them loads or authorises anything on its own.
"""

from __future__ import annotations

from dialog.actions.call import Call, Role
from dialog.actions.declare import REGISTRY, Action, Target, operation, perform
from dialog.actions.schema import Input, Output, StrictInput, parse_input

__all__ = ["REGISTRY", "Action", "Call", "Input", "Output", "Role", "StrictInput", "Target",
           "operation", "parse_input", "perform"]
