"""Authoring tools of the book (build helpers, Sphinx extensions): not what students import.

:mod:`digecon_book.digest` (has anything the build reads changed?), :mod:`digecon_book.katex`
(mathematics rendered at build time) and :mod:`digecon_book.icons` (the theme's icons as inline
SVG, no icon font).
"""
