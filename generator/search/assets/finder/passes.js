/*
 * A query's passes (meta.json "passes"): which languages' stems search which fields, in order.
 */

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

/** The stems of all these passes, each once. */
function passStems(passes) {
  var stems = [];
  passes.forEach(function (pass) {
    pass.stems.forEach(function (s) {
      if (stems.indexOf(s) < 0) stems.push(s);
    });
  });
  return stems;
}

/** The shard prefixes (meta.shards order) that the stems of all these passes need. */
function shardsForPasses(meta, passes) {
  return shardsFor(meta, passStems(passes));
}

/**
 * The shard that would hold each stem itself (its longest prefix in meta.shards), each once:
 * whose tops/ file holds the stem's likely first results (generator/search/tops.py).
 */
function ownShards(meta, passes) {
  var own = [];
  passStems(passes).forEach(function (s) {
    var best = null;
    (meta.shards || []).forEach(function (p) {
      if (s.startsWith(p) && (best === null || p.length > best.length)) best = p;
    });
    if (best !== null && own.indexOf(best) < 0) own.push(best);
  });
  return own;
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
