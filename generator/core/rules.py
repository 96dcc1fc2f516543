"""Every rule id ``kokeilu check`` can report. Ids are stable: editors and tests rely on them."""

from __future__ import annotations

RULES: dict[str, str] = {
    # Files and front matter
    "file-too-large": "The file is over the size limit and is not read.",
    "file-missing": "A file the catalogue needs (a vocabulary) does not exist.",
    "file-unreadable": "The file cannot be read (permissions, I/O).",
    "encoding": "Bytes that are not UTF-8.",
    "control-character": (
        "A control character (C0 but tab and newline, DEL, C1) or a bidi embedding, override or "
        "isolate, in the file or as a YAML escape in a value."
    ),
    "unexpected-file": "A file or folder that may not be in an entry folder or the docs folder (content/).",
    "symlink": "A symbolic link in experiments/ or content/: never read, never published.",
    "submodule": "A git submodule or nested repository (a folder with .git) in experiments/ or content/.",
    "bad-slug": "A file name or term id that is not a lower-case ASCII slug.",
    "frontmatter-missing": "No front matter block at the top of the file.",
    "frontmatter-not-first": "Blank lines before the opening ---.",
    "frontmatter-unterminated": "An opening --- without a closing one.",
    "frontmatter-not-mapping": "Front matter that is not key: value pairs.",
    "empty-body": "Nothing below the front matter.",
    # YAML
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
        "(190:20:30, 0x10, 0b101, 017, 1_000, 1e3, .inf)."
    ),
    # Fields
    "unknown-field": "A key the schema does not know, with a did-you-mean.",
    "missing-field": "A required field is absent.",
    "empty-value": "A field without a value.",
    "empty-group": "A group of fields with none of its sub-fields.",
    "wrong-type": "A value of the wrong kind (text for a list, text for a number, …).",
    "too-short": "Text under its minimum length.",
    "too-long": "Text over its maximum length.",
    "not-plain-text": "HTML or a Markdown link in a plain-text field.",
    "too-few-items": "A list with fewer items than required.",
    "too-many-items": "A list with more items than allowed.",
    "duplicate-item": "The same item twice in a list.",
    "unknown-term": "A value outside its vocabulary, with the closest valid ids.",
    "bad-date": "A date that cannot be read or does not exist.",
    "bad-url": "A web address that is not http(s), or malformed.",
    "bad-email": "An e-mail address that is malformed.",
    "out-of-range": "A number below its minimum, or with over 15 digits before the point (inexact in JSON).",
    # Markdown bodies (experiments, learnings, intros)
    "raw-html": "HTML in a Markdown body; bodies are Markdown only.",
    "unsafe-link": "A link or image whose address is not http, https, mailto or relative.",
    "unsafe-attribute": "A { } attribute in a body other than an id or class, or a class the theme acts on.",
    "body-too-complex": "Lists or quotes nested over 40 deep, or over 500 [ in a paragraph: not parsed.",
    "html-in-code": "Text a page in another language would read as HTML inside its language wrapper.",
    "remote-image": "An image from another host; the site fetches nothing from another host.",
    # Across fields and files
    "date-order": "An end date before the start date.",
    "end-missing": "Warning: a finished experiment without an end date.",
    "end-unknown-but-not-ended": "Warning: an end marked unknown on an experiment that has not ended.",
    "result-missing": "Warning: a completed experiment (paattynyt, skaalattu) without a result.",
    "report-missing": "Warning: an evaluation marked published (julkaistu) without a report link.",
    "duplicate-slug": "Two entries with the same slug, ignoring case, across experiments and learnings.",
    "missing-reference": "A learning names an experiment, or part_of a larger one, that does not exist.",
    "reference-cycle": "Experiments that are each other's parts (part_of): a → b → a, or a → a.",
    "municipality-region-missing": "Warning: a municipality whose region is not in regions.",
    "funding-conflict": "amount_eur with a range (amount_min_eur, amount_max_eur), or a precision alone.",
    "range-order": "A funding range whose amount_min_eur is above its amount_max_eur.",
    "unconfirmed-path": "A name in unconfirmed that is not a fact of the entry, or not in the file.",
    "personal-data": "Warning: a personal-looking e-mail address (etunimi.sukunimi@) or a mobile number.",
    "placeholder": "Warning: a placeholder from kokeilu new (TÄYDENNÄ, the example source) left in.",
    # Translations
    "unknown-language": "A translated body file whose language code is not fi, sv or en.",
    "orphan-translation": "A translated body file (x.sv.md) without its entry (x.md).",
    "translation-same-language": "A translation into the language the entry is already written in.",
    "translation-front-matter": "A translated body with front matter (title and summary go in translations).",
    # Hand-written introductions of generated pages
    "unknown-intro": "A file in a generated-page folder (content/teemat/, …) that matches no page.",
    "intro-front-matter": "An introduction with a front matter block; intros are plain Markdown.",
    # The published site
    "broken-link": "A relative link or image in a body, intro or page to a file the site does not have.",
    "page-clash": "A hand-written file where the site generates a page or a file of its own.",
    "page-dropped": "A hand-written page at the address of another page: only one would be published.",
    # Vocabularies and derived files
    "vocabulary-not-list": "A vocabulary file that is not a list of terms.",
    "duplicate-term": "Two terms with the same id in one vocabulary.",
    "stale-derived-file": "A JSON Schema or the field reference is out of date: run kokeilu schema --write.",
}
