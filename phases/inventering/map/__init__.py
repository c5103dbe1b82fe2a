"""The perspective map: reactions, links and the analysis, the way perspectives are inventoried.

Services (Flask-free): ``reactions``, ``reaction_queue``, ``links``, ``analysis_inputs``,
``analysis_runs``, ``graph_export``, ``polis_import``, ``polis_export``. Actions:
``operations`` (schemas in ``schemas``); faces: ``api``, ``live``, ``pages``; the live
analysis ``scheduler``; the demo's part ``demo``. The pure analysis is the kernel's
(``dialog.analysis``).
"""
