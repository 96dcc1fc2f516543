/*
 * A query that finds nothing as typed: ä, ö and å typed as a and o, a typo or two, or words
 * that no entry has all of. findOrdinals is what the browser runs for a query.
 */

/** ä → a, ö → o, å → a (one code unit each: a folded string keeps its length). */
var FOLDS = {'ä': 'a', 'ö': 'o', 'å': 'a'};
var FOLDABLE = /[äöå]/g;

function fold(s) {
  return String(s).replace(FOLDABLE, function (c) { return FOLDS[c]; });
}

/** The typos a word may have: 1, or 2 in a word of 8 letters or more. */
function typosAllowed(word) {
  return Array.from(word).length >= 8 ? 2 : 1;
}

/**
 * The edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours)
 * between `a` and the prefix of `b` nearest to it: [distance, prefix length]: the smallest
 * distance and, among equals, the whole of `b`, else the length closest to a's. [limit + 1, 0] when none is within `limit`.
 */
function prefixDistance(a, b, limit) {
  var n = a.length;
  var m = Math.min(b.length, n + limit);
  var rows = [];
  for (var i = 0; i <= n; i++) {
    rows.push(new Array(m + 1));
    rows[i][0] = i;
  }
  for (var j = 0; j <= m; j++) rows[0][j] = j;
  for (i = 1; i <= n; i++) {
    var lowest = rows[i][0];
    for (j = 1; j <= m; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      if (d < lowest) lowest = d;
    }
    if (lowest > limit) return [limit + 1, 0];
  }
  var best = [limit + 1, 0];
  for (j = Math.max(1, n - limit); j <= m; j++) {
    var dist = rows[n][j];
    if (dist < best[0] || (dist === best[0] && Math.abs(j - n) < Math.abs(best[1] - n))) best = [dist, j];
  }
  // The whole of b before a shorter prefix of it as near.
  if (m === b.length && rows[n][m] <= best[0]) return [rows[n][m], m];
  return best;
}

/** Finnish vowel harmony: whether the last a/o/u/ä/ö/y of `stem` is a front vowel. */
function frontVowels(stem) {
  var last = String(stem).match(/[aouäöy](?=[^aouäöy]*$)/);
  return !!last && 'äöy'.indexOf(last[0]) >= 0;
}

var TO_FRONT = {a: 'ä', o: 'ö', u: 'y'};
var TO_BACK = {'ä': 'a', 'ö': 'o', 'y': 'u'};

/** `word` with its stem replaced by `corrected`, its ending in the corrected stem's vowel harmony. */
function correctedWord(word, stem, corrected) {
  if (!word.startsWith(stem)) return corrected;
  var table = frontVowels(corrected) ? TO_FRONT : TO_BACK;
  return corrected + word.slice(stem.length).replace(/[aouäöy]/g, function (c) { return table[c] || c; });
}

/** The shards (their meta.shards prefixes) that may hold a term starting as `stem` does, folded. */
function vocabularyShards(meta, stem) {
  var start = fold(stem.slice(0, 2));
  var folded = fold(stem);
  return (meta.shards || []).filter(function (p) {
    var f = fold(p);
    return f.startsWith(start) || (p.length >= 2 && folded.startsWith(f));
  });
}

/** How many postings a term has (its documents, counted once per field). */
function postings(entry) {
  var n = 0;
  Object.keys(entry || {}).forEach(function (field) { n += (entry[field].length >> 1); });
  return n;
}

/**
 * The corrected stem for `stem` from the terms of some shards: the prefix of a term at the
 * smallest folded edit distance (0: only ä, ö or å differ), then (compareCandidates) a base
 * form, then the one the most postings start with, then the first in order; null when none is
 * within the word's typos.
 */
function nearestStem(stem, word, shards) {
  var limit = typosAllowed(word);
  var folded = fold(stem);
  var found = new Map();
  shards.forEach(function (shard) {
    (shard && shard.terms || []).forEach(function (pair) {
      var result = prefixDistance(folded, fold(pair[0]), limit);
      if (result[0] > limit) return;
      var candidate = pair[0].slice(0, result[1]);
      if (candidate === stem) return;
      var known = found.get(candidate) || {stem: candidate, distance: result[0], whole: 0, base: 0, postings: 0};
      if (candidate === pair[0]) known.whole = 1;
      known.distance = Math.min(known.distance, result[0]);
      known.postings += postings(pair[1]);
      if (candidate === pair[0] && pair[1] && pair[1][BASE_FORMS]) known.base = 1;
      found.set(candidate, known);
    });
  });
  var best = null;
  found.forEach(function (value) {
    if (!best || compareCandidates(value, best) < 0) best = value;
  });
  return best;
}

/** The field of base forms and compound parts (generator/search/index.py FINNISH_FIELD). */
var BASE_FORMS = 'fi';

/**
 * Nearer first; then a whole term (its word's stem, not a piece of one); then one of the base
 * forms' field (it reads as a word); then more postings.
 */
function compareCandidates(a, b) {
  return (a.distance - b.distance) || (b.whole - a.whole) || (b.base - a.base) || (b.postings - a.postings) ||
    (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0);
}

