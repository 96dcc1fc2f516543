"""The GitHub workflows and CODEOWNERS: linted by actionlint and zizmor, and held to the safety rules.

This is a public repository that takes pull requests from strangers, so:
- code from a pull request runs only under `pull_request`, with a read-only token;
- whatever needs write access runs separately and never runs the pull request's code;
- third-party actions are pinned by full commit SHA;
- every workflow and every job declares least-privilege `permissions:`;
- untrusted text (issue bodies, titles, branch names) never reaches a script through `${{ }}`.

actionlint and zizmor are test dependencies (pyproject.toml). They run offline; when either is
missing the tests fail with the command to install them: a lint that did not run proves nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support import REPO_ROOT

WORKFLOWS_DIR = REPO_ROOT / ".github/workflows"
WORKFLOWS = sorted(WORKFLOWS_DIR.glob("*.yml")) + sorted(WORKFLOWS_DIR.glob("*.yaml"))
CODEOWNERS = REPO_ROOT / ".github/CODEOWNERS"

EDITORS = "@kokeileva-suomi/toimittajat"
MAINTAINERS = "@kokeileva-suomi/yllapitajat"

SHA_PIN = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+)*\s*$")
INSTALL_HINT = 'install the test dependencies: pip install -e ".[test]"'


def _tool(name: str) -> str:
    """The linter installed beside this Python (the venv's bin), else on PATH; fail if neither."""
    beside = Path(sys.executable).parent / name
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"`{name}` is not installed, so the workflows cannot be linted: {INSTALL_HINT}")
    return found


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: not a YAML mapping"
    return data


def _triggers(workflow: dict[str, Any]) -> dict[str, Any]:
    # PyYAML (YAML 1.1) reads the key `on` as True.
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    assert isinstance(on, dict), "a workflow needs `on:`"
    return on


def _steps(workflow: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (job_id, step)
        for job_id, job in workflow.get("jobs", {}).items()
        for step in job.get("steps", []) or []
    ]


def _uses_lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"^\s*(-\s+)?uses:", line)
    ]


def test_there_are_the_workflows_of_the_contribution_process():
    names = {path.name for path in WORKFLOWS}
    assert {"ci.yml", "pr-comment.yml", "issue-to-pr.yml", "report.yml", "deploy.yml"} <= names


# --- the linters ------------------------------------------------------------------------------


