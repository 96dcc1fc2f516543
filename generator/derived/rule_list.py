"""The developers' list of rule ids, docs/rules.md, rendered from generator/core/rules.py.

It is committed beside the other derived files, so GitHub shows it; ``kokeilu check`` reports it
as ``stale-derived-file`` when a rule is added or its text changes, until
``kokeilu schema --write`` rewrites it.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.core.rules import RULE_GROUPS

RULES_FILE = "docs/rules.md"

_INTRO = """\
# Rule ids
[//]: # (Generated from generator/core/rules.py by `kokeilu schema --write`. Do not edit by hand.)

Every problem `kokeilu check` reports carries one of these stable ids, after its location and its
message in Finnish: `path:line:col: error: message [rule-id]`. Editors, workflows and tests rely
on them, so an id keeps its meaning. A warning does not fail `kokeilu check` unless `--strict`
is given; everything else is an error.

To add a rule, register its id and meaning in
[generator/core/rules.py](../generator/core/rules.py), report it where the thing is checked
(see [architecture.md](architecture.md), "Add a rule"), add a case to `tests/invalid/` and run
`kokeilu schema --write`, which rewrites this page.
"""


def _cell(text: str) -> str:
    """``text`` as one cell of a Markdown table: on one line, a ``|`` escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def render_rule_list(groups: Mapping[str, Mapping[str, str]] = RULE_GROUPS) -> str:
    """docs/rules.md: a table of rule ids and their meanings per group, in the order of rules.py."""
    parts = [_INTRO]
    for group, rules in groups.items():
        rows = "".join(f"| `{rule}` | {_cell(meaning)} |\n" for rule, meaning in rules.items())
        parts.append(f"## {group}\n\n| Rule | Meaning |\n| --- | --- |\n{rows}")
    return "\n".join(parts)
