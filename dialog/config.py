"""Settings read from the environment, with safe defaults for a laptop."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

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
    #: ``DIALOG_TRUSTED_HOSTS``: the only ``Host`` names (``name`` or ``name:port``) served.
    trusted_hosts: tuple[str, ...] = ()
    #: ``DIALOG_ALLOWED_ORIGINS``: other origins (``https://name``) whose pages may talk to us.
    allowed_origins: tuple[str, ...] = ()
    #: ``DIALOG_SECURE_COOKIES``: send the login cookie over HTTPS only (default: when the
    #: public URL is ``https``).
    secure_cookies: bool = False
    #: ``DIALOG_HEADER_TIMEOUT``: seconds a client has to send a request's line and headers.
    header_timeout: float = 15.0
    #: ``DIALOG_IDLE_TIMEOUT``: seconds an open connection may stay silent.
    idle_timeout: float = 60.0
    #: ``DIALOG_PROXY_HOPS``: how many reverse proxies (nginx, HAProxy) that each append to
    #: ``X-Forwarded-For`` stand in front; 0 (the default) reads no such header at all.
    proxy_hops: int = 0

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Read ``DIALOG_*`` variables, creating the instance folder when needed."""
        env = os.environ if environ is None else environ
        instance_dir = Path(env.get("DIALOG_INSTANCE_DIR") or DEFAULT_INSTANCE_DIR)
        database_url = env.get("DIALOG_DATABASE_URL") or _default_database_url(instance_dir)
        secret_key = env.get("DIALOG_SECRET_KEY") or _stored_secret_key(instance_dir)
        public_base_url = (env.get("DIALOG_PUBLIC_URL") or "").rstrip("/") or None
        secure = env.get("DIALOG_SECURE_COOKIES", "").strip().lower()
        return cls(
            database_url=database_url,
            secret_key=secret_key,
            redis_url=env.get("DIALOG_REDIS_URL") or None,
            instance_dir=instance_dir,
            public_base_url=public_base_url,
            smtp_url=env.get("DIALOG_SMTP_URL") or None,
            mail_from=env.get("DIALOG_MAIL_FROM") or "dialog@localhost",
            trusted_hosts=_words(env.get("DIALOG_TRUSTED_HOSTS")),
            allowed_origins=tuple(urlsplit(origin).netloc or origin for origin in
                                  _words(env.get("DIALOG_ALLOWED_ORIGINS"))),
            secure_cookies=(secure in ("1", "true", "yes", "on") if secure else
                            (public_base_url or "").startswith("https://")),
            header_timeout=_seconds(env.get("DIALOG_HEADER_TIMEOUT"), 15.0),
            idle_timeout=_seconds(env.get("DIALOG_IDLE_TIMEOUT"), 60.0),
            proxy_hops=_count(env.get("DIALOG_PROXY_HOPS")),
        )


def _seconds(value: str | None, default: float) -> float:
    try:
        seconds = float(value) if value else default
    except ValueError:
        return default
    return seconds if seconds > 0 else default


def _count(value: str | None) -> int:
    try:
        return max(0, int(value)) if value else 0
    except ValueError:
        return 0


def _words(value: str | None) -> tuple[str, ...]:
    """A comma- or space-separated list, lower-cased."""
    return tuple(word.lower() for word in (value or "").replace(",", " ").split())


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
