"""Kept for callers not yet moved: the phase service lives in :mod:`dialog.phasing.service`."""

from dialog.phasing.service import close_phase, history, open_phase, open_phase_of, parse_kind

__all__ = ["close_phase", "history", "open_phase", "open_phase_of", "parse_kind"]
