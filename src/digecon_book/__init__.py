"""Authoring tools of the book (inventory of printed numbers, ...): not for students' import."""
