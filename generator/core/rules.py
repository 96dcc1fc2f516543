"""Every rule id ``kokeilu check`` can report, in groups, with what it means.

Ids are stable: editors, workflows and tests rely on them. The texts are Markdown for developers:
``kokeilu schema --write`` writes them to docs/rules.md (``generator/derived/rule_list.py``), and
``kokeilu check`` reports that file as ``stale-derived-file`` until it is rewritten. The messages
contributors see are written in Finnish where each problem is found.
"""

from __future__ import annotations

RULE_GROUPS: dict[str, dict[str, str]] = {
    "Files and front matter": {
        "file-too-large": "The file is over the size limit and is not read.",
        "file-missing": "A file the catalogue needs (a vocabulary) does not exist.",
        "file-unreadable": "The file cannot be read (permissions, I/O).",
        "encoding": "Bytes that are not UTF-8.",
        "control-character": (
            "A control character (C0 but tab and newline, DEL, C1) or a bidi embedding, override or "
            'isolate: in the file, at the character; as a YAML escape (`"\\e"`, `"\\u202e"`), at the value.'
        ),
        "unexpected-file": (
            "A file or folder that may not be where it is: anything but entries in `experiments/`, "
            "anything under `content/` outside its allowlist (docs/content-model.md), a hidden file or a "
            "`templates/` folder there, a FIFO or device anywhere."
        ),
        "symlink": (
            "A symbolic link anywhere in `experiments/` or `content/` (or mode 120000 in `kokeilu diff`'s "
            "HEAD): never followed, read or published."
        ),
        "submodule": (
            "A folder holding `.git` (a submodule or a nested repository) in `experiments/` or "
            "`content/`, or a gitlink (mode 160000): not entered."
        ),
        "bad-slug": "A file name or term id that is not a lower-case ASCII slug.",
        "frontmatter-missing": "No front matter block at the top of the file.",
        "frontmatter-not-first": "Blank lines before the opening ---.",
        "frontmatter-unterminated": "An opening --- without a closing one.",
        "frontmatter-not-mapping": "Front matter that is not key: value pairs.",
        "empty-body": "Nothing below the front matter.",
    },
    "YAML": {
        "yaml-syntax": "YAML that cannot be parsed.",
        "yaml-alias": "Anchors and aliases, refused (they also make alias bombs).",
        "yaml-tag": "Explicit YAML tags such as !!python/object.",
        "yaml-too-deep": "Nesting deeper than the limit.",
        "yaml-complex-key": "A list or mapping used as a key.",
        "duplicate-key": "The same key twice in one mapping.",
        "yaml-truthy": "yes/no/on/off/true/false read as a boolean where text or an id is expected.",
        "yaml-date": "An unquoted date where text is expected.",
        "yaml-number": (
            "A number where text or an id is expected, or a number not written as a plain decimal "
            "(`190:20:30`, `0x10`, `0b101`, `017`, `1_000`, `1e3`, `.inf`)."
        ),
    },
    "Fields": {
        "unknown-field": "A key the schema does not know, with a did-you-mean.",
        "missing-field": "A required field is absent.",
        "empty-value": "A field without a value.",
        "empty-group": "A group of fields with none of its sub-fields.",
        "wrong-type": "A value of the wrong kind (text for a list, text for a number, …).",
        "too-short": "Text under its minimum length.",
        "too-long": "Text over its maximum length.",
        "not-plain-text": (
            "HTML or a Markdown link in a plain-text field (summaries, and every text of a vocabulary)."
        ),
        "too-few-items": "A list with fewer items than required.",
        "too-many-items": "A list with more items than allowed.",
        "duplicate-item": "The same item twice in a list.",
        "unknown-term": "A value outside its vocabulary, with the closest valid ids.",
        "bad-date": "A date that cannot be read or does not exist.",
        "bad-url": "A web address that is not http(s), or malformed.",
        "bad-email": "An e-mail address that is malformed.",
        "out-of-range": (
            "A number below its minimum, or with over 15 digits before the point (inexact in JSON)."
        ),
    },
    "Markdown bodies (experiments, learnings, intros)": {
        "raw-html": "HTML in a Markdown body; bodies are Markdown only.",
        "unsafe-link": "A link or image whose address is not http, https, mailto or relative.",
        "unsafe-attribute": (
            "A { } attribute in a body other than an id or class, or a class the theme acts on."
        ),
        "body-too-complex": (
            "Lists or quotes nested over 40 deep, or constructs Python-Markdown would crawl over (floods "
            "of unclosed `[`, `(`, `<a`, `<![`, headings without blank lines, …): not parsed."
        ),
        "html-in-code": (
            "Text (a tag in a code span or indented code, a stray character reference) that a page in "
            "another language would read as HTML inside its language wrapper, or that changes how the "
            "page after the body is read."
        ),
        "remote-image": (
            "An image from another host (`![](https://…)`, `//host/…`): the site fetches nothing from "
            "another host."
        ),
    },
    "Across fields and files": {
        "date-order": "An end date before the start date.",
        "end-missing": "Warning: a finished experiment without an end date.",
        "end-unknown-but-not-ended": "Warning: an end marked unknown on an experiment that has not ended.",
        "result-missing": (
            "Warning: a completed experiment (`paattynyt`, `skaalattu`) without a `result`; `result: "
            "{outcome: tuntematon}` says the outcome is not known. Reported at its status."
        ),
        "report-missing": (
            "Warning: an evaluation marked published (`evaluation.status: julkaistu`) without a report "
            "link in `evaluation.reports`. Reported at that status."
        ),
        "evidence-missing": (
            "Warning: a verdict without its evidence: a `result.outcome` other than `tuntematon` or "
            "`liian-aikaista` without `result.evidence`, or a learning's `kind` without `evidence` "
            "(source addresses that state the verdict). Reported at the verdict."
        ),
        "duplicate-slug": "Two entries with the same slug, ignoring case, across experiments and learnings.",
        "missing-reference": (
            "A learning names an experiment, or `part_of` a larger one, that does not exist. Reported at "
            "the value, with the closest slug."
        ),
        "reference-cycle": (
            "Experiments that are each other's parts (`part_of`: a → b → a, or a → a). Reported at the "
            "`part_of` of every experiment of the cycle, naming the cycle in order from it."
        ),
        "municipality-region-missing": (
            "Warning: a municipality whose region is not in `regions`, or `regions: tuntematon` with "
            "municipalities given (the fix names the regions). Reported at the municipality. `regions: "
            "[]` (nationwide) covers every municipality."
        ),
        "funding-conflict": (
            "`funding.amount_eur` together with a range (`amount_min_eur`, `amount_max_eur`), reported at "
            "the second of them in the file; or `amount_precision` without `amount_eur`."
        ),
        "range-order": (
            "A funding range whose `amount_min_eur` is above its `amount_max_eur`. Reported at the maximum."
        ),
        "unconfirmed-path": (
            "A name in `unconfirmed` that is not a fact of the entry's kind (with a did-you-mean), or a "
            "fact the file does not give (or gives as `tuntematon`)."
        ),
        "personal-data": "Warning: a personal-looking e-mail address (etunimi.sukunimi@) or a mobile number.",
        "placeholder": "Warning: a placeholder from kokeilu new (TÄYDENNÄ, the example source) left in.",
    },
    "Translations": {
        "unknown-language": "A translated body file whose language code is not fi, sv or en.",
        "orphan-translation": "A translated body file (x.sv.md) without its entry (x.md).",
        "translation-same-language": "A translation into the language the entry is already written in.",
        "translation-front-matter": (
            "A translated body with front matter (title and summary go in translations)."
        ),
        "glossary-term": (
            "Warning: a translated title, summary or body of a Finnish entry uses a term that the glossary "
            "(`generator/i18n/glossary.yml`) says to avoid, naming the term to use. At the field's value, "
            "or at the term in a translated body."
        ),
        "translation-language": (
            "Warning: a translation that language identification (langdetect, where installed) takes for "
            "another language: a title with its summary (at the title) or a body (at 1:1), at least 40 "
            "letters."
        ),
        "translation-copy": (
            "Warning: a translated title, summary or body that is the original text unchanged (a name of "
            "one or two words may stay as it is)."
        ),
    },
    "Hand-written introductions of generated pages": {
        "unknown-intro": "A file in a generated-page folder (content/teemat/, …) that matches no page.",
        "intro-front-matter": "An introduction with a front matter block; intros are plain Markdown.",
    },
    "The published site": {
        "broken-link": (
            "A relative link or image in a body, intro or hand-written page to a file the site does not "
            "have, resolved as MkDocs resolves it on every page the text is shown on (an experiment's "
            "body on `kokeilut/<slug>.md` and its `sv/` and `en/` pages); at the link's address. Links to "
            "a listing's continuation pages (`…/sivu/2/`) and the finder's data are refused too: they "
            "change as the catalogue grows."
        ),
        "page-clash": (
            "A hand-written file where the site generates a page or a file (`content/sv/opit/<slug>.md`, "
            "`content/tilastot/index.md`) or in a listing's `sivu/` folder: the build would stop."
        ),
        "page-dropped": (
            "A hand-written page published at the same address as another page "
            "(`content/opit/<slug>/index.md` beside the learning `<slug>`, `README.md` beside "
            "`index.md`): only one would be kept."
        ),
    },
    "Vocabularies and derived files": {
        "vocabulary-not-list": "A vocabulary file that is not a list of terms.",
        "duplicate-term": "Two terms with the same id in one vocabulary.",
        "stale-derived-file": (
            "A file made from the schema, the vocabularies or the rule ids (the JSON Schemas, the field "
            "reference, the issue form, `docs/rules.md`) is missing or out of date: run `kokeilu schema "
            "--write`."
        ),
    },
}

RULES: dict[str, str] = {rule: meaning for group in RULE_GROUPS.values() for rule, meaning in group.items()}
