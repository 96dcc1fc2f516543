"""The contributors' and editors' commands: ``kokeilu new``, ``from-issue``, ``diff``,
``report`` and ``kunnat``, near-duplicates, and the formats of the problems ``kokeilu check``
prints.

The layers and what each may import: docs/architecture.md.
"""
