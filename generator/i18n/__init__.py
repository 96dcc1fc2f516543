"""The site's languages, its own words in Swedish and English (translations.yml), and the
formats of dates, amounts, counts and Finnish sort order.

The layers and what each may import: docs/architecture.md.
"""
