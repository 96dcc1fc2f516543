/*
 * A query's stems in each language, as generator/search/pipelines.py makes them in the index.
 */

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
