"""The entry pages: one for each experiment (``experiment.md.j2``) and each learning
(``learning.md.j2``), with the facts panel, the body, and the entry's schema.org JSON-LD."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from generator.content.funding import format_amount
from generator.content.parts import parent_of
from generator.core.dates import PartialDate
from generator.core.model import Entry
from generator.core.schema import FieldSpec
from generator.i18n.languages import LocalEntry, url_in
from generator.i18n.presentation import newest_first, src_uri_for
from generator.site.renderer import PageSpec, Renderer, json_ld
from generator.site.view import CatalogueView, is_unknown


def pages(view: CatalogueView, renderer: Renderer) -> Iterator[PageSpec]:
    for entry in view.catalogue.experiments.values():
        yield experiment(view, renderer, entry)
    for entry in view.catalogue.learnings.values():
        yield learning(view, renderer, entry)


def experiment(view: CatalogueView, renderer: Renderer, entry: Entry) -> PageSpec:
    local = view.local(entry)
    parent = parent_of(entry)
    funding = local["funding"]
    return entry_page(
        view,
        renderer,
        entry,
        labels=view.labels,
        municipalities=", ".join(view.label("kunnat", m) for m in local["municipalities"] or []),
        amount=format_amount(dict(funding), view.language) if funding else "",
        sub_fields=_sub_fields(view.fields["experiment"]),
        parent=view.local(view.catalogue.experiments[parent]) if parent else None,
        missing=missing_facts(view, entry),
        place=view.municipalities_in_words(entry) if is_unknown(entry["regions"]) else "",
        parts=view.cards(view.parts.get(entry.slug, [])),
        learnings=view.cards(newest_first(view.catalogue.learnings_of(entry.slug), "date")),
        related=view.cards(view.related.get(entry.slug, [])),
    )


def learning(view: CatalogueView, renderer: Renderer, entry: Entry) -> PageSpec:
    return entry_page(
        view,
        renderer,
        entry,
        kind_label=view.label("oppityypit", entry["kind"]),
        experiments=view.cards([view.catalogue.experiments[s] for s in entry["experiments"]]),
    )


def entry_page(view: CatalogueView, renderer: Renderer, entry: Entry, **context: Any) -> PageSpec:
    """The page of one experiment or learning, from ``<kind>.md.j2``: what both show, and
    ``context``."""
    local = view.local(entry)
    return renderer.page(
        f"{entry.kind}.md.j2",
        entry.url,
        local.title,
        src_uri=src_uri_for(entry.url),
        source=entry.path,
        json_ld=json_ld(structured_data(view, local)),
        description=local.summary,
        kind=entry.kind,
        entry=local,
        fields=view.fields[entry.kind],
        terms={name: view.terms_of(entry, name) for name in view.taxonomies},
        original_language=view.language_name(local.original),
        edit_link=f"{view.edit_url}{entry.path}" if view.edit_url else "",
        updated=view.dates.get(entry.path),
        listing=(view.schema.experiment if entry.kind == "experiment" else view.schema.learning).listing_url,
        listing_title=view._("Kokeilut" if entry.kind == "experiment" else "Opit"),
        body=view.in_language(local.body, local.body_language),
        **context,
    )


# The parts of a group whose value "tuntematon" is a missing fact, by group.
MISSING_PARTS = {"evaluation": "design", "result": "outcome"}


def missing_facts(view: CatalogueView, entry: Entry) -> list[str]:
    """The names of the facts the sources do not tell (``tuntematon``), in the schema's order,
    for the one "Puuttuvat tiedot" line. A region is not missing when the municipalities are
    known."""
    missing = []
    for name, spec in view.fields["experiment"].items():
        value = entry.values.get(name)
        if name in MISSING_PARTS and isinstance(value, dict):
            value = value.get(MISSING_PARTS[name])
        if not is_unknown(value):
            continue
        if name == "regions" and entry.values.get("municipalities"):
            continue
        missing.append(view._(spec.label_fi).lower())
    return missing


def _sub_fields(fields: Mapping[str, FieldSpec]) -> dict[str, dict[str, FieldSpec]]:
    """The parts of each object field by name: ``sub_fields["evaluation"]["evaluator"]``."""
    return {name: {sub.name: sub for sub in spec.fields} for name, spec in fields.items() if spec.fields}


def structured_data(view: CatalogueView, entry: LocalEntry) -> dict[str, Any]:
    """schema.org JSON-LD of an entry: an experiment is a Project, a learning an Article."""
    page_url = url_in(entry.url, view.language)
    url = view.site_url.rstrip("/") + page_url if view.site_url else page_url
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Project" if entry.kind == "experiment" else "Article",
        "name" if entry.kind == "experiment" else "headline": entry.title,
        "description": entry.summary,
        "url": url,
        "inLanguage": entry.text_language,
        "keywords": [view.label("teemat", t) for t in entry.values.get("themes") or []],
    }
    if entry.kind == "experiment":
        data.update(_project_facts(view, entry))
    elif isinstance(entry.values.get("date"), PartialDate):
        data["datePublished"] = str(entry.values["date"])
    return data


def _project_facts(view: CatalogueView, entry: LocalEntry) -> dict[str, Any]:
    """An experiment's dates, area, organisers and funder: those it does not mark unconfirmed."""
    values = entry.values
    unconfirmed = set(values.get("unconfirmed") or ())
    data: dict[str, Any] = {}
    for field, key in (("start", "startDate"), ("end", "endDate")):
        if isinstance(values.get(field), PartialDate) and field not in unconfirmed:
            data[key] = str(values[field])
    regions = values.get("regions")
    if isinstance(regions, list) and "regions" not in unconfirmed:
        names = [view.label("alueet", r) for r in regions] or ["Suomi"]
        data["areaServed"] = [{"@type": "AdministrativeArea", "name": n} for n in names]
    organisers = values.get("organisers")
    if isinstance(organisers, list) and "organisers" not in unconfirmed:
        data["member"] = [{"@type": "Organization", "name": o["name"]} for o in organisers]
    funding = values.get("funding")
    funder_unconfirmed = {"funding", "funding.funder"} & unconfirmed
    if isinstance(funding, dict) and funding.get("funder") and not funder_unconfirmed:
        data["funder"] = {"@type": "Organization", "name": funding["funder"]}
    return data
