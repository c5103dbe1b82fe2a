"""What every answer tells the browser: no framing, no sniffing, no inline script, and
never to store a page that carries a token or a signed-in facilitator's data.

Published pages and files (the committee's report, open data) and static files are public
and may be cached; every other answer is ``Cache-Control: no-store``. A view that sets its
own ``Content-Security-Policy`` (the self-contained report) keeps it. A template that loads
a library which styles its elements inline (the map's graph library) says so with
``{{ allow_inline_style() }}``; scripts stay ``'self'`` everywhere.
"""

from __future__ import annotations

from flask import Flask, Response, g, request

from dialog.config import Settings

#: The templates load scripts only from our own files; JSON data blocks
#: (``<script type="application/json">``) are not scripts and need no allowance.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))

#: Endpoints whose answers are public and the same for everyone: a cache may keep them.
CACHEABLE_PREFIXES = ("static", "publish.")


def report_policy() -> str:
    """The policy for a self-contained page whose CSS is inlined (the printable report)."""
    return CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def allow_inline_style() -> str:
    """Called from a template: this page may use inline styles (nothing else changes)."""
    g.inline_style = True
    return ""


def init_app(app: Flask) -> None:
    app.add_template_global(allow_inline_style)
    settings: Settings = app.config["DIALOG_SETTINGS"]

    @app.after_request
    def _security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("Content-Security-Policy", report_policy() if g.get("inline_style")
                           else CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        if (settings.public_base_url or "").startswith("https://"):
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        endpoint = request.endpoint or ""
        if not endpoint.startswith(CACHEABLE_PREFIXES) or response.status_code >= 400:
            headers["Cache-Control"] = "no-store"
        return response
