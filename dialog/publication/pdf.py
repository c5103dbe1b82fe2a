"""Render the committee report's HTML to a tagged A4 PDF with WeasyPrint, in a child process.

The server runs on gevent: a few seconds of WeasyPrint in the server process would stall
every live workshop. A child process keeps the event loop free (gevent's subprocess
cooperates), and a crash in the renderer cannot take the server down.
"""

from __future__ import annotations

import subprocess
import sys

#: A report of several hundred perspectives renders in well under a minute.
TIMEOUT_SECONDS = 300


def html_to_pdf(html: str) -> bytes:
    """Return the PDF (PDF/UA, tagged) of a self-contained HTML document."""
    done = subprocess.run(
        [sys.executable, "-m", "dialog.publication.pdf"], input=html.encode("utf-8"),
        capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
    if done.returncode != 0 or not done.stdout.startswith(b"%PDF-"):
        raise RuntimeError("PDF rendering failed: " + done.stderr.decode(errors="replace")[-2000:])
    return done.stdout


def _main() -> None:
    from weasyprint import HTML

    html = sys.stdin.buffer.read().decode("utf-8")
    # PDF/UA: a tagged PDF, so screen readers get headings, tables and reading order.
    sys.stdout.buffer.write(HTML(string=html).write_pdf(pdf_variant="pdf/ua-1"))


if __name__ == "__main__":
    _main()