function loadShards(meta, prefixes, fetchShard) {
  return Promise.all(prefixes.map(function (p) { return fetchShard(p); }));
}

/** The ordinals a query finds with all its passes: [] when it has no stems. */
async function searchText(meta, query, fetchShard, lunrLib) {
  var passes = queryPasses(meta, query, lunrLib);
  if (!passes.length || !passes[0].stems.length) return [];
  var shards = await loadShards(meta, shardsForPasses(meta, passes), fetchShard);
  return searchPasses(meta, shards, passes, lunrLib);
}

/**
 * A word that finds nothing, corrected: in each of the query's languages, its stem against the
 * terms that start with the same two letters (folded); the nearest correction (the earlier
 * language among equals) that finds something, as {word, ordinals}; null when there is none.
 */
async function correctWord(meta, word, fetchShard, lunrLib) {
  var languages = passLanguages(meta);
  var candidates = [];
  for (var i = 0; i < languages.length; i++) {
    var stem = stemsOf(word, lunrLib, languages[i])[0];
    if (!stem || Array.from(stem).length < 3) continue;
    var shards = await loadShards(meta, vocabularyShards(meta, stem), fetchShard);
    var nearest = nearestStem(stem, word, shards);
    if (nearest) candidates.push({word: correctedWord(word, stem, nearest.stem), distance: nearest.distance, order: i});
  }
  candidates.sort(function (a, b) { return (a.distance - b.distance) || (a.order - b.order); });
  for (var k = 0; k < candidates.length; k++) {
    var ordinals = await searchText(meta, candidates[k].word, fetchShard, lunrLib);
    if (ordinals.length) return {word: candidates[k].word, ordinals: ordinals};
  }
  return null;
}

/** The query's words that have a stem in some pass, each once, in order (lower case). */
function queryWords(meta, query, lunrLib) {
  var L = getLunr(lunrLib);
  var words = [];
  L.tokenizer(query == null ? '' : String(query)).forEach(function (token) {
    var word = token.toString();
    if (words.indexOf(word) >= 0) return;
    var stems = passLanguages(meta).some(function (lang) { return stemsOf(word, L, lang).length > 0; });
    if (stems) words.push(word);
  });
  return words;
}

/**
 * The documents that match the most words: by the number of words they match, then by the
 * sum of those words' rarity (log(1 + documents / documents with the word)), then by their best
 * rank in a word's own results, then by number.
 */
function rankPartial(meta, lists) {
  var score = new Map();
  lists.forEach(function (list) {
    var weight = Math.log(1 + meta.count / Math.max(1, list.length));
    list.forEach(function (ordinal, rank) {
      var s = score.get(ordinal) || {words: 0, weight: 0, rank: Infinity};
      s.words += 1;
      s.weight += weight;
      s.rank = Math.min(s.rank, rank);
      score.set(ordinal, s);
    });
  });
  return Array.from(score.keys()).sort(function (a, b) {
    var x = score.get(a);
    var y = score.get(b);
    return (y.words - x.words) || (y.weight - x.weight) || (x.rank - y.rank) || (a - b);
  });
}

/**
 * What a query finds, as the browser shows it: {ordinals, corrected, partial}.
 *
 * - ordinals null: no words (browse);
 * - every word together, as typed (searchPasses): those, corrected null, partial false;
 * - else each word that finds nothing is corrected (correctWord: ä/ö/å folded, typos); if the
 *   corrected words together find something, those, with `corrected` the corrected query;
 * - else the documents that match most of the words (rankPartial), partial true ([] only when
 *   no word finds anything).
 *
 * `fetchShard(prefix)` gives a promise of a shard (terms/<file>.json parsed).
 */
async function findOrdinals(meta, query, fetchShard, lunrLib) {
  var L = getLunr(lunrLib);
  var passes = queryPasses(meta, query, L);
  if (!passes.length || !passes[0].stems.length) return {ordinals: null, corrected: null, partial: false};
  var exact = await searchText(meta, query, fetchShard, L);
  if (exact.length) return {ordinals: exact, corrected: null, partial: false};
  var words = queryWords(meta, query, L);
  var used = [];
  var lists = [];
  var changed = false;
  for (var i = 0; i < words.length; i++) {
    var found = await searchText(meta, words[i], fetchShard, L);
    var word = words[i];
    if (!found.length) {
      var correction = await correctWord(meta, words[i], fetchShard, L);
      if (correction) {
        word = correction.word;
        found = correction.ordinals;
        changed = true;
      }
    }
    used.push(word);
    lists.push(found);
  }
  var corrected = changed ? used.join(' ') : null;
  if (corrected) {
    var together = await searchText(meta, corrected, fetchShard, L);
    if (together.length) return {ordinals: together, corrected: corrected, partial: false};
  }
  var matching = lists.filter(function (list) { return list.length > 0; });
  if (matching.length < 2 && words.length < 2) return {ordinals: matching[0] || [], corrected: corrected, partial: false};
  return {ordinals: rankPartial(meta, matching), corrected: corrected, partial: matching.length > 0};
}
