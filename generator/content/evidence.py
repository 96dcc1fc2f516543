"""A verdict needs its evidence: an experiment's outcome and a learning's kind say whether
something worked, and the catalogue promises to say it honestly, so each points to the sources
that state it (``result.evidence``, a learning's ``evidence``). Without them ``kokeilu check``
warns (``evidence-missing``) at the verdict."""

from __future__ import annotations

from generator.core.model import UNKNOWN, Entry
from generator.core.problems import Problem, ProblemSink

# Outcomes that claim nothing about whether the experiment worked, so need no evidence.
NO_VERDICT = frozenset({"tuntematon", "liian-aikaista"})


def check_evidence(entry: Entry) -> list[Problem]:
    """``evidence-missing`` for an experiment's outcome or a learning's kind without evidence."""
    problems: list[Problem] = []
    sink = ProblemSink(entry.path, problems)
    if entry.kind == "experiment":
        result = entry.values.get("result")
        if not isinstance(result, dict):
            return problems
        outcome = result.get("outcome")
        if outcome is None or outcome is UNKNOWN or outcome in NO_VERDICT or result.get("evidence"):
            return problems
        line, column = entry.location("result", "outcome")
        sink.warning(
            line,
            column,
            "evidence-missing",
            f'Tulos "{outcome}" on arvio, jolle ei ole näyttöä. Lisää result-ryhmään evidence: '
            "lista lähteiden osoitteista, joissa tulos sanotaan (esimerkiksi evidence: "
            "[https://www.example.fi/arviointiraportti]). Jos yksikään lähde ei kerro, toimiko "
            "kokeilu, kirjoita outcome: tuntematon.",
        )
    elif entry.kind == "learning" and not entry.values.get("evidence"):
        line, column = entry.location("kind")
        sink.warning(
            line,
            column,
            "evidence-missing",
            f'Opin laji "{entry["kind"]}" on arvio, jolle ei ole näyttöä. Lisää kenttä evidence: '
            "lista lähteiden osoitteista, joissa oppi sanotaan (esimerkiksi evidence: "
            "[https://www.example.fi/raportti]). Jos yksikään lähde ei tue oppia, älä kirjaa sitä.",
        )
    return problems
