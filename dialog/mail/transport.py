"""Send one message over SMTP, as configured by ``DIALOG_SMTP_URL`` and ``DIALOG_MAIL_FROM``."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from urllib.parse import unquote, urlsplit

from dialog.errors import DialogError

SCHEMES = {"smtp": "plain", "smtp+starttls": "starttls", "smtps": "tls"}


@dataclass(frozen=True)
class SmtpTransport:
    """Where mail goes: host, port, how the connection is secured, and who sends."""

    host: str
    port: int
    security: str
    sender: str
    username: str | None = None
    password: str | None = None
    timeout: float = 20.0

    @classmethod
    def from_url(cls, url: str, sender: str) -> SmtpTransport:
        parts = urlsplit(url)
        security = SCHEMES.get(parts.scheme)
        if security is None or not parts.hostname:
            raise DialogError("smtp_url_invalid")
        default_port = 465 if security == "tls" else 587 if security == "starttls" else 25
        return cls(host=parts.hostname, port=parts.port or default_port, security=security,
                   sender=sender, username=unquote(parts.username) if parts.username else None,
                   password=unquote(parts.password) if parts.password else None)

    def message(self, to: str, subject: str, body: str,
                headers: dict[str, str] | None = None) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message["Date"] = formatdate(localtime=False)
        message["Message-ID"] = make_msgid(domain=self.sender.rpartition("@")[2] or None)
        for name, value in (headers or {}).items():
            message[name] = value
        message.set_content(body)
        return message

    def send(self, message: EmailMessage) -> None:
        """Deliver one message; raises ``OSError``/``smtplib.SMTPException`` on failure."""
        context = ssl.create_default_context()
        smtp: smtplib.SMTP
        if self.security == "tls":
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        with smtp:
            if self.security == "starttls":
                smtp.starttls(context=context)
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(message)


_configured: SmtpTransport | None = None


def configure(smtp_url: str | None, sender: str) -> None:
    """Set (or, with no URL, clear) the transport this process sends with."""
    global _configured
    _configured = SmtpTransport.from_url(smtp_url, sender) if smtp_url else None


def configured() -> SmtpTransport | None:
    """The transport, or None when this instance sends no mail."""
    return _configured
