/*!
 * Kokeilukatalogi: the finder at /haku/, /sv/haku/ and /en/haku/ (issues 4 and 9).
 *
 * Loaded on every page (mkdocs extra_javascript). On a page without #kk-finder it does nothing
 * and loads nothing, except that the header search form still submits to the finder as a plain
 * GET form. On a finder page it loads its language's meta.json (haku/data/, sv/haku/data/ or
 * en/haku/data/ under the site root), then lunr.js + the lunr-languages files the language needs
 * (lazily, as script elements) and the index shards a query needs, and renders results and facet
 * counts.
 *
 * The page says its language with data-lang on #kk-finder ("fi" when it is missing) and the site
 * root with data-root. The language chooses the data folder, the result links' prefix
 * ("", "sv/", "en/") and the messages. meta.json chooses the query's pipelines: its "passes"
 * (Swedish and English: the page language's stems on the page's fields, then two Finnish
 * passes, generator/search/index.py SearchData.passes); a Finnish meta.json has none, which means one
 * Finnish pass over every field.
 *
 * Data contract: the docstrings of generator/search/index.py (the files) and generator/search/lunr.py
 * (shards, which shards a stem needs, merging, the query).
 *
 * Two parts:
 * - a pure core (no DOM): shardFile, reduceGradation, stemsOf, shardsFor, mergeShards + search
 *   (lunr.js's own query, the reference), searchShards (the same answer straight from the
 *   shards, fast enough for 10,000 documents: what the browser runs), passes (queryPasses,
 *   searchPasses), facet filtering and counting, result display helpers, URL state, messages.
 *   Exported for Node (`module.exports`) once `lunr` (with lunr.fi and lunr.sv) is a global.
 * - the browser part: runs only in a browser, never in Node. Contract with pages and tests:
 *   #kk-finder gets data-state="loading" | "ready" | "error"; after every render it receives
 *   `kk-finder:rendered` (detail {query, count, shown, ms}), after a failure `kk-finder:error`.
 *
 * Plain ES2017, no build step. Contributor text is only ever set with textContent.
 */
