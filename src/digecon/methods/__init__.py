"""Reusable methods (placeholder)."""
