// The browser side of tests/site/test_search_equivalence.py, run with Node.
//
// Reads a JSON job on stdin: {lunr: {"lunr.js": path, ...}, finder: path, data: folder of the
// finder's data (meta.json, terms/), words: [...], texts: [...], queries: [...]} and prints what
// lunr.js with lunr.fi and finder.js make of them: the pipeline of every word, the tokens of
// every text, and the refs of every query on the whole index and on the shards it needs, through
// lunr.Index.query and through finder.js's own scoring of the shards (searchShards).
'use strict';
const fs = require('fs');

const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const lunr = require(job.lunr['lunr.js']);
require(job.lunr['lunr.stemmer.support.js'])(lunr);
require(job.lunr['lunr.fi.js'])(lunr);
global.lunr = lunr;
const finder = require(job.finder);
const {loadIndex} = require('./shards.js');

function pipeline(word) {
  // lunr-languages' functions one by one, then what finder.js makes of the word as a query.
  let token = lunr.fi.trimmer(new lunr.Token(word));
  const trimmed = token.toString();
  const query = finder.stemsOf(word);
  token = lunr.fi.stopWordFilter(token);
  if (token === undefined) return {trimmed, stop: true, stem: null, query};
  return {trimmed, stop: false, stem: lunr.fi.stemmer(token).toString(), query};
}

// The whole index, and the same through lunr's own serialization round trip.
const {meta, shards, whole, reloaded} = loadIndex(job.data, finder, lunr);

const queries = job.queries.map((query) => {
  const stems = finder.stemsOf(query);
  const needed = finder.shardsFor(meta, stems);
  const partial = finder.mergeShards(meta, needed.map((p) => shards[p]));
  return {
    query,
    stems,
    shards: needed,
    whole: finder.search(whole, stems),
    reloaded: finder.search(reloaded, stems),
    partial: finder.search(partial, stems),
    // What the browser runs: lunr's scoring straight from the shards, without lunr.Index.
    direct: finder.searchShards(meta, needed.map((p) => shards[p]), stems),
  };
});

process.stdout.write(JSON.stringify({
  words: job.words.map(pipeline),
  texts: job.texts.map((text) => lunr.tokenizer(text).map(String)),
  queries,
}));
