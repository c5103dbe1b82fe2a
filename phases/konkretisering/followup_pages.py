"""Follow-up console pages (added below)."""
