"""A translated body is read and reviewed whatever the errors of other files: an error in one
entry does not hide the warnings of another entry's translation, nor drop its body."""

from __future__ import annotations

import shutil

from generator.content.check import check_catalogue
from tests.support import FIXTURE_SITE

BODY = "experiments/perustulokoe-tyottomille.sv.md"
# "experimentet" is a Swedish term the glossary avoids for kokeilu (försöket).
AVOIDED = "Experimentet pågick i två år.\n"


def test_an_error_in_another_file_leaves_a_translation_reviewed(tmp_path):
    root = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_SITE, root)
    body = root / BODY
    lines = body.read_text(encoding="utf-8").splitlines(keepends=True)
    body.write_text("".join(lines) + "\n" + AVOIDED, encoding="utf-8")
    alone = check_catalogue(root)
    (root / "experiments/aaa-rikki.md").write_text("---\ntitle: [\n---\nTeksti.\n", encoding="utf-8")
    beside = check_catalogue(root)

    assert any(p.path == "experiments/aaa-rikki.md" and p.is_error for p in beside.problems)
    warning = (BODY, len(lines) + 2, 1, "glossary-term")
    for catalogue in (alone, beside):
        assert warning in {(p.path, p.line, p.column, p.rule) for p in catalogue.problems}
        assert catalogue.bodies["experiments/perustulokoe-tyottomille.md"]["sv"].endswith(AVOIDED)
