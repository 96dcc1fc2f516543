/*
 * The site's languages and lunr: which language a page is in, its URL prefix, and lunr
 * with the lunr-languages file a language needs.
 */

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
