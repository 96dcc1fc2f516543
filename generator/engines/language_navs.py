"""The site's navigation in Swedish and English, for the MkDocs plugin: mkdocs.yml's nav with
every path under sv/ or en/ and every title translated, and the config a page in that language
sees (its site name translated)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section, _add_parent_links, _add_previous_and_next_links
from mkdocs.structure.pages import Page

from generator.i18n.languages import src_uri_in
from generator.i18n.translation import translator


def translated_nav(nav: list, code: str, files: Files) -> Navigation:
    """mkdocs.yml's ``nav`` in language ``code``, with its previous/next and parent links."""
    items = _translate(nav, code, files)
    pages = _pages_of(items)
    _add_previous_and_next_links(pages)
    _add_parent_links(items)
    translated = Navigation(items, pages)
    home = files.get_file_from_path(src_uri_in("index.md", code))
    translated.homepage = home.page if home is not None else None
    return translated


def _translate(data, code: str, files: Files) -> list:
    t = translator(code)
    items: list = []
    for item in data if isinstance(data, list) else [data]:
        entries = item.items() if isinstance(item, dict) else [(None, item)]
        for title, value in entries:
            if not isinstance(value, str):
                children = _translate(value, code, files)
                items.append(Section(title=t.gettext(title) if title else "", children=children))
                continue
            file = files.get_file_from_path(src_uri_in(value, code))
            if file is None or file.page is None:
                if "://" in value:
                    items.append(Link(t.gettext(title) if title else value, value))
                continue  # a page with no version in this language, not even a fallback
            if title:
                file.page.title = t.gettext(title)
            items.append(file.page)
    return items


def _pages_of(items: list) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif isinstance(item, Section):
            pages += _pages_of(item.children)
    return pages


class LocalConfig:
    """The site's config as a Swedish or English page's theme templates see it: the site name
    in that language, everything else as it is."""

    def __init__(self, config: MkDocsConfig, site_name: str) -> None:
        self._config = config
        self.site_name = site_name

    def __getattr__(self, name: str):
        return getattr(self._config, name)

    def __getitem__(self, key: str):
        return self.site_name if key == "site_name" else self._config[key]

    def __contains__(self, key: str) -> bool:
        return key in self._config

    def get(self, key: str, default=None):
        return self.site_name if key == "site_name" else self._config.get(key, default)
