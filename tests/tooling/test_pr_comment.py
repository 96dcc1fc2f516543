"""The pull-request comment script (pr-comment.yml), run in Node.js against a fake GitHub API.

The script has write access and reads an artifact made by the pull request's own code, so it
is tested on what that code could put there: a forged pull-request number, a stale run, a
report that pings people, links issues or holds control and bidi characters, a report too long
for a comment, an artifact too large to download and a zip bomb. It must keep ONE comment.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.support import REPO_ROOT

NODE = shutil.which("node")
HARNESS = Path(__file__).parent.parent / "js/github_script.js"
MARKER = "<!-- kokeilu-diff -->"
SHA = "a" * 40
RUN = {
    "id": 7,
    "head_sha": SHA,
    "html_url": "https://github.com/kokeileva-suomi/kokeilukatalogi/actions/runs/7",
}
BOT = {"login": "github-actions[bot]"}


def comment_script() -> str:
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/pr-comment.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    (step,) = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/github-script@")]
    return step["with"]["script"]


def artifact_zip(path: Path, files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip like the one upload-artifact makes of the kokeilu-diff folder."""
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def run(
    tmp_path: Path,
    report: str,
    number: str = "12",
    comments=(),
    head_sha: str = SHA,
    archive: Path | None = None,
    size: int | None = None,
) -> dict:
    """Run the script with an artifact holding ``report`` and ``number`` (or the zip ``archive``),
    listed by the API at its real size (or at ``size``)."""
    if NODE is None:
        pytest.fail("Node.js is needed to run the comment script (apt-get install nodejs).")
    if archive is None:
        files = {"pr-number": (number + "\n").encode(), "report.md": report.encode("utf-8")}
        archive = artifact_zip(tmp_path / "artifact.zip", files)
    (tmp_path / "script.js").write_text(comment_script(), encoding="utf-8")
    listed = {"id": 5, "name": "kokeilu-diff", "expired": False, "zip_file": str(archive)}
    listed["size_in_bytes"] = archive.stat().st_size if size is None else size
    scenario = {
        "pulls": {"12": {"number": 12, "head": {"sha": head_sha}}},
        "comments": list(comments),
        "workflow_run": RUN,
        "artifacts": [{"id": 4, "name": "site", "expired": False, "size_in_bytes": 10**9}, listed],
    }
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    result = subprocess.run(
        [NODE, str(HARNESS), str(tmp_path / "script.js"), str(tmp_path / "scenario.json")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


REPORT = f"{MARKER}\n## Kokoelman muutokset\n\n- **Uusi kokeilu** (experiments/uusi.md)\n"


def test_first_run_creates_one_comment(tmp_path):
    log = run(tmp_path, REPORT)
    assert log["failed"] is None
    (write,) = log["writes"]
    assert write["op"] == "create" and write["issue_number"] == 12
    assert write["body"].startswith(REPORT) and RUN["html_url"] in write["body"]


def test_later_runs_update_the_bots_comment_in_place(tmp_path):
    comments = [
        {"id": 1, "issue_number": 12, "user": {"login": "someone"}, "body": f"lainaus: {MARKER}"},
        {"id": 2, "issue_number": 12, "user": BOT, "body": f"{MARKER}\nvanha raportti"},
        {"id": 3, "issue_number": 12, "user": BOT, "body": "muu botin kommentti"},
    ]
    log = run(tmp_path, REPORT, comments=comments)
    assert [(w["op"], w.get("comment_id")) for w in log["writes"]] == [("update", 2)]


def test_a_comment_quoting_the_marker_is_not_taken_over(tmp_path):
    comments = [{"id": 1, "issue_number": 12, "user": {"login": "someone"}, "body": MARKER}]
    log = run(tmp_path, REPORT, comments=comments)
    assert [w["op"] for w in log["writes"]] == ["create"]


@pytest.mark.parametrize("number", ["12; rm -rf /", "../12", "", "1" * 11, "12\n13"])
def test_a_forged_pull_request_number_posts_nothing(tmp_path, number):
    log = run(tmp_path, REPORT, number=number)
    assert log["writes"] == []
    assert log["failed"] and "not a number" in log["failed"]


def test_a_run_for_an_older_commit_posts_nothing(tmp_path):
    log = run(tmp_path, REPORT, head_sha="b" * 40)
    assert log["writes"] == [] and log["failed"] is None
    assert any(kind == "warning" and "no comment" in text for kind, text in log["messages"])


def test_the_report_cannot_ping_people_or_link_issues(tmp_path):
    # Whatever the pull request's code wrote: no @mention, team mention or issue reference.
    report = f"{MARKER}\n@kaikki @kokeileva-suomi/toimittajat katso #1, owner/repo#2 ja GH-3\n"
    (write,) = run(tmp_path, report)["writes"]
    body = write["body"]
    assert "@kaikki" not in body and "@kokeileva-suomi/toimittajat" not in body
    assert "#1" not in body and "repo#2" not in body and "GH-3" not in body
    assert "@\u200dkaikki" in body and "#\u200d1" in body
    assert body.count(MARKER) == 1


def test_a_report_without_the_marker_still_updates_the_same_comment(tmp_path):
    (write,) = run(tmp_path, "## raportti ilman merkkiä\n")["writes"]
    assert write["body"].startswith(MARKER)


def test_a_huge_report_is_cut_below_githubs_limit(tmp_path):
    (write,) = run(tmp_path, REPORT + "x" * 100_000)["writes"]
    assert len(write["body"]) < 65536
    assert "raportti katkaistu" in write["body"]


def test_the_report_cannot_link_issues_by_url_or_show_bidi_and_control_characters(tmp_path):
    links = [
        "https://github.com/o/r/issues/1",
        "https://GitHub.com/o/r/pull/2",
        "<https://github.com/o/r/issues/3>",
        "[x](https://github\\.com/o/r/pull/4)",
        '<a href="https://github&#46;com/o/r/issues/5">x</a>',
        "www.github.com/o/r/issues/6",
        "https://github\u3002com/o/r/issues/7",
    ]
    report = f"{MARKER}\n" + "\n".join(links) + "\nlasku\u202etxt.exe \x1b[2K\r\x1b[32m✓ kunnossa\x7f\x9b\n"
    (write,) = run(tmp_path, report)["writes"]
    body, _, own = write["body"].partition("<sub>CI-ajo:")
    assert not re.search(r"github\\*[.\u3002]", body, re.IGNORECASE)
    assert body.count("github\u200d") == len(links) - 1  # and the character reference:
    assert "github&#46;" not in body and "github&amp;#\u200d46;com" in body
    for char in "\u202e\x1b\r\x7f\x9b":
        assert char not in body
    assert "lasku\\u202etxt.exe \\x1b[2K\\x0d\\x1b[32m✓ kunnossa\\x7f\\x9b" in body
    assert own == f" {RUN['html_url']}</sub>\n"  # the script's own link stays


def test_kokeilu_diffs_own_escapes_and_line_ends_survive(tmp_path):
    report = f"{MARKER}\r\n- **&lt;b&gt; a &amp; b** (experiments/a.md)\r\n"
    (write,) = run(tmp_path, report)["writes"]
    assert write["body"].startswith(f"{MARKER}\n- **&lt;b&gt; a &amp; b** (experiments/a.md)\n")


def test_an_artifact_over_the_bound_is_not_downloaded(tmp_path):
    log = run(tmp_path, REPORT, size=1024 * 1024 + 1)
    assert log["writes"] == [] and log["downloads"] == []
    assert "over 1048576; not downloaded" in log["failed"]


def test_an_artifact_larger_than_listed_is_not_read(tmp_path):
    archive = artifact_zip(
        tmp_path / "big.zip",
        {"pr-number": b"12\n", "report.md": bytes(range(256)) * 8192},  # 2 MiB, does not compress
        zipfile.ZIP_STORED,
    )
    log = run(tmp_path, REPORT, archive=archive, size=1000)
    assert log["writes"] == [] and log["downloads"] == [5]
    assert "cannot be read" in log["failed"] and "over 1048576" in log["failed"]


@pytest.mark.parametrize("size", [1024 * 1024 + 1, 64 * 1024 * 1024])
def test_a_zip_bomb_stops_at_the_bound(tmp_path, size):
    # 64 MiB of one letter packs into about 64 KiB: unpacking stops at 1 MiB.
    report = MARKER.encode() + b"a" * (size - len(MARKER))
    archive = artifact_zip(tmp_path / "bomb.zip", {"pr-number": b"12\n", "report.md": report})
    assert archive.stat().st_size < 1024 * 1024 < size
    log = run(tmp_path, REPORT, archive=archive)
    assert log["writes"] == []
    assert "cannot be read: report.md" in log["failed"], log["failed"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"report.md": REPORT.encode()}, "lacks pr-number or report.md"),
        ({"muu.txt": b"x"}, "lacks pr-number or report.md"),
    ],
)
def test_an_artifact_without_its_files_posts_nothing(tmp_path, files, message):
    log = run(tmp_path, REPORT, archive=artifact_zip(tmp_path / "a.zip", files))
    assert log["writes"] == [] and message in log["failed"]


def test_an_artifact_that_is_not_a_zip_posts_nothing(tmp_path):
    archive = tmp_path / "not.zip"
    archive.write_bytes(b"PK\x03\x04 this is no archive" * 10)
    log = run(tmp_path, REPORT, archive=archive)
    assert log["writes"] == [] and "cannot be read" in log["failed"]
