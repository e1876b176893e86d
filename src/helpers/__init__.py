"""Shared code for the Shenzhen IP fact-check book.

Notebooks import what they need by name, e.g. ``from helpers.data import load_package``.
This module stays light (no matplotlib import) so that the Sphinx extension loads fast.
"""

from .paths import repo_root

__all__ = ["repo_root"]
