// The browser side of tests/test_search_tolerance.py, run with Node.
//
// Reads a JSON job on stdin: {lunr: {"lunr.js": path, ...}, finder: path, data: {language:
// folder of its finder data}, queries: [[language, query], ...]} and prints what finder.js's
// findOrdinals (what the browser runs for a query) answers for each: {ordinals, corrected,
// partial, note: the status line's words before the count, in the language}.
'use strict';
const fs = require('fs');
const path = require('path');

const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const lunr = require(job.lunr['lunr.js']);
require(job.lunr['lunr.stemmer.support.js'])(lunr);
require(job.lunr['lunr.fi.js'])(lunr);
require(job.lunr['lunr.sv.js'])(lunr);
global.lunr = lunr;
const finder = require(job.finder);

function read(folder, file) {
  return JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
}

async function main() {
  const answers = [];
  for (const [language, query] of job.queries) {
    const folder = job.data[language];
    const meta = read(folder, 'meta.json');
    const fetched = [];
    const fetchShard = (prefix) => {
      fetched.push(prefix);
      return Promise.resolve(read(folder, path.join('terms', finder.shardFile(prefix) + '.json')));
    };
    const found = await finder.findOrdinals(meta, query, fetchShard, lunr);
    answers.push({...found, note: finder.noteText(found, language, query), fetched: fetched.length});
  }
  process.stdout.write(JSON.stringify({answers}));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
