"""The finder: each language's lunr pipeline (equal to lunr.js's), the sharded index, the
documents, the facets of schema.yml, the finder's data files, and the browser's script
(finder.js, built from the modules in assets/finder/).

The layers and what each may import: docs/architecture.md.
"""
