"""What keeps ``mkdocs build``'s memory flat: each page's text held compressed while MkDocs
does not need it.

MkDocs 1.6 reads and converts every page (Markdown → HTML) before it renders any of them with
the theme, so at 10,000 experiments it would hold the Markdown and the HTML of some 45,000
pages at once. Here a generated page's source stays packed as the plan made it
(:class:`PackedPage`), and each page's HTML is packed from the moment MkDocs made it until its
template is rendered, then dropped (:class:`HeldContents`). The output is the same byte for
byte: only where the text waits changes.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page

from generator.core.packed import pack, pack_bytes, unpack, unpack_bytes
from generator.core.sitefile import SiteFile
from generator.site.renderer import PageSpec


class PackedPage(File):
    """A generated page whose Markdown is read from the plan's packed copy when MkDocs reads
    it, so that no page's text is held twice (the plan's and the file's)."""

    packed: bytes = b""

    @classmethod
    def of(cls, config: MkDocsConfig, page: PageSpec, inclusion: InclusionLevel) -> PackedPage:
        file = cls.generated(config, page.src_uri, content=page.packed, inclusion=inclusion)
        assert isinstance(file, PackedPage)
        file.packed = page.packed
        return file

    @property  # type: ignore[override]
    def content_string(self) -> str:
        return unpack(self.packed)

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.packed = pack(value)
        self._content = self.packed  # MkDocs deems a file with content always modified
        self.abs_src_path = None

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.content_string = value.decode("utf-8")


class PackedData(File):
    """A generated data file (the finder's data, the open data, the feeds) held compressed
    until MkDocs writes it: about a third of its size at 10,000 experiments."""

    packed: bytes = b""

    @classmethod
    def of(cls, config: MkDocsConfig, data: SiteFile) -> PackedData:
        packed = pack_bytes(data.content)
        file = cls.generated(config, data.src_uri, content=packed)
        assert isinstance(file, PackedData)
        file.packed = packed
        return file

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        return unpack_bytes(self.packed)

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.packed = pack_bytes(value)
        self._content = self.packed  # MkDocs deems a file with content always modified
        self.abs_src_path = None

    @property  # type: ignore[override]
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8-sig")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.content_bytes = value.encode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        """Write the file's bytes, as MkDocs writes a generated file's (unless a dirty build
        deems it unmodified)."""
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as output:
            output.write(self.content_bytes)


class HeldContents:
    """Each page's HTML, packed between its conversion and its rendering (by src_uri)."""

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def hold(self, page: Page, html: str) -> str:
        """Keep ``html`` packed; the page holds nothing until :meth:`give_back`. Its Markdown,
        already converted, is dropped too: MkDocs reads it only for a title, and "" (not None,
        which would mean "not read yet") gives the title the page's HTML gave."""
        self._held[page.file.src_uri] = pack(html)
        page.markdown = ""
        return ""

    def give_back(self, page: Page) -> None:
        """Just before the page's template is rendered: its HTML again."""
        packed = self._held.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = unpack(packed)

    @staticmethod
    def drop(page: Page) -> None:
        """Once the page is written: nothing later reads its HTML."""
        page.content = None

    def clear(self) -> None:
        self._held.clear()
