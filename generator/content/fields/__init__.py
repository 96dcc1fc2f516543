"""Check front-matter nodes against field specs from the schema, one rule id per kind of mistake.

Every check reports at the node it is about and says how to fix the value. A check returns the
Python value, or ``INVALID`` after reporting; the caller keeps going, so one run reports every
problem in the file.

- ``checker.py``: :class:`FieldChecker`, a file's fields: unknown and missing fields, lists and
  groups of fields;
- ``scalars.py``: the check of each scalar type (text, slug, url, date, number, …); a new type
  of value gets its check there; ``terms.py``: vocabulary terms; ``addresses.py``: web and
  e-mail addresses;
- ``reporter.py``: reporting at a value, and the traps of YAML (a plain value it reads as a
  truth value, a date or a number).
"""

from __future__ import annotations

from generator.content.fields.addresses import url_problem
from generator.content.fields.checker import FieldChecker
from generator.content.fields.reporter import INVALID

__all__ = ["INVALID", "FieldChecker", "url_problem"]
