"""The schema and what every layer shares: rule ids, problems, the entry model, dates, slugs,
the published addresses (urls), control-character escapes, site files and all-or-nothing output.

The layers and what each may import: docs/architecture.md.
"""