(function () {
  'use strict';

  /* ------------------------------------------------------------------------------------------
   * Core (pure: no DOM, no network)
   * ---------------------------------------------------------------------------------------- */

  /** URL query parameters of the facets, in the spec's display order (used before meta.json). */
  var FACET_PARAMS = ['laji', 'teema', 'alue', 'taso', 'tila', 'arviointi', 'tulos', 'vuosi'];

  /** The site's languages: the URL prefix of each (the primary language has none). */
  var LANGUAGES = ['fi', 'sv', 'en'];
  var PRIMARY = 'fi';

  function languageOf(value) {
    return LANGUAGES.indexOf(value) >= 0 ? value : PRIMARY;
  }

  function prefixOf(lang) {
    return lang === PRIMARY ? '' : lang + '/';
  }

  /**
   * lunr (the given library or the global), checked to have the lunr-languages file of
   * `language` when one is named that needs one (English is built into lunr.js).
   */
  function getLunr(lib, language) {
    var l = lib || (typeof lunr !== 'undefined' ? lunr : undefined); // eslint-disable-line no-undef
    if (!l || !l.tokenizer) throw new Error('lunr is not loaded');
    if (language && language !== 'en' && !(l[language] && l[language].stemmer)) {
      throw new Error('lunr with lunr.' + language + ' (lunr-languages) is not loaded');
    }
    return l;
  }

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

  var CONSONANTS = 'bcdfghjklmnpqrstvwxzšž';

  /**
   * The step that follows the Snowball stemmer, in the index (generator/search/finnish.py
   * "stemmer-kk") and here: a stem of at least 4 characters that ends in two different
   * consonants loses the last one ("kunt" → "kun", "kaupung" → "kaupun"), so that the forms of
   * a word with consonant gradation meet.
   */
  var plainWord = new WeakMap();

  /** Whether every character of s is one of lunr.<lang>'s word characters (lunr-languages). */
  function isPlain(L, s, lang) {
    var patterns = plainWord.get(L);
    if (!patterns) {
      patterns = {};
      plainWord.set(L, patterns);
    }
    var code = lang || PRIMARY;
    if (!patterns[code]) patterns[code] = new RegExp('^[' + L[code].wordCharacters + ']+$');
    return patterns[code].test(s);
  }

  /** English: every token but one with a character outside the BMP (generator/search/english.py). */
  var ASTRAL = /[\uD800-\uDFFF]/;

  /**
   * Each language's pipeline, as generator/search/pipelines.py has it: trimmer, stop-word filter,
   * stemmer, which tokens the stemmer sees, and what follows the stemmer.
   */
  var PIPELINES = {
    fi: {
      trimmer: function (L) { return L.fi.trimmer; },
      stopWordFilter: function (L) { return L.fi.stopWordFilter; },
      stemmer: function (L) { return L.fi.stemmer; },
      plain: function (L, s) { return isPlain(L, s, 'fi'); },
      after: function (stem) { return reduceGradation(stem); }
    },
    sv: {
      trimmer: function (L) { return L.sv.trimmer; },
      stopWordFilter: function (L) { return L.sv.stopWordFilter; },
      stemmer: function (L) { return L.sv.stemmer; },
      plain: function (L, s) { return isPlain(L, s, 'sv'); },
      after: function (stem) { return stem; }
    },
    en: {
      trimmer: function (L) { return L.trimmer; },
      stopWordFilter: function (L) { return L.stopWordFilter; },
      stemmer: function (L) { return L.stemmer; },
      plain: function (L, s) { return !ASTRAL.test(s); },
      after: function (stem) { return stem; }
    }
  };

  function reduceGradation(stem) {
    var chars = Array.from(stem);
    var n = chars.length;
    if (n >= 4 && CONSONANTS.indexOf(chars[n - 1]) >= 0 && CONSONANTS.indexOf(chars[n - 2]) >= 0 &&
        chars[n - 1] !== chars[n - 2]) {
      return chars.slice(0, n - 1).join('');
    }
    return stem;
  }

  /**
   * The query's stems in a language (default Finnish): lunr.tokenizer, then per token the
   * language's trimmer and stop-word filter (stop words and empty tokens dropped), and for a
   * plain word its stemmer (Finnish: then reduceGradation; other tokens as they are); unique, in
   * first-seen order, empty stems dropped. An empty array means "browse" (no text query).
   */
  function stemsOf(query, lunrLib, language) {
    var lang = language || PRIMARY;
    var L = getLunr(lunrLib, lang);
    var pipeline = PIPELINES[lang];
    if (!pipeline) throw new Error('no pipeline for ' + lang);
    var trimmer = pipeline.trimmer(L);
    var stopWordFilter = pipeline.stopWordFilter(L);
    var stemmer = pipeline.stemmer(L);
    var tokens = L.tokenizer(query == null ? '' : String(query));
    var seen = new Set();
    var stems = [];
    for (var i = 0; i < tokens.length; i++) {
      var token = trimmer(tokens[i]);
      if (!token || token.toString() === '') continue;
      token = stopWordFilter(token);
      if (!token || token.toString() === '') continue;
      // Our stemming step (generator/search/pipelines.py): only a plain word is stemmed; a token with
      // other characters inside (an address, markup) is searched as it is.
      var text = token.toString();
      var stem = pipeline.plain(L, text) ? stemmer(token) : null;
      var s = stem == null ? text : pipeline.after(stem.toString());
      if (s === '' || seen.has(s)) continue;
      seen.add(s);
      stems.push(s);
    }
    return stems;
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

  /**
   * The passes of a query on an index, from its meta.json: [{language, fields, except}], fields
   * null meaning every field, except the ordinals the pass leaves out (null: none). A meta.json
   * without "passes" (the Finnish one) has one pass: its "language" (Finnish when absent) over
   * every field. Passes of unknown languages are dropped. (generator/search/index.py SearchData.passes
   * says why the Swedish and English ones have three.)
   */
  var compiledPasses = typeof WeakMap === 'function' ? new WeakMap() : null;

  function passesOf(meta) {
    var known = meta && typeof meta === 'object' && compiledPasses ? compiledPasses.get(meta) : null;
    if (known) return known;
    var passes = readPasses(meta);
    if (meta && typeof meta === 'object' && compiledPasses) compiledPasses.set(meta, passes);
    return passes;
  }

  function readPasses(meta) {
    var given = meta && Array.isArray(meta.passes) ? meta.passes.filter(function (pass) {
      return pass && Object.prototype.hasOwnProperty.call(PIPELINES, pass.language);
    }) : [];
    if (!given.length) return [{language: languageOf(meta && meta.language), fields: null, except: null}];
    return given.map(function (pass) {
      return {
        language: pass.language,
        fields: Array.isArray(pass.fields) ? pass.fields.map(String) : null,
        except: Array.isArray(pass.except) && pass.except.length ? new Set(pass.except) : null
      };
    });
  }

  /** The languages whose lunr-languages files a meta.json's passes need. */
  function passLanguages(meta) {
    var out = [];
    passesOf(meta).forEach(function (pass) {
      if (out.indexOf(pass.language) < 0) out.push(pass.language);
    });
    return out;
  }

  /** A query's passes with their stems: [{language, fields, except, stems}]. */
  function queryPasses(meta, query, lunrLib) {
    return passesOf(meta).map(function (pass) {
      return {
        language: pass.language,
        fields: pass.fields,
        except: pass.except,
        stems: stemsOf(query, lunrLib, pass.language)
      };
    });
  }

  /** The shard prefixes (meta.shards order) that the stems of all these passes need. */
  function shardsForPasses(meta, passes) {
    var stems = [];
    passes.forEach(function (pass) {
      pass.stems.forEach(function (s) {
        if (stems.indexOf(s) < 0) stems.push(s);
      });
    });
    return shardsFor(meta, stems);
  }

  /**
   * The ordinals a query finds (its passes from queryPasses), in order: the first pass's
   * documents as searchShards ranks them, then each later pass's documents that no earlier pass
   * found and that it does not leave out, in its own order. [] when the first pass has no stems
   * (no text query: browse). generator/search/lunr.py search is the same with lunr.py's
   * Index.query.
   */
  function searchPasses(meta, shards, passes, lunrLib) {
    if (!passes.length || !passes[0].stems.length) return [];
    var seen = new Set();
    var out = [];
    passes.forEach(function (pass) {
      if (!pass.stems.length) return;
      searchShards(meta, shards, pass.stems, lunrLib, pass.fields).forEach(function (ordinal) {
        if (!seen.has(ordinal) && !(pass.except && pass.except.has(ordinal))) {
          seen.add(ordinal);
          out.push(ordinal);
        }
      });
    });
    return out;
  }

  /** Every ordinal in ascending order (newest first): the results of an empty query. */
  function browse(meta) {
    var out = new Array(meta.count);
    for (var i = 0; i < meta.count; i++) out[i] = i;
    return out;
  }

  /**
   * meta.docs compiled once per meta into flat typed arrays (per facet: offsets[ord] ..
   * offsets[ord + 1] index values[]), so that filtering and counting 10,000 documents is a few
   * tight loops. Value indexes outside the facet's values are dropped.
   */
  var compiledFacets = typeof WeakMap === 'function' ? new WeakMap() : null;

  function facetTable(meta) {
    var table = compiledFacets && compiledFacets.get(meta);
    if (table) return table;
    table = meta.facets.map(function (facet) {
      var docs = meta.docs[facet.param] || [];
      var size = facet.values.length;
      var offsets = new Int32Array(meta.count + 1);
      var total = 0;
      for (var ord = 0; ord < meta.count; ord++) total += (docs[ord] || []).length;
      var values = new Int32Array(total);
      var at = 0;
      for (var o = 0; o < meta.count; o++) {
        offsets[o] = at;
        var list = docs[o] || [];
        for (var i = 0; i < list.length; i++) {
          if (list[i] >= 0 && list[i] < size) values[at++] = list[i];
        }
      }
      offsets[meta.count] = at;
      return {param: facet.param, size: size, offsets: offsets, values: values};
    });
    if (compiledFacets) compiledFacets.set(meta, table);
    return table;
  }

  /**
   * Selection → per facet (in meta.facets order) a Uint8Array marking the selected value
   * INDEXES, or null when nothing valid is selected in that facet. `selection` maps a facet
   * param to value ids; unknown params and ids are ignored.
   */
  function selectedIndexes(meta, selection) {
    return meta.facets.map(function (facet) {
      var ids = (selection && selection[facet.param]) || [];
      if (!ids.length) return null;
      var marks = new Uint8Array(facet.values.length);
      var any = false;
      facet.values.forEach(function (value, index) {
        if (ids.indexOf(value.id) >= 0) {
          marks[index] = 1;
          any = true;
        }
      });
      return any ? marks : null;
    });
  }

  function docHasAny(facet, ord, marks) {
    for (var i = facet.offsets[ord], end = facet.offsets[ord + 1]; i < end; i++) {
      if (marks[facet.values[i]]) return true;
    }
    return false;
  }

  /**
   * The ordinals (order kept) that match every facet with a selection: within a facet the
   * selected values are OR'ed, across facets AND'ed. A doc without a value in a facet does not
   * match a selection in it.
   */
  function filterByFacets(meta, ordinals, selection) {
    var table = facetTable(meta);
    var selected = selectedIndexes(meta, selection);
    var active = [];
    table.forEach(function (facet, f) {
      if (selected[f]) active.push([facet, selected[f]]);
    });
    if (!active.length) return ordinals.slice();
    return ordinals.filter(function (ord) {
      if (ord < 0 || ord >= meta.count) return false;
      for (var i = 0; i < active.length; i++) {
        if (!docHasAny(active[i][0], ord, active[i][1])) return false;
      }
      return true;
    });
  }

  /**
   * Disjunctive facet counts: {param: [count per value, in meta order]}. The count of value v
   * of facet F = number of `ordinals` (the query's results before facet filtering) that match
   * every selected facet other than F and have v in F.
   */
  function facetCounts(meta, ordinals, selection) {
    var table = facetTable(meta);
    var selected = selectedIndexes(meta, selection);
    var nFacets = table.length;
    var counts = table.map(function (facet) {
      return new Array(facet.size).fill(0);
    });
    for (var n = 0; n < ordinals.length; n++) {
      var ord = ordinals[n];
      if (ord < 0 || ord >= meta.count) continue;
      var failed = -1;
      var failures = 0;
      for (var f = 0; f < nFacets && failures < 2; f++) {
        if (selected[f] && !docHasAny(table[f], ord, selected[f])) {
          failures++;
          failed = f;
        }
      }
      if (failures > 1) continue;
      for (var g = 0; g < nFacets; g++) {
        if (failures === 1 && g !== failed) continue;
        var facet = table[g];
        var into = counts[g];
        for (var i = facet.offsets[ord], end = facet.offsets[ord + 1]; i < end; i++) into[facet.values[i]]++;
      }
    }
    var out = {};
    table.forEach(function (facet, index) {
      out[facet.param] = counts[index];
    });
    return out;
  }

  /** Labels of a doc's values in one facet (meta order), or [] when the facet is absent. */
  function facetLabels(meta, param, ordinal) {
    for (var i = 0; i < meta.facets.length; i++) {
      var facet = meta.facets[i];
      if (facet.param !== param) continue;
      var values = (meta.docs[param] || [])[ordinal] || [];
      return values.filter(function (v) {
        return facet.values[v] !== undefined;
      }).map(function (v) {
        return facet.values[v].label;
      });
    }
    return [];
  }

  /**
   * The result's meta line: kind label · level · regions · status · years, empty parts omitted.
   * `record` is the doc's [kindIndex, slug, title, summary, years] from docs/<k>.json.
   */
  function metaLine(meta, ordinal, record) {
    var kind = meta.kinds[record[0]];
    var parts = [
      kind ? kind.label : '',
      facetLabels(meta, 'taso', ordinal).join(', '),
      facetLabels(meta, 'alue', ordinal).join(', '),
      facetLabels(meta, 'tila', ordinal).join(', '),
      record[4] || ''
    ];
    return parts.filter(function (part) {
      return part !== '';
    }).join(' · ');
  }

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var KIND_URL = /^(?:[a-z0-9-]+\/)+$/;

  /** Site-root-relative URL of a doc ("kokeilut/perustulokokeilu/"), or null if not safe. */
  function docPath(meta, record) {
    var kind = meta.kinds[record[0]];
    var slug = record[1];
    if (!kind || typeof kind.url !== 'string' || !KIND_URL.test(kind.url)) return null;
    if (typeof slug !== 'string' || !SLUG.test(slug)) return null;
    return kind.url + slug + '/';
  }

  var LANG_CODE = /^[a-z]{2,3}$/;

  /**
   * The language of a record's title and summary when it is not the page's (its 6th element,
   * a language code), else null.
   */
  function textLanguage(record, pageLang) {
    var code = record[5];
    if (typeof code !== 'string' || !LANG_CODE.test(code) || code === languageOf(pageLang)) return null;
    return code;
  }

  /**
   * The language of a record's summary when it is not the page's: its 7th element when the
   * title was translated without the summary, else that of the title (textLanguage).
   */
  function summaryLanguage(record, pageLang) {
    var code = record[6];
    if (typeof code !== 'string' || !LANG_CODE.test(code)) return textLanguage(record, pageLang);
    return code === languageOf(pageLang) ? null : code;
  }

  /** The docs/<k>.json chunk numbers holding these ordinals (unique, ascending). */
  function chunksFor(meta, ordinals) {
    var set = new Set();
    ordinals.forEach(function (ord) {
      set.add(Math.floor(ord / meta.chunk));
    });
    return Array.from(set).sort(function (a, b) {
      return a - b;
    });
  }

  /**
   * URL state from a query string ("?q=…&teema=a&teema=b"): {q, facets: {param: [ids]}}.
   * Repeated parameters are several values; empty and duplicate values are dropped. With meta,
   * only known params and value ids are kept (in the URL's order).
   */
  function parseState(searchString, meta) {
    var params = new URLSearchParams(searchString || '');
    var names = meta ? meta.facets.map(function (f) {
      return f.param;
    }) : FACET_PARAMS;
    var state = {q: params.get('q') || '', facets: {}};
    names.forEach(function (name) {
      var known = null;
      if (meta) {
        var facet = meta.facets.filter(function (f) {
          return f.param === name;
        })[0];
        known = new Set(facet.values.map(function (v) {
          return v.id;
        }));
      }
      var values = [];
      params.getAll(name).forEach(function (value) {
        if (value !== '' && values.indexOf(value) < 0 && (!known || known.has(value))) values.push(value);
      });
      if (values.length) state.facets[name] = values;
    });
    return state;
  }

  /**
   * The canonical query string of a state ("" when empty, else "?q=…&teema=…"): q first when
   * not blank, then the facets in meta order (FACET_PARAMS without meta), each facet's values in
   * meta order (selection order without meta).
   */
  function stateToSearch(state, meta) {
    var params = new URLSearchParams();
    if (state.q && state.q.trim() !== '') params.append('q', state.q);
    var facets = meta ? meta.facets : FACET_PARAMS.map(function (p) {
      return {param: p, values: null};
    });
    facets.forEach(function (facet) {
      var ids = (state.facets && state.facets[facet.param]) || [];
      var ordered = facet.values ? facet.values.map(function (v) {
        return v.id;
      }).filter(function (id) {
        return ids.indexOf(id) >= 0;
      }) : ids;
      ordered.forEach(function (id) {
        params.append(facet.param, id);
      });
    });
    var text = params.toString();
    return text ? '?' + text : '';
  }

  /** True when any facet has a selected value. */
  function hasSelection(state) {
    return Object.keys(state.facets || {}).some(function (k) {
      return state.facets[k].length > 0;
    });
  }

  /**
   * The finder's own words in each language (data-lang chooses): the status line's parts, the
   * loading and error messages. Contributor text (a query) is only ever put in with textContent.
   */
  var MESSAGES = {
    fi: {
      loading: 'Ladataan hakua…',
      error: 'Haku ei latautunut. Tarkista verkkoyhteys ja lataa sivu uudelleen.',
      count: function (n) { return n === 1 ? '1 tulos' : n + ' tulosta'; },
      forQuery: function (q) { return ' haulla ”' + q + '”'; },
      none: function (q) { return 'Ei tuloksia haulla ”' + q + '”. '; },
      tryWord: 'Kokeile toista sanaa.',
      tryWordOrFacets: 'Kokeile toista sanaa tai poista rajauksia.',
      noneSelected: 'Ei tuloksia valituilla rajauksilla. Poista rajauksia.'
    },
    sv: {
      loading: 'Sökningen laddas…',
      error: 'Sökningen kunde inte laddas. Kontrollera nätverksanslutningen och ladda om sidan.',
      count: function (n) { return n === 1 ? '1 träff' : n + ' träffar'; },
      forQuery: function (q) { return ' för ”' + q + '”'; },
      none: function (q) { return 'Inga träffar för ”' + q + '”. '; },
      tryWord: 'Pröva ett annat ord.',
      tryWordOrFacets: 'Pröva ett annat ord eller ta bort några val.',
      noneSelected: 'Inga träffar med de valda avgränsningarna. Ta bort några val.'
    },
    en: {
      loading: 'Loading the search…',
      error: 'The search did not load. Check your network connection and reload the page.',
      count: function (n) { return n === 1 ? '1 result' : n + ' results'; },
      forQuery: function (q) { return ' for “' + q + '”'; },
      none: function (q) { return 'No results for “' + q + '”. '; },
      tryWord: 'Try another word.',
      tryWordOrFacets: 'Try another word or remove some of the choices.',
      noneSelected: 'No results with the chosen options. Remove some of the choices.'
    }
  };

  function messagesOf(lang) {
    return MESSAGES[languageOf(lang)];
  }

  /** The status line for a completed render, in the page's language (Finnish by default). */
  function statusText(query, count, filtered, lang) {
    var m = messagesOf(lang);
    var q = String(query || '').trim();
    if (count === 0) {
      if (q) return m.none(q) + (filtered ? m.tryWordOrFacets : m.tryWord);
      return m.noneSelected;
    }
    var n = m.count(count);
    return q ? n + m.forQuery(q) : n;
  }

  var core = {
    FACET_PARAMS: FACET_PARAMS,
    LANGUAGES: LANGUAGES,
    MESSAGES: MESSAGES,
    languageOf: languageOf,
    prefixOf: prefixOf,
    passesOf: passesOf,
    passLanguages: passLanguages,
    queryPasses: queryPasses,
    shardsForPasses: shardsForPasses,
    searchPasses: searchPasses,
    shardFile: shardFile,
    reduceGradation: reduceGradation,
    stemsOf: stemsOf,
    shardsFor: shardsFor,
    mergeShards: mergeShards,
    search: search,
    searchShards: searchShards,
    lunrExpansionOrder: lunrExpansionOrder,
    browse: browse,
    filterByFacets: filterByFacets,
    facetCounts: facetCounts,
    metaLine: metaLine,
    docPath: docPath,
    textLanguage: textLanguage,
    summaryLanguage: summaryLanguage,
    chunksFor: chunksFor,
    parseState: parseState,
    stateToSearch: stateToSearch,
    hasSelection: hasSelection,
    statusText: statusText
  };

  if (typeof module === 'object' && module && module.exports) {
    module.exports = core;
    return;
  }
  if (typeof window === 'undefined' || typeof document === 'undefined') return;

  /* ------------------------------------------------------------------------------------------
   * Browser part
   * ---------------------------------------------------------------------------------------- */

  var PAGE_SIZE = 10;
  var URL_DELAY = 150;

  /** The site root from this script's own URL (…/assets/haku/finder.js → …/). */
  var scriptRoot = (function () {
    try {
      var script = document.currentScript;
      return script && script.src ? new URL('../../', script.src).href : null;
    } catch (e) {
      return null;
    }
  })();

  window.kkFinderCore = core;

  var now = typeof performance !== 'undefined' && performance.now ? function () {
    return performance.now();
  } : function () {
    return Date.now();
  };

  /* Loading: lunr scripts once per page life, data once per (root, language, version). */

  /**
   * The languages a finder page's query needs before its meta.json says: its own and Finnish
   * (the Swedish and English finders also search Finnish words).
   */
  function pageLanguages(lang) {
    return lang === PRIMARY ? [PRIMARY] : [lang, PRIMARY];
  }

  function languageReady(lang) {
    var L = window.lunr;
    if (typeof L === 'undefined' || !L.Pipeline) return false;
    if (lang === 'en') return true;
    return !!(L[lang] && L[lang].stemmer && L.Pipeline.registeredFunctions['stemmer-' + lang]);
  }

  function lunrReady(languages) {
    return (languages || [PRIMARY]).every(languageReady);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.async = false;
      script.onload = function () {
        resolve();
      };
      script.onerror = function () {
        script.remove();
        reject(new Error('Could not load ' + src));
      };
      document.head.appendChild(script);
    });
  }

  var lunrChain = Promise.resolve();
  var lunrPending = new Map();

  /**
   * lunr.js, then lunr.stemmer.support.js, then the lunr-languages file of each language that
   * needs one (lunr.fi.js, lunr.sv.js; English is built into lunr.js), each only when it is not
   * there yet: requested at once and run in order (dynamically inserted scripts with
   * async = false keep their insertion order). Loads run one after another, so lunr.js is never
   * loaded twice (a second copy would forget the languages registered with the first).
   */
  function loadLunr(root, languages) {
    var wantedLanguages = languages || [PRIMARY];
    if (lunrReady(wantedLanguages)) return Promise.resolve(window.lunr);
    var key = wantedLanguages.slice().sort().join(' ');
    if (!lunrPending.has(key)) {
      var promise = lunrChain.catch(function () {}).then(function () {
        if (lunrReady(wantedLanguages)) return window.lunr;
        var base = new URL('assets/haku/', root).href;
        var files = [];
        if (typeof window.lunr === 'undefined') files.push('lunr.js');
        var missing = wantedLanguages.filter(function (lang) {
          return lang !== 'en' && !languageReady(lang);
        });
        if (missing.length && !(window.lunr && window.lunr.stemmerSupport)) files.push('lunr.stemmer.support.js');
        missing.forEach(function (lang) {
          files.push('lunr.' + lang + '.js');
        });
        return Promise.all(files.map(function (file) {
          return loadScript(base + file);
        })).then(function () {
          if (!lunrReady(wantedLanguages)) throw new Error('lunr-languages did not register');
          return window.lunr;
        });
      });
      lunrChain = promise;
      lunrPending.set(key, promise);
      var forget = function () {
        lunrPending.delete(key); // done, or failed: a later query may try again
      };
      promise.then(forget, forget);
    }
    return lunrPending.get(key);
  }

  function fetchJSON(url) {
    return fetch(url, {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + url);
      return response.json();
    });
  }

  var stores = new Map();

  /** Cached data of one site root, language and data version: meta, shards and docs chunks. */
  function dataStore(root, lang, version) {
    var id = root + '\n' + lang + '\n' + version;
    var store = stores.get(id);
    if (store) return store;
    var base = new URL(prefixOf(lang) + 'haku/data/', root).href;
    var suffix = function (v) {
      return v ? '?v=' + encodeURIComponent(v) : '';
    };
    var cached = function (map, key, url) {
      if (!map.has(key)) {
        var promise = fetchJSON(url);
        map.set(key, promise);
        promise.catch(function () {
          map.delete(key);
        });
      }
      return map.get(key);
    };
    var metas = new Map();
    var shards = new Map();
    var chunks = new Map();
    store = {
      root: root,
      meta: function () {
        return cached(metas, 'meta', base + 'meta.json' + suffix(version));
      },
      dataVersion: function (meta) {
        return (meta && meta.version) || version;
      },
      shard: function (meta, prefix) {
        return cached(shards, prefix, base + 'terms/' + shardFile(prefix) + '.json' + suffix(store.dataVersion(meta)));
      },
      chunk: function (meta, k) {
        return cached(chunks, k, base + 'docs/' + k + '.json' + suffix(store.dataVersion(meta)));
      },
      /** Map ordinal → record for these ordinals, fetching only the chunks they are in. */
      records: function (meta, ordinals) {
        var ks = chunksFor(meta, ordinals);
        return Promise.all(ks.map(function (k) {
          return store.chunk(meta, k);
        })).then(function (arrays) {
          var byChunk = new Map();
          ks.forEach(function (k, i) {
            byChunk.set(k, arrays[i]);
          });
          var out = new Map();
          ordinals.forEach(function (ord) {
            var k = Math.floor(ord / meta.chunk);
            var record = (byChunk.get(k) || [])[ord - k * meta.chunk];
            if (record) out.set(ord, record);
          });
          return out;
        });
      }
    };
    stores.set(id, store);
    return store;
  }

  /* One finder per #kk-finder element. */

  function Finder(el) {
    this.el = el;
    this.form = el.querySelector('form');
    this.input = el.querySelector('#kk-finder-q') || (this.form && this.form.querySelector('input[name="q"]'));
    this.status = el.querySelector('#kk-finder-status');
    this.list = el.querySelector('#kk-finder-results');
    this.more = el.querySelector('#kk-finder-more');
    this.pathname = location.pathname;
    this.lang = languageOf(el.getAttribute('data-lang'));
    this.messages = messagesOf(this.lang);
    this.languages = pageLanguages(this.lang);
    var rootAttr = el.getAttribute('data-root');
    var fallbackRoot = new URL(this.lang === PRIMARY ? '../' : '../../', location.href).href;
    this.root = rootAttr !== null ? new URL(rootAttr, location.href).href : (scriptRoot || fallbackRoot);
    this.store = dataStore(this.root, this.lang, el.getAttribute('data-version') || '');
    this.seq = 0;
    this.urlTimer = null;
    this.meta = null;
    this.matches = [];
    this.shown = 0;
    this.lastQuery = '';
    this.alive = true;
    this.moreBusy = false;
    this.state = parseState(location.search);
    this.boxes = this.form ? Array.prototype.slice.call(this.form.querySelectorAll('input[type="checkbox"]')) : [];
    this.bind();
    this.writeForm();
    if (this.state.q.trim() !== '') this.preloadLunr();
    this.run();
  }

  Finder.prototype.bind = function () {
    var self = this;
    if (this.input) {
      this.input.addEventListener('input', function () {
        self.state = {q: self.input.value, facets: self.state.facets};
        self.scheduleUrl();
        self.run();
      });
      this.input.addEventListener('focus', function () {
        self.preloadLunr();
      });
    }
    if (this.form) {
      this.form.addEventListener('change', function (ev) {
        if (!ev.target || ev.target.type !== 'checkbox') return;
        self.state = self.readForm();
        self.commitUrl();
        self.run();
      });
      this.form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        self.state = self.readForm();
        self.commitUrl();
        self.run();
      });
    }
    if (this.more) {
      this.more.addEventListener('click', function () {
        self.showMore();
      });
    }
  };

  Finder.prototype.destroy = function () {
    this.alive = false;
    this.seq++;
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = null;
  };

  Finder.prototype.preloadLunr = function () {
    loadLunr(this.root, this.languages).catch(function () {
      /* reported when a query needs it */
    });
  };

  Finder.prototype.readForm = function () {
    var facets = {};
    this.boxes.forEach(function (box) {
      if (!box.checked || !box.name) return;
      (facets[box.name] = facets[box.name] || []).push(box.value);
    });
    return {q: this.input ? this.input.value : '', facets: facets};
  };

  Finder.prototype.writeForm = function () {
    var state = this.state;
    if (this.input && this.input.value !== state.q) this.input.value = state.q;
    this.boxes.forEach(function (box) {
      var values = state.facets[box.name] || [];
      box.checked = values.indexOf(box.value) >= 0;
    });
  };

  Finder.prototype.url = function () {
    return this.pathname + stateToSearch(this.state, this.meta) + location.hash;
  };

  /** Typing: replace the current history entry, debounced. */
  Finder.prototype.scheduleUrl = function () {
    var self = this;
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(function () {
      self.urlTimer = null;
      if (!self.alive || location.pathname !== self.pathname) return;
      var url = self.url();
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, '', url);
    }, URL_DELAY);
  };

  /** Checkbox or submit: a new history entry (unless the URL is already this one). */
  Finder.prototype.commitUrl = function () {
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = null;
    if (location.pathname !== this.pathname) return;
    var url = this.url();
    if (url !== location.pathname + location.search + location.hash) history.pushState(null, '', url);
  };

  /** Back/forward (or a header search on this page): state from the URL, then render. */
  Finder.prototype.fromUrl = function () {
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = null;
    this.state = parseState(location.search, this.meta);
    this.writeForm();
    this.run();
  };

  Finder.prototype.setStatus = function (text) {
    if (this.status && this.status.textContent !== text) this.status.textContent = text;
  };

  Finder.prototype.setBusy = function (busy) {
    this.el.setAttribute('data-state', busy ? 'loading' : 'ready');
    if (this.list) this.list.setAttribute('aria-busy', busy ? 'true' : 'false');
  };

  Finder.prototype.fail = function (seq) {
    if (seq !== this.seq || !this.alive) return;
    this.el.setAttribute('data-state', 'error');
    if (this.list) this.list.setAttribute('aria-busy', 'false');
    this.setStatus(this.messages.error);
    this.el.dispatchEvent(new CustomEvent('kk-finder:error', {detail: {query: this.state.q}}));
  };

  /** Process the current state: search, filter, count, fetch the records shown, render. */
  Finder.prototype.run = async function () {
    var seq = ++this.seq;
    var start = now();
    var state = this.state;
    this.setBusy(true);
    if (!this.meta) this.setStatus(this.messages.loading);
    try {
      // The scripts and the facet data load side by side.
      var scripts = state.q.trim() !== '' ? loadLunr(this.root, this.languages) : null;
      var meta = await this.store.meta();
      if (seq !== this.seq) return;
      if (!this.meta) {
        this.meta = meta;
        state = this.state = parseState(stateToSearch(state, null), meta);
      }
      var ordinals;
      var passes = [];
      if (state.q.trim() !== '') {
        var languages = passLanguages(meta);
        if (!lunrReady(languages)) this.setStatus(this.messages.loading);
        if (scripts) await scripts;
        await loadLunr(this.root, languages);
        if (seq !== this.seq) return;
        passes = queryPasses(meta, state.q);
      }
      if (!passes.length || !passes[0].stems.length) {
        ordinals = browse(meta);
      } else {
        var prefixes = shardsForPasses(meta, passes);
        var store = this.store;
        var loaded = await Promise.all(prefixes.map(function (prefix) {
          return store.shard(meta, prefix);
        }));
        if (seq !== this.seq) return;
        ordinals = searchPasses(meta, loaded, passes);
      }
      var matches = filterByFacets(meta, ordinals, state.facets);
      var first = matches.slice(0, PAGE_SIZE);
      // The records download while the facet counts are computed.
      var pending = this.store.records(meta, first);
      var counts = facetCounts(meta, ordinals, state.facets);
      var records = await pending;
      if (seq !== this.seq || !this.alive) return;
      this.matches = matches;
      this.shown = 0;
      this.lastQuery = state.q;
      this.list.textContent = '';
      this.appendResults(first, records);
      this.updateCounts(counts, state);
      this.setStatus(statusText(state.q, matches.length, hasSelection(state), this.lang));
      this.done(state.q, start);
      var wanted = this.languages;
      if (!passes.length && !lunrReady(wanted)) {
        // Browsing needs no lunr; fetch it while the visitor reads, so the first query is quick.
        var root = this.root;
        (window.requestIdleCallback || window.setTimeout)(function () {
          loadLunr(root, wanted).catch(function () {});
        });
      }
    } catch (error) {
      this.fail(seq);
    }
  };

  /** "Näytä lisää": the next PAGE_SIZE results of the current list; focus moves to the first. */
  Finder.prototype.showMore = async function () {
    if (this.moreBusy) return;
    var seq = this.seq;
    var matches = this.matches;
    var start = now();
    var next = matches.slice(this.shown, this.shown + PAGE_SIZE);
    if (!next.length) return;
    this.moreBusy = true;
    this.setBusy(true);
    try {
      var records = await this.store.records(this.meta, next);
      if (seq !== this.seq || matches !== this.matches || !this.alive) return;
      var firstNew = this.appendResults(next, records);
      if (firstNew) firstNew.focus();
      this.done(this.lastQuery, start);
    } catch (error) {
      this.fail(seq);
    } finally {
      this.moreBusy = false;
    }
  };

  Finder.prototype.done = function (query, start) {
    this.setBusy(false);
    var ms = now() - start;
    this.el.dispatchEvent(new CustomEvent('kk-finder:rendered', {
      detail: {query: query, count: this.matches.length, shown: this.shown, ms: ms}
    }));
  };

  /** Append result items; returns the first new link (or item) for focus, or null. */
  Finder.prototype.appendResults = function (ordinals, records) {
    var meta = this.meta;
    var fragment = document.createDocumentFragment();
    var first = null;
    for (var i = 0; i < ordinals.length; i++) {
      var record = records.get(ordinals[i]);
      if (!record) continue;
      var item = this.resultItem(meta, ordinals[i], record);
      if (!first) first = item.querySelector('a') || item;
      fragment.appendChild(item);
    }
    this.list.appendChild(fragment);
    this.shown += ordinals.length;
    if (this.more) this.more.hidden = this.shown >= this.matches.length;
    return first;
  };

  Finder.prototype.resultItem = function (meta, ordinal, record) {
    var item = document.createElement('li');
    item.className = 'kk-result';
    var heading = document.createElement('h2');
    heading.className = 'kk-result__title';
    var path = docPath(meta, record);
    var title = String(record[2] == null ? '' : record[2]);
    // The title and summary are in another language than the page's (an untranslated entry):
    // say which, for screen readers and hyphenation (WCAG 3.1.2).
    var textLang = textLanguage(record, this.lang);
    if (textLang) heading.setAttribute('lang', textLang);
    if (path) {
      var link = document.createElement('a');
      link.setAttribute('href', new URL(prefixOf(this.lang) + path, this.root).href);
      link.textContent = title;
      heading.appendChild(link);
    } else {
      heading.textContent = title;
    }
    item.appendChild(heading);
    var line = metaLine(meta, ordinal, record);
    if (line) {
      var info = document.createElement('p');
      info.className = 'kk-result__meta';
      info.textContent = line;
      item.appendChild(info);
    }
    if (record[3]) {
      var summary = document.createElement('p');
      summary.className = 'kk-result__summary';
      var summaryLang = summaryLanguage(record, this.lang);
      if (summaryLang) summary.setAttribute('lang', summaryLang);
      summary.textContent = String(record[3]);
      item.appendChild(summary);
    }
    return item;
  };

  Finder.prototype.updateCounts = function (counts, state) {
    var byParam = new Map();
    this.meta.facets.forEach(function (facet) {
      byParam.set(facet.param, facet);
    });
    var fieldsets = this.el.querySelectorAll('[data-facet]');
    for (var f = 0; f < fieldsets.length; f++) {
      var param = fieldsets[f].getAttribute('data-facet');
      var facet = byParam.get(param);
      if (!facet) continue;
      var selected = state.facets[param] || [];
      var numbers = counts[param] || [];
      var byId = new Map();
      facet.values.forEach(function (value, index) {
        byId.set(value.id, numbers[index] || 0);
      });
      var boxes = fieldsets[f].querySelectorAll('input[type="checkbox"]');
      for (var i = 0; i < boxes.length; i++) {
        var box = boxes[i];
        var n = byId.has(box.value) ? byId.get(box.value) : 0;
        var label = box.closest('label') || box.parentNode;
        var count = label && label.querySelector('.kk-facet__count');
        if (count) {
          var text = '(' + n + ')';
          if (count.textContent !== text) count.textContent = text;
        }
        if (label && label.classList) {
          label.classList.toggle('kk-facet__value--empty', n === 0 && selected.indexOf(box.value) < 0);
        }
      }
    }
  };

  /* Page wiring: init per page (instant navigation), header search, history. */

  var current = null;
  var initialised = typeof WeakSet === 'function' ? new WeakSet() : null;

  function initPage() {
    // The finder page's own element, never one a contributor's body names kk-finder (attr_list
    // may set an id, and a heading gets one from its text, but never a data- attribute).
    var el = document.querySelector('div#kk-finder[data-version]');
    if (current && current.el !== el) {
      current.destroy();
      current = null;
    }
    if (!el || (initialised && initialised.has(el)) || el.getAttribute('data-kk-finder') === 'on') return;
    if (initialised) initialised.add(el);
    el.setAttribute('data-kk-finder', 'on');
    try {
      current = new Finder(el);
    } catch (error) {
      el.setAttribute('data-state', 'error');
      var status = el.querySelector('#kk-finder-status');
      if (status) status.textContent = messagesOf(el.getAttribute('data-lang')).error;
    }
  }

  function activeFinder() {
    return current && current.alive && current.el.isConnected ? current : null;
  }

  /* The header form: on /haku/ it updates the finder (same result as the plain GET: q only). */
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form || !form.classList || !form.classList.contains('kk-header-search')) return;
    var finder = activeFinder();
    if (!finder) return;
    var field = form.querySelector('input[name="q"]');
    ev.preventDefault();
    finder.state = {q: field ? field.value : '', facets: {}};
    finder.writeForm();
    finder.commitUrl();
    finder.run();
  });

  /*
   * Back/forward between two finder states (same path, only the query string differs): re-read
   * the URL and render. (With instant navigation, Material also fetches and re-injects this page
   * on the first such popstate after a full page load; the finder then re-initialises from the
   * URL through document$, with the data already cached.) Leaving the page is not our business.
   */
  window.addEventListener('popstate', function () {
    var finder = activeFinder();
    if (!finder || location.pathname !== finder.pathname) return;
    finder.fromUrl();
  });

  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(function () {
      initPage();
    });
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', initPage);
  } else {
    initPage();
  }
})();
