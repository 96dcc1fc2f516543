/*
 * The index shards: their file names, which ones a query needs, and a lunr.Index merged
 * from them with lunr.js's own query (the reference).
 */

/**
 * File name (without ".json") of the shard with this prefix: each character kept when it is
 * [a-z0-9], otherwise written as "_" + lowercase hex code point + "_" ("äi" → "_e4_i").
 */
function shardFile(prefix) {
  var chars = Array.from(String(prefix));
  var out = '';
  for (var i = 0; i < chars.length; i++) {
    var c = chars[i];
    out += /^[a-z0-9]$/.test(c) ? c : '_' + c.codePointAt(0).toString(16) + '_';
  }
  return out;
}

/**
 * The shard prefixes (from meta.shards) these stems need, in meta.shards order: for a stem s,
 * the shard that would hold s itself (its longest prefix p, s.startsWith(p)) and, when s has
 * at least two code points (trailing wildcard), every p with p.startsWith(s) (s's longer
 * terms). generator/search/lunr.py needed_shards is the same rule.
 */
function shardsFor(meta, stems) {
  var prefixes = meta.shards || [];
  var needed = new Set();
  stems.forEach(function (s) {
    var own = null;
    var wildcard = Array.from(s).length >= 2;
    prefixes.forEach(function (p) {
      if (s.startsWith(p) && (own === null || p.length > own.length)) own = p;
      if (wildcard && p.startsWith(s)) needed.add(p);
    });
    if (own !== null) needed.add(own);
  });
  return prefixes.filter(function (p) {
    return needed.has(p);
  });
}

function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A lunr.Index over the given shards (an array of parsed terms/<file>.json objects
 * {start, terms: [[term, {field: [doc, score, …]}], …]}, or an object whose values are such
 * shards), as generator/search/lunr.py merge_shards builds it: shards by start, term number
 * start + i, a posting for every field of meta.index, field vectors by fieldRef in insertion
 * order (so already sorted by term number).
 */
function mergeShards(meta, shards, lunrLib) {
  var L = getLunr(lunrLib);
  var list = Array.isArray(shards) ? shards : Object.keys(shards || {}).map(function (k) {
    return shards[k];
  });
  var unique = [];
  list.forEach(function (shard) {
    if (shard && unique.indexOf(shard) < 0) unique.push(shard);
  });
  unique.sort(function (a, b) {
    return a.start - b.start;
  });
  var fields = meta.index.fields;
  var inverted = [];
  var vectors = new Map();
  unique.forEach(function (shard) {
    var terms = shard.terms || [];
    for (var offset = 0; offset < terms.length; offset++) {
      var n = shard.start + offset;
      var term = terms[offset][0];
      var entry = terms[offset][1] || {};
      var posting = {};
      for (var f = 0; f < fields.length; f++) posting[fields[f]] = {};
      var names = Object.keys(entry);
      for (var k = 0; k < names.length; k++) {
        var field = names[k];
        var flat = entry[field];
        var target = posting[field] || (posting[field] = {});
        for (var e = 0; e + 1 < flat.length; e += 2) {
          var doc = String(flat[e]);
          target[doc] = {};
          var ref = field + '/' + doc;
          var elements = vectors.get(ref);
          if (!elements) {
            elements = [];
            vectors.set(ref, elements);
          }
          elements.push(n, flat[e + 1]);
        }
      }
      posting._index = n;
      inverted.push([term, posting]);
    }
  });
  // lunr's TokenSet.Builder needs JS string order; Python's code point order differs only for
  // characters outside the BMP, so this sort almost never runs.
  for (var i = 1; i < inverted.length; i++) {
    if (inverted[i - 1][0] > inverted[i][0]) {
      inverted.sort(function (a, b) {
        return compareStrings(a[0], b[0]);
      });
      break;
    }
  }
  var fieldVectors = [];
  vectors.forEach(function (elements, ref) {
    fieldVectors.push([ref, elements]);
  });
  return L.Index.load({
    version: meta.index.version,
    fields: fields,
    fieldVectors: fieldVectors,
    invertedIndex: inverted,
    pipeline: meta.index.pipeline
  });
}

var EXACT_BOOST = 10;

/**
 * lunr.js's own answer (the reference; the browser runs searchShards, which gives the same):
 * ordinals matching the stems, in lunr's order (score descending). Every stem is REQUIRED
 * (with a trailing wildcard when it has at least two code points) and also an optional
 * exact term with boost 10; no pipeline at query time (the stems are already stemmed).
 * No stems → [] (browsing is `browse(meta)`).
 */
function search(index, stems, lunrLib, fields) {
  var L = getLunr(lunrLib);
  if (!stems || stems.length === 0) return [];
  var restrict = fields && fields.length ? {fields: fields.slice()} : {};
  var results = index.query(function (q) {
    stems.forEach(function (s) {
      q.term(s, Object.assign({
        presence: L.Query.presence.REQUIRED,
        usePipeline: false,
        wildcard: Array.from(s).length >= 2 ? L.Query.wildcard.TRAILING : L.Query.wildcard.NONE
      }, restrict));
      q.term(s, Object.assign({boost: EXACT_BOOST, usePipeline: false}, restrict));
    });
  });
  return results.map(function (r) {
    return Number(r.ref);
  });
}
