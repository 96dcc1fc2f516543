/*
 * What a result shows: its line of facet labels, its link, the language of its text, and
 * the docs/<k>.json chunks its record is in.
 */

/**
 * The facets whose labels a result's line shows, in this order: level, regions, status (a
 * facet that meta.json does not have is skipped; tests/site/test_search_facets.py checks that each
 * is a facet of schema.yml).
 */
var RESULT_LINE = ['taso', 'alue', 'tila'];

/**
 * The result's meta line: kind label · the RESULT_LINE facets' labels · years, empty parts
 * and unknown values omitted (as on the cards: an unknown is said once, on the entry's page). `record` is the doc's [kindIndex, slug, title, summary, years] from docs/<k>.json.
 */
function metaLine(meta, ordinal, record) {
  var kind = meta.kinds[record[0]];
  var parts = [kind ? kind.label : ''].concat(RESULT_LINE.map(function (param) {
    return facetLabels(meta, param, ordinal, true).join(', ');
  }), [record[4] || '']);
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

/** The facet whose values (years) order the results by date ("uusin", "vanhin"). */
var DATE_FACET = 'vuosi';

/** Each ordinal's year from the DATE_FACET facet (its first value's id as a number), or NaN. */
function yearsOf(meta) {
  var facet = meta.facets.filter(function (f) {
    return f.param === DATE_FACET;
  })[0];
  var docs = (facet && meta.docs[DATE_FACET]) || [];
  return function (ord) {
    var values = docs[ord] || [];
    var value = facet && values.length ? facet.values[values[0]] : null;
    return value ? Number(value.id) : NaN;
  };
}

/**
 * `ordinals` in the chosen order (a new array): "uusin" newest year first, "vanhin" oldest
 * first (no year last in both), "nimi" by title in the page's language (`titles` maps an
 * ordinal to its title); ties, and '' (relevance), keep the given order.
 */
function sortOrdinals(meta, ordinals, sort, titles, lang) {
  var rank = new Map();
  ordinals.forEach(function (ord, n) {
    rank.set(ord, n);
  });
  var compare;
  if (sort === 'uusin' || sort === 'vanhin') {
    var year = yearsOf(meta);
    var sign = sort === 'uusin' ? -1 : 1;
    compare = function (a, b) {
      var ya = year(a);
      var yb = year(b);
      if (isNaN(ya) !== isNaN(yb)) return isNaN(ya) ? 1 : -1;
      return isNaN(ya) || ya === yb ? 0 : sign * (ya - yb);
    };
  } else if (sort === 'nimi' && titles) {
    var collator = new Intl.Collator(lang || 'fi', {sensitivity: 'base', numeric: true});
    compare = function (a, b) {
      return collator.compare(String(titles.get(a) || ''), String(titles.get(b) || ''));
    };
  } else {
    return ordinals.slice();
  }
  return ordinals.slice().sort(function (a, b) {
    return compare(a, b) || rank.get(a) - rank.get(b);
  });
}
