"""Passerelles: the partnership graph (model, stores, analytics, export, CLI)."""
