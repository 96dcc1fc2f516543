// Shared by tests/js/equivalence.js and tests/js/languages.js: one language's finder data read
// from disk as the browser reads it (meta.json, then every shard), merged by finder.js.
'use strict';
const fs = require('fs');
const path = require('path');

/** {meta, shards: prefix → shard, whole: the merged lunr.Index, reloaded: the same index after
 *  lunr's own serialization round trip}. */
function loadIndex(data, finder, lunr) {
  const meta = JSON.parse(fs.readFileSync(path.join(data, 'meta.json'), 'utf8'));
  const shards = {};
  for (const prefix of meta.shards) {
    const file = path.join(data, 'terms', finder.shardFile(prefix) + '.json');
    shards[prefix] = JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  const whole = finder.mergeShards(meta, Object.values(shards));
  const reloaded = lunr.Index.load(JSON.parse(JSON.stringify(whole.toJSON())));
  return {meta, shards, whole, reloaded};
}

module.exports = {loadIndex};
