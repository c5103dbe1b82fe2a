"""Publication's web face: the public pages and files of a version, and the console page.

* ``pages`` – blueprint ``publish``: ``/p/<slug>`` (latest or ``/v/<n>``) and the
  accessibility statement; ``files`` adds the report (HTML, PDF) and the open-data ZIP;
* ``console`` – blueprint ``publish_console``: the facilitator's preview, publish and
  settings page;
* ``view`` – what the page and report templates need from a stored snapshot.

The JSON API of publication is ``dialog.web.api.publications``; what both faces do is
declared once in ``dialog.publication.operations``.
"""
