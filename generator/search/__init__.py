"""The finder: each language's lunr pipeline (equal to lunr.js's), the sharded index, the
finder's data files and the browser's script (assets/finder.js).

The layers and what each may import: docs/architecture.md.
"""
