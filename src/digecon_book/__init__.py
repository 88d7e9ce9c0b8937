"""Authoring tools of the book (build helpers, lint), apart from what students import."""
