"""The open-data shape of the catalogue: the JSON export (``kokeilu export``), the CSV and
JSON files and their JSON Schemas published under data/.

The layers and what each may import: docs/architecture.md.
"""
