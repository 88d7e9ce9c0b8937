"""digecon: the methods library of *Digital Economy of Kazakhstan and the EAEU*.

The chapters of the book are thin notebooks; the methods they use live here, where tests reach
them: :mod:`digecon.data` (tables and their validation), :mod:`digecon.i18n` (the trilingual
vocabulary), :mod:`digecon.audit` (printed vs recomputed), and one module per method.
"""

__version__ = "0.1.0"
