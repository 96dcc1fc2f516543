/*
 * searchShards: lunr's answer computed straight from the shards, as fast as the browser needs.
 */

/**
 * Sorts terms into the order in which lunr 2.3.9 lists the expansion of a wildcard clause
 * (`this.tokenSet.intersect(TokenSet.fromString("stem*")).toArray()`); that order decides
 * ties and the order in which a document's field scores are added. toArray walks the trie
 * depth first from a stack: a term comes before its extensions, and sibling branches come in
 * the REVERSE order of Object.keys of a node's edges. Those keys were inserted in ascending
 * UTF-16 order (TokenSet.Builder takes sorted words), except that Object.keys lists
 * integer-like keys ("0"-"9") first.
 */
function edgeRank(code) {
  return code >= 48 && code <= 57 ? code - 48 : 10 + code;
}

function lunrExpansionOrder(a, b) {
  var n = Math.min(a.length, b.length);
  for (var i = 0; i < n; i++) {
    var ca = a.charCodeAt(i);
    var cb = b.charCodeAt(i);
    if (ca !== cb) return edgeRank(cb) - edgeRank(ca);
  }
  return a.length - b.length;
}

/** A field's doc numbers in ascending order (the order of lunr's Object.keys of a posting). */
function ascendingDocs(flat) {
  var docs = new Array(flat.length >> 1);
  var sorted = true;
  for (var i = 0, j = 0; i + 1 < flat.length; i += 2, j++) {
    docs[j] = flat[i];
    if (j > 0 && docs[j] <= docs[j - 1]) sorted = false;
  }
  if (!sorted) {
    docs = Array.from(new Set(docs)).sort(function (a, b) {
      return a - b;
    });
  }
  return docs;
}

/**
 * What `search(mergeShards(meta, shards), stems)` returns, computed straight from the shards:
 * the same documents in the same order, with the same floating-point scores, but without
 * building a lunr.Index or lunr's per-match objects (lunr's query unions sets once per
 * expanded term and field, which takes seconds for a common word at 10,000 documents).
 *
 * It follows lunr 2.3.9's Index.prototype.query step by step: per stem a REQUIRED clause
 * (`stem*`, or `stem` for one code point) and an optional exact clause with boost 10; query
 * vector value of a term = sum of the boosts of the clauses that expanded to it; field score
 * = (query · field vector, summed in term-number order) / |query|; a document's score = its
 * field scores added in the order lunr first met each field match (clauses, then expanded
 * terms in TokenSet order, then fields, then ascending documents); then a stable sort by
 * score, highest first. A stem with "*" in it falls back to lunr itself.
 *
 * With `only` (field names), every clause searches those fields only (lunr's clause.fields):
 * the other fields neither match nor score.
 */
function searchShards(meta, shards, stems, lunrLib, only) {
  var L = getLunr(lunrLib);
  if (!stems || stems.length === 0) return [];
  for (var w = 0; w < stems.length; w++) {
    if (stems[w].indexOf('*') >= 0) return search(mergeShards(meta, shards, L), stems, L, only);
  }
  var list = Array.isArray(shards) ? shards : Object.keys(shards || {}).map(function (k) {
    return shards[k];
  });
  var terms = new Map();
  list.forEach(function (shard) {
    if (!shard) return;
    var entries = shard.terms || [];
    for (var i = 0; i < entries.length; i++) terms.set(entries[i][0], [shard.start + i, entries[i][1] || {}]);
  });
  var names = Array.from(terms.keys());
  var fields = only && only.length ? only.filter(function (f) {
    return meta.index.fields.indexOf(f) >= 0;
  }) : meta.index.fields;
  var F = fields.length;
  var count = meta.count;

  // The clauses lunr builds, with their expanded terms; the query vector (term number → value).
  var clauses = [];
  var query = new Map();
  var add = function (term, boost) {
    var n = terms.get(term)[0];
    query.set(n, (query.get(n) || 0) + boost);
  };
  for (var k = 0; k < stems.length; k++) {
    var stem = stems[k];
    var expanded;
    if (Array.from(stem).length >= 2) {
      expanded = names.filter(function (t) {
        return t.startsWith(stem);
      }).sort(lunrExpansionOrder);
    } else {
      expanded = terms.has(stem) ? [stem] : [];
    }
    if (!expanded.length) return []; // a required term that is not in the index
    var exact = terms.has(stem) ? [stem] : [];
    expanded.forEach(function (t) {
      add(t, 1);
    });
    exact.forEach(function (t) {
      add(t, EXACT_BOOST);
    });
    clauses.push({terms: expanded, required: true}, {terms: exact, required: false});
  }

  // Field matches in the order lunr first meets them; documents that meet every required clause.
  var seen = new Uint8Array(count * F);
  var order = [];
  var passed = new Int32Array(count).fill(-1);
  var requiredSoFar = 0;
  clauses.forEach(function (clause) {
    clause.terms.forEach(function (term) {
      var entry = terms.get(term)[1];
      for (var f = 0; f < F; f++) {
        var flat = entry[fields[f]];
        if (!flat || !flat.length) continue;
        var docs = ascendingDocs(flat);
        for (var i = 0; i < docs.length; i++) {
          var d = docs[i];
          if (d < 0 || d >= count) continue;
          if (clause.required && passed[d] === requiredSoFar - 1) passed[d] = requiredSoFar;
          var ref = d * F + f;
          if (!seen[ref]) {
            seen[ref] = 1;
            order.push(ref);
          }
        }
      }
    });
    if (clause.required) requiredSoFar++;
  });

  // Dot products, term by term in ascending term number (lunr.Vector.dot's order).
  var numbers = Array.from(query.keys()).sort(function (a, b) {
    return a - b;
  });
  var byNumber = new Map();
  terms.forEach(function (value) {
    byNumber.set(value[0], value[1]);
  });
  var sumOfSquares = 0;
  var dots = new Float64Array(count * F);
  for (var q = 0; q < numbers.length; q++) {
    var value = query.get(numbers[q]);
    sumOfSquares += value * value;
    var posting = byNumber.get(numbers[q]);
    for (var g = 0; g < F; g++) {
      var pairs = posting[fields[g]];
      if (!pairs) continue;
      for (var e = 0; e + 1 < pairs.length; e += 2) {
        var doc = pairs[e];
        if (doc >= 0 && doc < count) dots[doc * F + g] += value * pairs[e + 1];
      }
    }
  }
  var magnitude = Math.sqrt(sumOfSquares);

  var results = [];
  var scores = new Float64Array(count);
  var found = new Uint8Array(count);
  var last = requiredSoFar - 1;
  for (var r = 0; r < order.length; r++) {
    var fieldRef = order[r];
    var docNumber = Math.floor(fieldRef / F);
    if (passed[docNumber] !== last) continue;
    var score = dots[fieldRef] / magnitude || 0;
    if (found[docNumber]) {
      scores[docNumber] += score;
    } else {
      found[docNumber] = 1;
      scores[docNumber] = score;
      results.push(docNumber);
    }
  }
  return results.sort(function (a, b) {
    return scores[b] - scores[a];
  });
}
