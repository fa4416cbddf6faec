"""Alembic migrations of the results schema (``versions/``); run by ``game.results.db.migrate``."""
