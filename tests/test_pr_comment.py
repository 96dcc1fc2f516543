"""The pull-request comment script (pr-comment.yml), run in Node.js against a fake GitHub API.

The script has write access and reads an artifact made by the pull request's own code, so it
is tested on what that code could put there: a forged pull-request number, a stale run, a
report that pings people, and a report too long for a comment. It must keep ONE comment.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.support import REPO_ROOT

NODE = shutil.which("node")
HARNESS = Path(__file__).parent / "js/github_script.js"
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


def run(tmp_path: Path, report: str, number: str = "12", comments=(), head_sha: str = SHA) -> dict:
    if NODE is None:
        pytest.fail("Node.js is needed to run the comment script (apt-get install nodejs).")
    artifact = tmp_path / "kokeilu-diff"
    artifact.mkdir()
    (artifact / "report.md").write_text(report, encoding="utf-8")
    (artifact / "pr-number").write_text(number + "\n", encoding="utf-8")
    (tmp_path / "script.js").write_text(comment_script(), encoding="utf-8")
    scenario = {
        "pulls": {"12": {"number": 12, "head": {"sha": head_sha}}},
        "comments": list(comments),
        "workflow_run": RUN,
    }
    (tmp_path / "scenario.json").write_text(json.dumps(scenario), encoding="utf-8")
    result = subprocess.run(
        [NODE, str(HARNESS), str(tmp_path / "script.js"), str(tmp_path / "scenario.json")],
        capture_output=True,
        text=True,
        timeout=60,
        env={"REPORT_DIR": str(artifact), "PATH": "/usr/bin:/bin"},
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
