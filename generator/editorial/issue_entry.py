"""``kokeilu from-issue``: the experiment file an issue made from the form describes.

The answers (:mod:`generator.editorial.issue_answers`) become front matter in schema order and
the description its body; the file is then checked like ``kokeilu check`` in a scratch catalogue,
and every problem is named by the question of the form it comes from. The issue body is
untrusted: its size is limited, it is only split into strings, and the file name is a slug made
from the title.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.check import check_catalogue
from generator.content.vocabulary import Vocabulary
from generator.core.schema import FieldSpec, Schema
from generator.core.slug import slugify
from generator.editorial.issue_answers import FormProblem, answer_lines, parse_answers, shorten
from generator.editorial.issue_form import BODY_LABEL, FormField, form_fields
from generator.editorial.scaffold import ScaffoldError, write_new_file

MAX_BODY_CHARS = 65_536  # GitHub's own limit for an issue body
MAX_ANSWER_CHARS = 10_000


@dataclass
class IssueResult:
    slug: str
    path: str
    text: str
    problems: list[FormProblem]


@dataclass
class _Draft:
    """The file being made: the YAML lines of each answered question, by its label."""

    schema: Schema
    vocabularies: Mapping[str, Vocabulary]
    questions: list[FormField]
    problems: list[FormProblem]
    lines: dict[str, list[str]]

    def answer(self, item: FormField, answer: str) -> list[str]:
        return answer_lines(item, answer, self.schema, self.vocabularies, self.problems)

    def problem(self, label: str, message: str) -> None:
        self.problems.append(FormProblem(label, message))


def experiment_from_issue(
    body: str, root: Path, schema: Schema, vocabularies: Mapping[str, Vocabulary]
) -> IssueResult:
    """The experiment file an issue body describes, and its problems named by form field."""
    if len(body) > MAX_BODY_CHARS:
        problem = FormProblem(
            "koko lomake", f"teksti on liian pitkä ({len(body)} merkkiä, enintään {MAX_BODY_CHARS})."
        )
        return IssueResult("", "", "", [problem])
    questions = form_fields(schema)
    answers, problems = _read_answers(body, questions)
    draft = _Draft(schema, vocabularies, questions, problems, {})
    groups = _fill_fields(draft, answers)
    _fill_groups(draft, groups)
    title_label = schema.experiment.fields[0].label_fi
    slug = _slug(" ".join(answers.get(title_label, "").split()), title_label, problems)
    description = answers.get(BODY_LABEL, "")
    if not description:
        problems.append(FormProblem(BODY_LABEL, "vastaus puuttuu: kirjoita kokeilun kuvaus."))
    text, starts = _file_text(draft, description)
    path = f"{schema.experiment.directory}/{slug}.md" if slug else ""
    checked = path or f"{schema.experiment.directory}/uusi-kokeilu.md"
    return IssueResult(slug, path, text, problems + _validate(root, text, checked, starts, schema))


def _read_answers(body: str, questions: list[FormField]) -> tuple[dict[str, str], list[FormProblem]]:
    """The answers by label, and the problems of the layout: a heading the form does not have,
    an answer too long (left out)."""
    answers, problems = parse_answers(body)
    known = {f.label for f in questions} | {BODY_LABEL}
    for label in answers:
        if label not in known:
            problems.append(
                FormProblem(
                    shorten(label),
                    "lomakkeessa ei ole tätä kenttää. Jos se on osa kuvausta, "
                    "käytä väliotsikoissa ##-merkkejä.",
                )
            )
    for label, answer in answers.items():
        if len(answer) > MAX_ANSWER_CHARS:
            problems.append(
                FormProblem(shorten(label), f"vastaus on liian pitkä (enintään {MAX_ANSWER_CHARS} merkkiä).")
            )
            answers[label] = ""
    return answers, problems


def _fill_fields(draft: _Draft, answers: dict[str, str]) -> dict[str, list[tuple[FormField, str]]]:
    """The lines of each answered field that is not in a group; the answered questions of each
    group (funding, contact, evaluation, result, ethics), by the group's name."""
    groups: dict[str, list[tuple[FormField, str]]] = {}
    unknown = draft.schema.unknown_value
    for item in draft.questions:
        answer, spec = answers.get(item.label, ""), item.spec
        if item.parent is not None:
            if answer:
                groups.setdefault(item.parent.name, []).append((item, answer))
        elif answer:
            if out := draft.answer(item, answer):
                draft.lines[item.label] = out
        elif spec.required and spec.unknown:
            draft.lines[item.label] = [f"{spec.name}: {unknown}"]
        elif spec.required:
            draft.problem(item.label, "vastaus puuttuu, ja se on pakollinen.")
    return groups


