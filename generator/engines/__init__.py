"""The site engines: the MkDocs plugin and ``kokeilu render`` for any other engine. The only
package that imports MkDocs.

The layers and what each may import: docs/architecture.md.
"""