def test_actionlint_finds_nothing():
    actionlint = _tool("actionlint")
    # actionlint runs shellcheck on every `run:` script when it finds it on PATH, and silently
    # skips that part when it does not: put the one installed beside this Python first.
    shellcheck = _tool("shellcheck")
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(shellcheck).parent), os.environ.get("PATH", "")])}
    result = subprocess.run(
        [actionlint, "-no-color", *(str(path.relative_to(REPO_ROOT)) for path in WORKFLOWS)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0 and not result.stdout.strip(), (
        f"actionlint exited {result.returncode}:\n{result.stdout}{result.stderr}"
    )


def test_the_linters_catch_a_bad_workflow(tmp_path):
    # A lint that passes everything proves nothing: one workflow with a shell bug, an unpinned
    # action and an issue title interpolated into a script must be flagged by both tools.
    bad = tmp_path / ".github/workflows/bad.yml"
    bad.parent.mkdir(parents=True)
    bad.write_text(
        "name: bad\n"
        "on:\n  issues:\n    types: [opened]\n"
        "permissions: {}\n"
        "jobs:\n  bad:\n    runs-on: ubuntu-latest\n    permissions: {}\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: |\n          echo ${{ github.event.issue.title }}\n          cp $1 $HOME\n",
        encoding="utf-8",
    )
    shellcheck = _tool("shellcheck")
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(shellcheck).parent), os.environ.get("PATH", "")])}
    lint = subprocess.run(
        [_tool("actionlint"), "-no-color", ".github/workflows/bad.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert lint.returncode == 1
    assert "shellcheck reported issue" in lint.stdout and "SC2086" in lint.stdout, lint.stdout
    assert "potentially untrusted" in lint.stdout, lint.stdout
    audit = subprocess.run(
        [_tool("zizmor"), "--offline", "--no-progress", "--color=never", "--format=plain", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert audit.returncode != 0
    assert "template-injection" in audit.stdout and "unpinned-uses" in audit.stdout, audit.stdout


def test_zizmor_finds_nothing_offline():
    zizmor = _tool("zizmor")
    env = {key: value for key, value in os.environ.items() if key not in {"GH_TOKEN", "GITHUB_TOKEN"}}
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "--color=never", "--format=plain", str(WORKFLOWS_DIR)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    # Exit 0: no findings at the default ("regular") persona. The one `# zizmor: ignore[...]`
    # (pr-comment.yml's workflow_run trigger) carries its reason beside it.
    assert result.returncode == 0, f"zizmor exited {result.returncode}:\n{result.stdout}{result.stderr}"
    assert "No findings" in result.stdout, result.stdout + result.stderr


def test_every_zizmor_ignore_gives_a_reason():
    for path in WORKFLOWS:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "zizmor: ignore" in line:
                assert re.search(r"zizmor: ignore\[[a-z-]+\]\s+--\s+\S", line), (
                    f"{path.name}:{number}: a zizmor ignore needs `-- reason` after it"
                )


# --- the safety rules ------------------------------------------------------------------------


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_third_party_actions_are_pinned_by_commit_sha(path: Path):
    for job_id, step in _steps(_load(path)):
        uses = step.get("uses")
        if uses is None or uses.startswith("./"):
            continue
        assert SHA_PIN.match(uses), f"{path.name} job {job_id}: `{uses}` is not pinned to a 40-hex commit SHA"
    for job_id, job in _load(path).get("jobs", {}).items():
        if "uses" in job and not job["uses"].startswith("./"):
            assert SHA_PIN.match(job["uses"]), f"{path.name} job {job_id}: reusable workflow not pinned"
    for line in _uses_lines(path):
        if "@" in line:
            assert VERSION_COMMENT.search(line), f"{path.name}: `{line}` needs a `# vX.Y.Z` comment"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_workflow_and_job_declares_its_permissions(path: Path):
    workflow = _load(path)
    assert "permissions" in workflow, f"{path.name}: no workflow-level `permissions:`"
    assert workflow["permissions"] in ({}, {"contents": "read"}), (
        f"{path.name}: the workflow-level default must grant nothing (or only contents: read); "
        "grant more per job"
    )
    for job_id, job in workflow["jobs"].items():
        assert "permissions" in job, f"{path.name} job {job_id}: no `permissions:`"
        assert job["permissions"] not in ("write-all", "read-all"), f"{path.name} job {job_id}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_workflow_uses_pull_request_target(path: Path):
    assert "pull_request_target" not in _triggers(_load(path))
    assert "pull_request_target" not in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_expression_is_interpolated_into_a_script(path: Path):
    # Untrusted text (github.event.issue.body, .title, github.head_ref, ...) would become code
    # there. Scripts get every value, trusted or not, through `env:` instead.
    for job_id, step in _steps(_load(path)):
        for where, script in (("run", step.get("run")), ("script", (step.get("with") or {}).get("script"))):
            if isinstance(script, str):
                assert "${{" not in script, (
                    f"{path.name} job {job_id} step {step.get('name') or step.get('uses')}: "
                    f"`${{{{ }}}}` inside `{where}:`; pass the value through `env:`"
                )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_checkouts_do_not_keep_the_token(path: Path):
    for job_id, step in _steps(_load(path)):
        if str(step.get("uses", "")).startswith("actions/checkout@"):
            assert (step.get("with") or {}).get("persist-credentials") is False, (
                f"{path.name} job {job_id}: checkout needs `persist-credentials: false`"
            )


def _writes(permissions: Any) -> bool:
    return permissions == "write-all" or (isinstance(permissions, dict) and "write" in permissions.values())


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_pull_request_code_runs_read_only(path: Path):
    workflow = _load(path)
    if "pull_request" not in _triggers(workflow):
        return
    for job_id, job in workflow["jobs"].items():
        assert not _writes(job.get("permissions")), f"{path.name} job {job_id} runs PR code with write access"
    assert not re.search(r"\bsecrets\.\w", path.read_text(encoding="utf-8")), (
        f"{path.name}: no secrets for PR code"
    )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_privileged_workflows_never_check_out_pull_request_code(path: Path):
    workflow = _load(path)
    triggers = _triggers(workflow)
    if "workflow_run" in triggers:
        for job_id, step in _steps(workflow):
            assert not str(step.get("uses", "")).startswith("actions/checkout@"), (
                f"{path.name} job {job_id}: a workflow_run workflow must not check out code"
            )
    if any(_writes(job.get("permissions")) for job in workflow["jobs"].values()):
        for job_id, step in _steps(workflow):
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                ref = str((step.get("with") or {}).get("ref", ""))
                assert "github.event" not in ref and "head" not in ref, (
                    f"{path.name} job {job_id}: a job with write access checks out {ref!r}"
                )


def test_the_comment_workflow_follows_ci_and_updates_one_marked_comment():
    workflow = _load(WORKFLOWS_DIR / "pr-comment.yml")
    ci = _load(WORKFLOWS_DIR / "ci.yml")
    run = _triggers(workflow)["workflow_run"]
    assert run["workflows"] == [ci["name"]] and run["types"] == ["completed"]
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"actions": "read", "pull-requests": "write"}
    text = (WORKFLOWS_DIR / "pr-comment.yml").read_text(encoding="utf-8")
    assert "<!-- kokeilu-diff -->" in text and "updateComment" in text and "/^[0-9]{1,10}$/" in text
    ci_text = (WORKFLOWS_DIR / "ci.yml").read_text(encoding="utf-8")
    assert 'kokeilu diff "origin/${BASE_REF}" HEAD --format markdown' in ci_text
    assert "GITHUB_STEP_SUMMARY" in ci_text and "fetch-depth: 0" in ci_text


def test_the_issue_workflow_runs_only_for_the_editors_label():
    workflow = _load(WORKFLOWS_DIR / "issue-to-pr.yml")
    assert _triggers(workflow)["issues"] == {"types": ["labeled"]}
    (job,) = workflow["jobs"].values()
    assert job["if"] == "github.event.label.name == 'kokeilu-ehdotus'"
    bodies = [step for _, step in _steps(workflow) if "ISSUE_BODY" in (step.get("env") or {})]
    assert bodies and all(step["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}" for step in bodies)


def test_deploy_grants_pages_write_only_to_the_deploy_job():
    workflow = _load(WORKFLOWS_DIR / "deploy.yml")
    assert workflow["concurrency"]["group"] == "pages"
    for job_id, job in workflow["jobs"].items():
        if job_id == "deploy":
            assert job["permissions"] == {"pages": "write", "id-token": "write"}
        else:
            assert not _writes(job["permissions"]), job_id


# --- CODEOWNERS ------------------------------------------------------------------------------


def _codeowners() -> list[tuple[str, list[str]]]:
    rules = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        # The matcher below understands only these shapes; keep CODEOWNERS to them.
        assert pattern == "*" or re.fullmatch(r"/[\w.-]+(/[\w.-]+)*/?", pattern), pattern
        assert owners, f"CODEOWNERS: {pattern} has no owner"
        rules.append((pattern, owners))
    return rules


def _owners(path: str) -> list[str]:
    """GitHub's rule: the last matching pattern wins."""
    owners: list[str] = []
    for pattern, pattern_owners in _codeowners():
        if pattern == "*" or (pattern.endswith("/") and path.startswith(pattern[1:])) or path == pattern[1:]:
            owners = pattern_owners
    return owners


def _top_level_entries() -> set[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files"], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=60
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        listed = []
    if listed:
        return {name.split("/")[0] + ("/" if "/" in name else "") for name in listed}
    return {path.name + "/" for path in REPO_ROOT.iterdir() if path.is_dir() and path.name != ".git"}


def test_codeowners_names_every_top_level_folder():
    patterns = {pattern for pattern, _ in _codeowners()}
    for entry in sorted(_top_level_entries()):
        if entry.endswith("/"):
            assert f"/{entry}" in patterns, f"CODEOWNERS names no owner for the folder {entry}"
        assert _owners(entry + "x"), f"{entry} has no code owner"


@pytest.mark.parametrize(
    ("path", "owner"),
    [
        ("experiments/esimerkki.md", EDITORS),
        ("content/opit/esimerkki.md", EDITORS),
        ("content/sanastot/teemat.yml", EDITORS),
        ("content/index.md", EDITORS),
        ("content/osallistu/index.md", EDITORS),
        ("content/schema/kokeilu.schema.json", MAINTAINERS),
        ("generator/cli.py", MAINTAINERS),
        ("theme/main.html", MAINTAINERS),
        (".github/workflows/ci.yml", MAINTAINERS),
        (".github/CODEOWNERS", MAINTAINERS),
        ("tests/tooling/test_workflows.py", MAINTAINERS),
        ("benchmarks/search.py", MAINTAINERS),
        ("pyproject.toml", MAINTAINERS),
        ("mkdocs.yml", MAINTAINERS),
        ("README.md", MAINTAINERS),
    ],
)
def test_codeowners_gives_content_to_editors_and_code_to_maintainers(path: str, owner: str):
    assert _owners(path) == [owner]


# --- the text the workflows post (.github/scripts/comment_text.py) ------------------------------

COMMENT_TEXT = REPO_ROOT / ".github/scripts/comment_text.py"


def _comment_text(tmp_path: Path, *args: str, text: str) -> str:
    source = tmp_path / "input.txt"
    source.write_bytes(text.encode("utf-8"))
    result = subprocess.run(
        [sys.executable, str(COMMENT_TEXT), args[0], str(source), *args[1:]],
        capture_output=True,
        timeout=60,
        check=True,
    )
    return result.stdout.decode("utf-8")


def _closes(line: str, opening: str) -> bool:
    """CommonMark: a line closes a fenced code block when it is up to 3 spaces of indentation,
    at least as many of the opening fence's characters, then only spaces or tabs."""
    match = re.fullmatch(r" {0,3}(~+|`+)[ \t]*", line)
    return bool(match) and match.group(1)[0] == opening[0] and len(match.group(1)) >= len(opening)


FENCE_BREAKERS = "\n".join(
    [
        "kokeilu from-issue: virhe",
        "~~~~",
        "   ~~~~~~~~",
        "  ~~~~~ ",
        "```",
        "~~~~~~~~~~~~~~~~~~~~~~~~~~~~ @kaikki",
        " ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~",
        "<script>alert(1)</script> #1 \x1b[2K\r\u202e",
    ]
)


def test_the_old_fence_guard_let_an_indented_fence_close_the_block():
    guarded = re.sub(r"^~~~~", " ~~~~", FENCE_BREAKERS, flags=re.MULTILINE)  # sed 's/^~~~~/ ~~~~/'
    assert any(_closes(line, "~~~~") for line in guarded.splitlines())


def test_no_line_of_the_issues_text_can_close_its_code_block(tmp_path):
    out = _comment_text(tmp_path, "fence", "60000", text=FENCE_BREAKERS + "\n")
    lines = out.splitlines()
    opening = lines[0].removesuffix("text")
    assert set(opening) == {"~"} and lines[-1] == opening
    assert len(opening) > 42  # longer than the longest run of tildes in the text
    assert not any(_closes(line, opening) for line in lines[1:-1])
    assert lines[1:-1][:2] == ["kokeilu from-issue: virhe", "~~~~"]
    assert lines[-2] == "<script>alert(1)</script> #1 \\x1b[2K\\x0d\\u202e"
    assert _comment_text(tmp_path, "fence", "60000", text="ei tildejä\n").splitlines() == [
        "~~~~text",
        "ei tildejä",
        "~~~~",
    ]


def test_the_code_block_is_cut_at_a_line_end_within_the_bound(tmp_path):
    text = "".join(f"rivi {n} ~~~~~\n" for n in range(10_000))
    out = _comment_text(tmp_path, "fence", "60000", text=text)
    body = out.splitlines()[1:-1]
    assert sum(len(line) + 1 for line in body) <= 60000
    assert all(line.startswith("rivi ") and line.endswith(" ~~~~~") for line in body)


def test_a_long_report_is_capped_below_githubs_limit_with_a_note(tmp_path):
    note = "… Raportti katkaistiin."
    text = "".join(f"- **Kokeilu {n}** (experiments/k{n}.md)\n" for n in range(5_000))
    assert len(text) > 65536
    out = _comment_text(tmp_path, "cap", "60000", note, text=text)
    assert len(out) <= 60000 and out.endswith(f"\n\n{note}\n")
    kept = out.removesuffix(f"\n\n{note}\n")
    assert text.startswith(kept + "\n")  # whole lines
    short = "# Raportti\n\nEi yhtään.\n"
    assert _comment_text(tmp_path, "cap", "60000", note, text=short) == short


def test_the_workflows_post_issue_text_through_the_script():
    issue_to_pr = (WORKFLOWS_DIR / "issue-to-pr.yml").read_text(encoding="utf-8")
    assert '"$RUNNER_TEMP/venv/bin/python" .github/scripts/comment_text.py fence' in issue_to_pr
    assert "sed 's/^~~~~" not in issue_to_pr
    report = _load(WORKFLOWS_DIR / "report.yml")
    scripts = "\n".join(step.get("run", "") for _, step in _steps(report))
    assert 'text cap "$RUNNER_TEMP/report.md" 60000' in scripts
    assert '--body-file "$RUNNER_TEMP/issue.md"' in scripts
    assert '--body-file "$RUNNER_TEMP/report.md"' not in scripts
