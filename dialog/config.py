"""Settings read from the environment, with safe defaults for a laptop."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

#: Where runtime files (SQLite database, generated secret key) live by default.
DEFAULT_INSTANCE_DIR = Path.cwd() / "instance"


@dataclass(frozen=True)
class Settings:
    """Configuration for one running instance of dialog."""

    database_url: str
    secret_key: str
    redis_url: str | None = None
    instance_dir: Path = field(default=DEFAULT_INSTANCE_DIR)
    public_base_url: str | None = None
    #: Largest Socket.IO/Engine.IO message we accept; perspectives are 500 characters.
    max_message_bytes: int = 64 * 1024
    #: ``smtp://host:port`` (or ``smtps://``, ``smtp+starttls://``, with ``user:password@``);
    #: without it no e-mail is offered or sent.
    smtp_url: str | None = None
    mail_from: str = "dialog@localhost"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ``DIALOG_*`` variables, creating the instance folder when needed."""
        env = os.environ if environ is None else environ
        instance_dir = Path(env.get("DIALOG_INSTANCE_DIR") or DEFAULT_INSTANCE_DIR)
        database_url = env.get("DIALOG_DATABASE_URL") or _default_database_url(instance_dir)
        secret_key = env.get("DIALOG_SECRET_KEY") or _stored_secret_key(instance_dir)
        return cls(
            database_url=database_url,
            secret_key=secret_key,
            redis_url=env.get("DIALOG_REDIS_URL") or None,
            instance_dir=instance_dir,
            public_base_url=(env.get("DIALOG_PUBLIC_URL") or "").rstrip("/") or None,
            smtp_url=env.get("DIALOG_SMTP_URL") or None,
            mail_from=env.get("DIALOG_MAIL_FROM") or "dialog@localhost",
        )


def _default_database_url(instance_dir: Path) -> str:
    instance_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{instance_dir / 'dialog.sqlite3'}"


def _stored_secret_key(instance_dir: Path) -> str:
    """Return the key kept in ``instance/secret_key``, generating it on first use."""
    instance_dir.mkdir(parents=True, exist_ok=True)
    key_file = instance_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key = secrets.token_urlsafe(48)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key
