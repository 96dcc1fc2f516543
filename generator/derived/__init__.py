"""Files made from the schema and the vocabularies and committed: the JSON Schemas, the field
reference and the GitHub issue form (``kokeilu schema``).

The layers and what each may import: docs/architecture.md.
"""
