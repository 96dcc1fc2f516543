"""The validated catalogue: entries (experiments and learnings) and their vocabularies."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class _Unknown:
    """The explicit "tuntematon" (unknown) a contributor wrote instead of a value."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        return False


UNKNOWN: Any = _Unknown()


@dataclass(eq=False)
class Entry:
    """One experiment or learning: validated front-matter values plus the Markdown body.

    ``values`` holds every schema field by name: None when absent, UNKNOWN when the file says
    "tuntematon". ``locations`` maps a field path such as ``("experiments", 0)`` to its
    (line, column) in the file, for problems found after loading.
    """

    kind: str
    slug: str
    path: str
    url: str
    values: dict[str, Any]
    body: str
    body_line: int
    locations: dict[tuple, tuple[int, int]] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def title(self) -> str:
        return self.values["title"]

    @property
    def summary(self) -> str:
        return self.values["summary"]

    def location(self, *path: Any) -> tuple[int, int]:
        return self.locations.get(tuple(path), (1, 1))
