/*
 * The browser part (ui.js, render.js, page.js and this) runs only in a browser, never in Node.
 * Contract with pages and tests: #kk-finder gets data-state="loading" | "ready" | "error";
 * after every render it receives `kk-finder:rendered` (detail {query, count, shown, ms}), after
 * a failure `kk-finder:error`.
 *
 * Loading: lunr scripts once per page life, data once per (root, language, version).
 */

var now = typeof performance !== 'undefined' && performance.now ? function () {
  return performance.now();
} : function () {
  return Date.now();
};

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
  var tops = new Map();
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
    /**
     * Map ordinal → record from the tops/<file>.json of these shards (generator/search/tops.py):
     * requested at once, beside the shards; a file that fails gives nothing (the chunks will).
     */
    tops: function (meta, prefixes) {
      if (!meta.tops) return Promise.resolve(new Map());
      return Promise.all(prefixes.map(function (prefix) {
        return cached(tops, prefix, base + 'tops/' + shardFile(prefix) + '.json' + suffix(store.dataVersion(meta)))
          .catch(function () {
            return [];
          });
      })).then(function (files) {
        var out = new Map();
        files.forEach(function (pairs) {
          (Array.isArray(pairs) ? pairs : []).forEach(function (pair) {
            if (Array.isArray(pair) && Array.isArray(pair[1])) out.set(pair[0], pair[1]);
          });
        });
        return out;
      });
    },
    /**
     * Map ordinal → record for these ordinals: those in `known` (a Map, e.g. from tops), the
     * others from the chunks they are in, fetching only those.
     */
    records: function (meta, ordinals, known) {
      var have = known || new Map();
      var missing = ordinals.filter(function (ord) {
        return !have.has(ord);
      });
      var ks = chunksFor(meta, missing);
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
          var record = have.has(ord) ? have.get(ord) : (byChunk.get(k) || [])[ord - k * meta.chunk];
          if (record) out.set(ord, record);
        });
        return out;
      });
    }
  };
  stores.set(id, store);
  return store;
}
