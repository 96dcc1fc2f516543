"""Funding amounts: exact (``amount_eur``), approximate (``amount_precision: noin``) or a range
(``amount_min_eur``/``amount_max_eur``, either alone meaning "at least"/"at most").

How they must be combined is checked here, and here they are put into words, so that an
approximate or partial figure is never shown as a precise one.
"""

from __future__ import annotations

from typing import Any

from generator.core.model import Entry
from generator.core.problems import ProblemSink
from generator.i18n.presentation import NBSP, format_euros
from generator.i18n.translation import translator

EXACT = "amount_eur"
MINIMUM = "amount_min_eur"
MAXIMUM = "amount_max_eur"
PRECISION = "amount_precision"
APPROXIMATE = "noin"


def check_funding(entry: Entry, sink: ProblemSink) -> None:
    """``funding-conflict``: an exact amount with a range, or a precision without an exact
    amount; ``range-order``: a minimum above the maximum."""
    funding = entry.values.get("funding")
    if not isinstance(funding, dict):
        return
    given = [name for name in (EXACT, MINIMUM, MAXIMUM) if funding.get(name) is not None]
    if EXACT in given and len(given) > 1:
        second = sorted(given, key=lambda name: entry.location("funding", name))[1]
        line, column = entry.location("funding", second)
        sink.error(
            line,
            column,
            "funding-conflict",
            f"Rahoituksessa on sekä summa {EXACT} että vaihteluväli ({MINIMUM}, {MAXIMUM}). "
            f"Anna vain toinen: vaihteluväli, jos lähde antaa välin (esimerkiksi {MINIMUM}: 500 ja "
            f"{MAXIMUM}: 5000), tai likimääräinen summa muodossa {EXACT}: 14000000 ja "
            f"{PRECISION}: {APPROXIMATE}.",
        )
    if funding.get(PRECISION) is not None and EXACT not in given:
        line, column = entry.location("funding", PRECISION)
        sink.error(
            line,
            column,
            "funding-conflict",
            f"{PRECISION} kertoo, kuinka tarkka summa {EXACT} on, mutta summaa {EXACT} ei ole. "
            f"Lisää {EXACT} tai poista {PRECISION}; vaihteluväli on jo sellaisenaan epätarkka.",
        )
    low, high = funding.get(MINIMUM), funding.get(MAXIMUM)
    if low is not None and high is not None and low > high:
        line, column = entry.location("funding", MAXIMUM)
        sink.error(
            line,
            column,
            "range-order",
            f"Vaihteluvälin alaraja ({MINIMUM}: {low:g}) on suurempi kuin yläraja ({MAXIMUM}: "
            f"{high:g}). Vaihda arvot keskenään.",
        )


def _number(amount: float | int, language: str) -> str:
    """An amount without the euro sign: "5 000" (fi, sv), "5,000" (en)."""
    return format_euros(amount, language).removesuffix(f"{NBSP}€").removeprefix("€")


def format_amount(funding: dict[str, Any], language: str = "fi") -> str:
    """The funding's amount in words as precise as the source: "noin 14 000 000 €",
    "500–5 000 €", "vähintään 500 €", "enintään 5 000 €" (in Swedish "cirka", "minst", "högst";
    in English "about", "at least", "at most"); "" when no amount is given."""
    _ = translator(language).gettext
    exact, low, high = funding.get(EXACT), funding.get(MINIMUM), funding.get(MAXIMUM)
    if exact is not None:
        amount = format_euros(exact, language)
        return _("noin {amount}", amount=amount) if funding.get(PRECISION) == APPROXIMATE else amount
    if low is not None and high is not None:
        if low == high:
            return format_euros(low, language)
        if language == "en":
            return f"{format_euros(low, language)}–{format_euros(high, language)}"
        return f"{_number(low, language)}–{format_euros(high, language)}"
    if low is not None:
        return _("vähintään {amount}", amount=format_euros(low, language))
    if high is not None:
        return _("enintään {amount}", amount=format_euros(high, language))
    return ""
