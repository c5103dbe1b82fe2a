"""The public address links are written with: ``DIALOG_PUBLIC_URL`` when set, else this host."""

from __future__ import annotations

from flask import current_app, has_request_context, request

from dialog.config import Settings


def public_base() -> str:
    """``https://dialog.example.se`` (no trailing slash), for links that leave this page."""
    settings: Settings = current_app.config["DIALOG_SETTINGS"]
    if settings.public_base_url:
        return settings.public_base_url
    return request.url_root.rstrip("/") if has_request_context() else "http://localhost"
