"""Authoring tools of the book (build, editions, notebook export): not imported by students.

Students import :mod:`digecon` (methods, data, figures). This package turns the one trilingual
source into the book's per-language editions and notebooks.
"""
