"""Kokeilukatalogi: checks the experiment catalogue (Markdown with YAML front matter) against
its schema and publishes it as a site in Finnish, Swedish and English.

The package is in layers, lowest first: core, i18n, content, opendata, search, site, editorial,
derived, engines, synth, and the ``kokeilu`` command line (cli.py) on top. A module imports
only its own package and lower layers, and only ``engines`` imports MkDocs: docs/architecture.md,
held by tests/tooling/test_layers.py.
"""

__version__ = "0.1.0"
