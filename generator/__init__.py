"""Kokeilukatalogi: the engine-independent core of the experiment catalogue.

The core loads experiments and learnings (Markdown with YAML front matter), validates them
against the schema in ``schema.yml`` and exports them. It never imports MkDocs.
"""

from generator.content.catalogue import Catalogue
from generator.content.check import load_catalogue
from generator.core.problems import CatalogueError, GeneratorError, Problem

__all__ = [
    "Catalogue",
    "CatalogueError",
    "GeneratorError",
    "Problem",
    "load_catalogue",
]

__version__ = "0.1.0"
