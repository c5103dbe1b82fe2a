"""What every CLI command needs: settings and a bound database."""

from __future__ import annotations

from dialog.config import Settings
from dialog.extensions import db


def bound_settings() -> Settings:
    """Read settings from the environment and bind the database to them."""
    settings = Settings.from_env()
    db.init(settings.database_url)
    return settings


def base_url(settings: Settings, host: str = "127.0.0.1", port: int = 5000) -> str:
    """The address printed for people to open: ``DIALOG_PUBLIC_URL``, else the machine's
    network address when serving on every interface (``0.0.0.0``), else ``host:port``."""
    from dialog.web.join_address import room_base_url

    return room_base_url(settings.public_base_url, (host, port), f"http://{host}:{port}")
