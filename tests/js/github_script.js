// Runs the `script:` of an actions/github-script step against a fake GitHub API, for
// tests/tooling/test_pr_comment.py. Usage: node github_script.js SCRIPT_FILE SCENARIO_JSON
// The scenario gives the pull request, the existing comments, the workflow_run payload and the
// run's artifacts (each with the file its zip is read from); the output (stdout, JSON) lists
// every API write, every artifact downloaded and every core.* message.
'use strict';
const fs = require('fs');

const [scriptFile, scenarioFile] = process.argv.slice(2);
const script = fs.readFileSync(scriptFile, 'utf8');
const scenario = JSON.parse(fs.readFileSync(scenarioFile, 'utf8'));
const log = { writes: [], downloads: [], messages: [], failed: null };

const core = {
  info: (m) => log.messages.push(['info', String(m)]),
  warning: (m) => log.messages.push(['warning', String(m)]),
  setFailed: (m) => { log.failed = String(m); },
};
const comments = scenario.comments.map((c) => ({ ...c }));
const github = {
  rest: {
    actions: {
      listWorkflowRunArtifacts: async ({ run_id }) => {
        if (run_id !== scenario.workflow_run.id) throw new Error(`unexpected run ${run_id}`);
        return { data: { total_count: scenario.artifacts.length, artifacts: scenario.artifacts } };
      },
      downloadArtifact: async ({ artifact_id, archive_format }) => {
        const artifact = scenario.artifacts.find((a) => a.id === artifact_id);
        if (!artifact || archive_format !== 'zip') { const e = new Error('Not Found'); e.status = 404; throw e; }
        log.downloads.push(artifact_id);
        const bytes = fs.readFileSync(artifact.zip_file);  // Octokit gives an ArrayBuffer
        return { data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
      },
    },
    pulls: {
      get: async ({ pull_number }) => {
        const pr = scenario.pulls[String(pull_number)];
        if (!pr) { const e = new Error('Not Found'); e.status = 404; throw e; }
        return { data: pr };
      },
    },
    issues: {
      listComments: 'listComments',
      updateComment: async ({ comment_id, body }) => {
        log.writes.push({ op: 'update', comment_id, body });
        return { data: { id: comment_id } };
      },
      createComment: async ({ issue_number, body }) => {
        log.writes.push({ op: 'create', issue_number, body });
        return { data: { id: 999 } };
      },
    },
  },
  paginate: async (method, { issue_number }) => {
    if (method !== 'listComments') throw new Error(`unexpected paginate(${method})`);
    return comments.filter((c) => c.issue_number === issue_number);
  },
};
const context = {
  repo: { owner: 'kokeileva-suomi', repo: 'kokeilukatalogi' },
  payload: { workflow_run: scenario.workflow_run },
};

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
new AsyncFunction('require', 'github', 'context', 'core', script)(require, github, context, core)
  .then(() => process.stdout.write(JSON.stringify(log)))
  .catch((error) => { log.failed = `threw: ${error.message}`; process.stdout.write(JSON.stringify(log)); });
