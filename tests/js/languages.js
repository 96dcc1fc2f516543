// The browser side of tests/site/test_search_languages.py, run with Node.
//
// Reads a JSON job on stdin:
//   {lunr: {"lunr.js": path, ...}, finder: path,
//    words: {sv: [...], en: [...]},
//    indexes: [{name, data: folder of one language's finder data, queries: [...]}]}
// and prints what lunr.js (with lunr.fi and lunr.sv) and finder.js make of them:
// - words: per language, every word through lunr's own functions one by one (the trimmer, the
//   stop-word filter, the stemmer) and through finder.js's stemsOf;
// - indexes: per query, each pass's stems, the shards they need, and the ordinals found through
//   lunr.Index.query (the whole index, the same after a serialization round trip, only the
//   shards the query needs) and through finder.js's own scoring of the shards (searchPasses).
'use strict';
const fs = require('fs');

const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const lunr = require(job.lunr['lunr.js']);
require(job.lunr['lunr.stemmer.support.js'])(lunr);
require(job.lunr['lunr.fi.js'])(lunr);
require(job.lunr['lunr.sv.js'])(lunr);
global.lunr = lunr;
const finder = require(job.finder);
const {loadIndex} = require('./shards.js');

const FUNCTIONS = {
  sv: {trimmer: lunr.sv.trimmer, stopWordFilter: lunr.sv.stopWordFilter, stemmer: lunr.sv.stemmer},
  en: {trimmer: lunr.trimmer, stopWordFilter: lunr.stopWordFilter, stemmer: lunr.stemmer},
};

function pipeline(language, word) {
  const f = FUNCTIONS[language];
  let token = f.trimmer(new lunr.Token(word));
  const trimmed = token.toString();
  const query = finder.stemsOf(word, lunr, language);
  // The stemmer on the trimmed word whatever the stop-word filter says, so every word's stem
  // is compared.
  const stem = f.stemmer(new lunr.Token(trimmed)).toString();
  token = f.stopWordFilter(token);
  return {trimmed, stop: token === undefined, stem, query};
}

/** The passes through lunr.Index.query: a later pass's new documents follow, as in finder.js. */
function lunrPasses(index, passes) {
  if (!passes.length || !passes[0].stems.length) return [];
  const seen = new Set();
  const out = [];
  for (const pass of passes) {
    if (!pass.stems.length) continue;
    for (const ordinal of finder.search(index, pass.stems, lunr, pass.fields)) {
      if (!seen.has(ordinal) && !(pass.except && pass.except.has(ordinal))) {
        seen.add(ordinal);
        out.push(ordinal);
      }
    }
  }
  return out;
}

function searchIndex(spec) {
  const {meta, shards, whole, reloaded} = loadIndex(spec.data, finder, lunr);
  return spec.queries.map((query) => {
    const passes = finder.queryPasses(meta, query, lunr);
    const needed = finder.shardsForPasses(meta, passes);
    const some = needed.map((p) => shards[p]);
    return {
      query,
      passes: passes.map((p) => ({
        language: p.language,
        fields: p.fields,
        except: p.except ? Array.from(p.except).sort((a, b) => a - b) : [],
        stems: p.stems,
      })),
      shards: needed,
      whole: lunrPasses(whole, passes),
      reloaded: lunrPasses(reloaded, passes),
      partial: lunrPasses(finder.mergeShards(meta, some), passes),
      direct: finder.searchPasses(meta, some, passes, lunr),
    };
  });
}

const words = {};
for (const [language, list] of Object.entries(job.words || {})) {
  words[language] = list.map((word) => pipeline(language, word));
}

process.stdout.write(JSON.stringify({
  words,
  indexes: (job.indexes || []).map((spec) => ({name: spec.name, queries: searchIndex(spec)})),
  messages: Object.fromEntries(
    ['fi', 'sv', 'en'].map((lang) => [lang, [
      finder.statusText('kunta', 1, false, lang),
      finder.statusText('kunta', 12, false, lang),
      finder.statusText('', 3, true, lang),
      finder.statusText('xyz', 0, false, lang),
      finder.statusText('xyz', 0, true, lang),
      finder.statusText('', 0, true, lang),
    ]])
  ),
  defaults: {
    passes: finder.passesOf({index: {fields: ['title']}}).map((p) => ({...p, except: p.except})),
    textLanguage: [
      finder.textLanguage([0, 'a', 't', 's', '2017'], 'sv'),
      finder.textLanguage([0, 'a', 't', 's', '2017', 'fi'], 'sv'),
      finder.textLanguage([0, 'a', 't', 's', '2017', 'fi'], 'fi'),
      finder.textLanguage([0, 'a', 't', 's', '2017', '"><b>'], 'en'),
    ],
    // A title translated without its summary: [.., page language, the summary's language].
    summaryLanguage: [
      finder.summaryLanguage([0, 'a', 't', 's', '2017'], 'sv'),
      finder.summaryLanguage([0, 'a', 't', 's', '2017', 'fi'], 'sv'),
      finder.summaryLanguage([0, 'a', 't', 's', '2017', 'en', 'fi'], 'en'),
      finder.summaryLanguage([0, 'a', 't', 's', '2017', 'fi', 'sv'], 'sv'),
      finder.summaryLanguage([0, 'a', 't', 's', '2017', 'en', '"><b>'], 'en'),
    ],
  },
}));
