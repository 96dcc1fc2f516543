/*
 * One finder per #kk-finder element: its state, the URL, and the run of a query.
 */

/** Results per render and per "Näytä lisää"; the wait before typing rewrites the URL (ms). */
var PAGE_SIZE = 10;
var URL_DELAY = 150;

/**
 * The facets of the page's form ({facets: [{param, values: null}]}, from its fieldsets
 * [data-facet], in their order): what the URL state reads before meta.json has arrived.
 */
function pageFacets(el) {
  var fieldsets = Array.prototype.slice.call(el.querySelectorAll('[data-facet]'));
  return {
    facets: fieldsets.map(function (fieldset) {
      return {param: fieldset.getAttribute('data-facet'), values: null};
    })
  };
}

function Finder(el) {
  this.el = el;
  this.form = el.querySelector('form');
  this.sortField = el.querySelector('#kk-finder-sort');
  this.chips = el.querySelector('#kk-finder-chips');
  this.filters = el.querySelector('#kk-filters');
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
  this.pageFacets = pageFacets(el);
  this.state = parseState(location.search, this.pageFacets);
  // The checkboxes may stand outside the form (form="kk-finder-form"): all of the finder's.
  this.boxes = Array.prototype.slice.call(el.querySelectorAll('input[type="checkbox"]'));
  this.fitFilters();
  this.bind();
  this.writeForm();
  if (this.state.q.trim() !== '') this.preloadLunr();
  this.run();
}

Finder.prototype.bind = function () {
  var self = this;
  if (this.input) {
    this.input.addEventListener('input', function () {
      self.state = {q: self.input.value, facets: self.state.facets, sort: self.state.sort};
      self.scheduleUrl();
      self.run();
    });
    this.input.addEventListener('focus', function () {
      self.preloadLunr();
    });
  }
  // A checkbox or the order changed (they may be outside the form: listen on the finder).
  this.el.addEventListener('change', function (ev) {
    var target = ev.target;
    if (!target || (target.type !== 'checkbox' && target !== self.sortField)) return;
    self.state = self.readForm();
    self.commitUrl();
    self.run();
  });
  this.el.addEventListener('click', function (ev) {
    // "Siirry tuloksiin" moves focus itself: a fragment navigation would fire popstate (and
    // Material's instant navigation), which re-renders and could drop the focus it just moved.
    var skip = ev.target && ev.target.closest ? ev.target.closest('.kk-finder__skip') : null;
    if (skip && self.status) {
      ev.preventDefault();
      ev.stopPropagation();
      self.status.focus();
      return;
    }
    var button = ev.target && ev.target.closest ? ev.target.closest('button[data-kk-remove], #kk-finder-clear') : null;
    if (!button) return;
    self.removeFilter(button);
  });
  if (this.form) {
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
  return {q: this.input ? this.input.value : '', facets: facets, sort: this.sortField ? this.sortField.value : ''};
};

/** A chip's remove button (data-kk-remove="param=value") or "Tyhjennä": new state, then run;
 * focus goes to the next chip, else to the status line, never lost with the removed button. */
Finder.prototype.removeFilter = function (button) {
  var spec = button.getAttribute('data-kk-remove');
  var facets = {};
  if (spec !== null) {
    var cut = spec.indexOf('=');
    var param = spec.slice(0, cut);
    var value = spec.slice(cut + 1);
    Object.keys(this.state.facets).forEach(function (name) {
      var kept = this.state.facets[name].filter(function (id) {
        return !(name === param && id === value);
      });
      if (kept.length) facets[name] = kept;
    }, this);
  }
  this.state = {q: this.state.q, facets: facets, sort: this.state.sort || ''};
  this.focusAfterRender = true;
  this.writeForm();
  this.commitUrl();
  this.run();
};

/** Phones: the filters start closed ("Rajaa"), so the results come first and Tab skips them. */
Finder.prototype.fitFilters = function () {
  var filters = this.filters;
  if (!filters || !window.matchMedia) return;
  var wide = window.matchMedia('(min-width: 60em)');
  var fit = function () {
    filters.open = wide.matches;
  };
  fit();
  if (wide.addEventListener) wide.addEventListener('change', fit);
};

Finder.prototype.writeForm = function () {
  var state = this.state;
  if (this.input && this.input.value !== state.q) this.input.value = state.q;
  this.boxes.forEach(function (box) {
    var values = state.facets[box.name] || [];
    box.checked = values.indexOf(box.value) >= 0;
  });
  if (this.sortField && this.sortField.value !== (state.sort || '')) this.sortField.value = state.sort || '';
};

Finder.prototype.url = function () {
  return this.pathname + stateToSearch(this.state, this.meta || this.pageFacets) + location.hash;
};

/** The language switcher's links (partials/kk-languages.html) keep the query, the filters and
 * the order: the same finder state on /sv/haku/ or /en/haku/ (facet value ids are shared). */
Finder.prototype.syncLanguageLinks = function () {
  var search = stateToSearch(this.state, this.meta || this.pageFacets);
  var links = document.querySelectorAll('a.md-select__link[hreflang]');
  for (var i = 0; i < links.length; i++) {
    var url = new URL(links[i].getAttribute('href'), location.href);
    url.search = search;
    links[i].setAttribute('href', url.pathname + url.search);
  }
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
    self.syncLanguageLinks();
  }, URL_DELAY);
};

