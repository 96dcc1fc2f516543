"""The page plan: every generated page in every language, with its templates (templates/),
listings, taxonomies' pages, related entries, charts and the Atom feed.

The layers and what each may import: docs/architecture.md.
"""
