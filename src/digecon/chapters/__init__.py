"""The chapters' own code: one package per chapter of the book.

Each ``digecon.chapters.<name>`` holds what only that chapter needs: ``analysis`` (its data
preparation, returning tidy frames), ``tables`` (the analysis shown with headers in the reader's
language), ``figures`` (``plot_*(..., lang) -> Figure``) and ``audit`` (its check of every number
the sources print, ``audit() -> DataFrame``). Chapters use :mod:`digecon.methods`; methods never
use a chapter.

>>> from digecon.chapters import egov
>>> callable(egov.plot_components)
True
"""

#: the chapters, in the book's order
NAMES = ("concepts", "efficiency", "indices", "ecommerce", "egov", "regression", "workforce")
