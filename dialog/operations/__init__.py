"""The kernel's actions: processes, workshops, joining and moderation.

Each phase declares its own actions in ``phases/<phase>/operations.py``.
"""
