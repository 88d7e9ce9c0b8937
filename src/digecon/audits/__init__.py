"""One module per chapter, each with ``audit() -> DataFrame`` (see :mod:`digecon.audit`)."""
