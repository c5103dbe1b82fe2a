"""Business operations. They take a SQLAlchemy session, flush, and never commit."""