def _fill_groups(draft: _Draft, groups: dict[str, list[tuple[FormField, str]]]) -> None:
    """The lines of each group with answers: a sub-field is read like a field of its own (a
    dropdown label becomes its id, a list has one item per line)."""
    for spec in draft.schema.experiment.fields:
        if spec.type != "object":
            continue
        given = groups.get(spec.name, [])
        if not given:
            if spec.required and spec.unknown:
                draft.lines[spec.label_fi] = [f"{spec.name}: {draft.schema.unknown_value}"]
            continue
        draft.lines[spec.label_fi] = [f"{spec.name}:"]
        for item, answer in given:
            draft.lines[item.label] = ["  " + line for line in draft.answer(item, answer)]
        _require_in_group(draft, spec, {item.spec.name for item, _ in given})


def _require_in_group(draft: _Draft, spec: FieldSpec, answered: set[str]) -> None:
    """A problem for each required sub-field left unanswered in a group that has answers."""
    for sub in spec.fields:
        if sub.required and sub.name not in answered:
            label = next(f.label for f in draft.questions if f.parent is spec and f.spec is sub)
            draft.problem(
                label,
                f"vastaus puuttuu, ja se tarvitaan, kun ryhmän {spec.label_fi} muihin kohtiin on vastattu.",
            )


def _slug(title: str, label: str, problems: list[FormProblem]) -> str:
    """The file name's slug made from the title; a problem when a title gives none."""
    slug = slugify(title)
    if title and not slug:
        problems.append(FormProblem(label, "otsikosta ei saa tunnistetta: käytä kirjaimia."))
    return slug


def _file_text(draft: _Draft, description: str) -> tuple[str, list[tuple[int, str]]]:
    """The file: front matter in schema order, then the description; and the first line of each
    field and sub-field, so that a problem is named by the question of the form it comes from."""
    text_lines = ["---"]
    starts: list[tuple[int, str]] = []
    order = [
        label
        for s in draft.schema.experiment.fields
        for label in [s.label_fi, *(f.label for f in draft.questions if f.parent is s)]
    ]
    for label in order:
        if label in draft.lines:
            starts.append((len(text_lines) + 1, label))
            text_lines += draft.lines[label]
    text_lines.append("---")
    starts.append((len(text_lines) + 1, BODY_LABEL))
    text_lines += ["", description.replace("\r\n", "\n")] if description else [""]
    return "\n".join(text_lines).rstrip("\n") + "\n", starts


def _validate(
    root: Path, text: str, rel: str, starts: list[tuple[int, str]], schema: Schema
) -> list[FormProblem]:
    """Check the file like ``kokeilu check`` in a scratch catalogue; problems named by form field."""
    with tempfile.TemporaryDirectory(prefix="kokeilu-issue-") as scratch:
        vocabularies = schema.vocabulary_directory
        shutil.copytree(root / vocabularies, Path(scratch) / vocabularies)
        # The experiments that exist, as empty files: enough for part_of to find its target.
        experiments = Path(scratch) / schema.experiment.directory
        experiments.mkdir(parents=True)
        for existing in (root / schema.experiment.directory).glob("*.md"):
            if "." not in existing.stem:
                (experiments / existing.name).touch()
        target = Path(scratch) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        catalogue = check_catalogue(Path(scratch), schema)
    result = []
    for problem in catalogue.problems:
        if problem.path != rel or not problem.is_error:
            continue
        if problem.rule in {"missing-field", "empty-body"}:
            continue  # already reported as an unanswered question of the form
        label = starts[0][1] if starts else BODY_LABEL
        for line, name in starts:
            if line <= problem.line:
                label = name
        result.append(FormProblem(label, problem.message))
    return result


def _read_body(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_BODY_CHARS * 4 + 1)
    else:
        with open(name, "rb") as handle:
            data = handle.read(MAX_BODY_CHARS * 4 + 1)
    return data.decode("utf-8", errors="replace")


def run_from_issue(args, root: Path) -> int:
    """``kokeilu from-issue [FILE|-] [--write]``."""
    try:
        body = _read_body(args.file)
    except OSError as error:
        print(f"kokeilu from-issue: tiedostoa {args.file} ei voi lukea: {error.strerror}.", file=sys.stderr)
        return 2
    catalogue = check_catalogue(root)
    result = experiment_from_issue(body, root, catalogue.schema, catalogue.vocabularies)
    problems = list(result.problems)
    if result.path and (root / result.path).exists():
        problems.append(
            FormProblem(
                catalogue.schema.experiment.fields[0].label_fi,
                f"luettelossa on jo tiedosto {result.path}. Muokkaa sitä tai anna "
                "kokeilulle erottuva otsikko.",
            )
        )
    if problems:
        print("Lomakkeesta ei voitu tehdä kokeilua. Korjaa nämä kohdat issuessa:", file=sys.stderr)
        for problem in problems:
            print(f"- {problem}", file=sys.stderr)
        return 1
    if not args.write:
        sys.stdout.write(result.text)
        return 0
    try:
        write_new_file(root, result.path, result.text)
    except ScaffoldError as error:
        print(f"kokeilu from-issue: {error}", file=sys.stderr)
        return 1
    print(f"Kirjoitettiin {result.path}. Tarkista se: kokeilu check {result.path}")
    return 0