/** Checkbox or submit: a new history entry (unless the URL is already this one). */
Finder.prototype.commitUrl = function () {
  if (this.urlTimer) clearTimeout(this.urlTimer);
  this.urlTimer = null;
  if (location.pathname !== this.pathname) return;
  var url = this.url();
  if (url !== location.pathname + location.search + location.hash) history.pushState(null, '', url);
  this.syncLanguageLinks();
};

/** Back/forward (or a header search on this page): state from the URL, then render. */
Finder.prototype.fromUrl = function () {
  if (this.urlTimer) clearTimeout(this.urlTimer);
  this.urlTimer = null;
  this.state = parseState(location.search, this.meta || this.pageFacets);
  this.writeForm();
  this.run();
};

Finder.prototype.setStatus = function (text) {
  if (this.status && this.status.textContent !== text) this.status.textContent = text;
};

Finder.prototype.setBusy = function (busy) {
  this.el.setAttribute('data-state', busy ? 'loading' : 'ready');
  // After the first render the results' reserved room (finder.css) is no longer needed.
  if (!busy) this.el.classList.add('kk-finder--shown');
  if (this.list) this.list.setAttribute('aria-busy', busy ? 'true' : 'false');
};

Finder.prototype.fail = function (seq) {
  if (seq !== this.seq || !this.alive) return;
  this.el.setAttribute('data-state', 'error');
  this.el.classList.add('kk-finder--shown');
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
      state = this.state = parseState(stateToSearch(state, this.pageFacets), meta);
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
    var found = null;
    var known = null;
    if (!passes.length || !passes[0].stems.length) {
      ordinals = browse(meta);
    } else {
      var store = this.store;
      // The likely first results of the query's shards, requested beside the shards themselves.
      known = store.tops(meta, ownShards(meta, passes));
      found = await findOrdinals(meta, state.q, function (prefix) {
        return store.shard(meta, prefix);
      });
      if (seq !== this.seq) return;
      ordinals = found.ordinals;
    }
    var matches = filterByFacets(meta, ordinals, state.facets);
    if (state.sort === 'nimi') {
      // Ordering by title needs every match's title: their records (cached by chunk).
      var titled = await this.store.records(meta, matches, known && await known);
      if (seq !== this.seq) return;
      var titles = new Map();
      titled.forEach(function (record, ord) {
        titles.set(ord, record[2]);
      });
      matches = sortOrdinals(meta, matches, state.sort, titles, this.lang);
    } else if (state.sort) {
      matches = sortOrdinals(meta, matches, state.sort, null, this.lang);
    }
    var first = matches.slice(0, PAGE_SIZE);
    var have = known ? await known : null;
    if (seq !== this.seq || !this.alive) return;
    // The records download while the facet counts are computed.
    var pending = this.store.records(meta, first, have);
    var counts = facetCounts(meta, ordinals, state.facets);
    // The first results whose records the tops hold are shown at once; the rest follow them.
    var early = this.showEarly(first, have);
    var records = await pending;
    if (seq !== this.seq || !this.alive) return;
    this.matches = matches;
    this.shown = early;
    this.lastQuery = state.q;
    if (!early) this.list.textContent = '';
    this.appendResults(first.slice(early), records);
    this.updateCounts(counts, state);
    this.renderChips(state);
    this.syncLanguageLinks();
    this.setStatus(noteText(found, this.lang, state.q) +
      statusText((found && found.corrected) || state.q, matches.length, hasSelection(state), this.lang));
    this.done(state.q, start);
    if (this.focusAfterRender) {
      this.focusAfterRender = false;
      var next = this.chips && !this.chips.hidden ? this.chips.querySelector('button') : null;
      (next || this.status).focus();
    }
    // lunr is not fetched for browsing: only for a query, or when the search field gets focus.
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
