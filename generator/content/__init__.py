"""Reading and checking the catalogue's files: YAML and front matter, fields, bodies,
vocabularies, hand-written pages and intros, the cross-file rules and the site's links, ending
in the checked :class:`~generator.content.catalogue.Catalogue`.

The layers and what each may import: docs/architecture.md.
"""
