/*
 * The finder's rendering: result items and facet counts.
 */

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

/**
 * Before the records of a page have all arrived: the results up to the first whose record
 * `have` (a Map from the tops, or null) lacks, in place of the list, while "Näytä lisää" waits.
 * Returns how many (0 when it shows none: no tops, none of them, or all of them, which the
 * full render shows at once).
 */
Finder.prototype.showEarly = function (ordinals, have) {
  var count = 0;
  while (have && count < ordinals.length && have.has(ordinals[count])) count++;
  if (count === 0 || count === ordinals.length) return 0;
  var fragment = document.createDocumentFragment();
  for (var i = 0; i < count; i++) fragment.appendChild(this.resultItem(this.meta, ordinals[i], have.get(ordinals[i])));
  this.list.textContent = '';
  this.list.appendChild(fragment);
  if (this.more) this.more.hidden = true;
  return count;
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

/** Values a facet group shows before "Näytä kaikki" (a group of one more shows them all). */
var FACET_LIMIT = 5;

/** The finder's words for the filters, by page language (contributor text only via textContent). */
var FILTER_WORDS = {
  fi: {remove: 'Poista rajaus', all: 'Näytä kaikki', fewer: 'Näytä vähemmän'},
  sv: {remove: 'Ta bort avgränsningen', all: 'Visa alla', fewer: 'Visa färre'},
  en: {remove: 'Remove the filter', all: 'Show all', fewer: 'Show fewer'}
};

function filterWords(lang) {
  return FILTER_WORDS[languageOf(lang)] || FILTER_WORDS.fi;
}

/**
 * Each value's count (the results ticking it would give); a value with none is folded away
 * unless ticked, a group with none at all likewise; a group with more than FACET_LIMIT + 1
 * values shows FACET_LIMIT of them (ticked ones always) and a "Näytä kaikki" button.
 */
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
    var shown = [];
    var boxes = fieldsets[f].querySelectorAll('input[type="checkbox"]');
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var n = byId.has(box.value) ? byId.get(box.value) : 0;
      var label = box.closest('label') || box.parentNode;
      var count = label && label.querySelector('.kk-filter__count');
      if (count) {
        var text = '(' + n + ')';
        if (count.textContent !== text) count.textContent = text;
      }
      var empty = n === 0 && selected.indexOf(box.value) < 0;
      if (label && label.classList) {
        label.classList.toggle('kk-filter__value--empty', empty);
        if (!empty) shown.push(label);
      }
    }
    fieldsets[f].classList.toggle('kk-filter--empty', shown.length === 0);
    this.foldGroup(fieldsets[f], shown);
  }
};

/** Hide a group's values past FACET_LIMIT (never a ticked one) unless the group is expanded. */
Finder.prototype.foldGroup = function (fieldset, shown) {
  var button = fieldset.querySelector('.kk-filter__all');
  var foldable = shown.length > FACET_LIMIT + 1;
  if (!button && foldable) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'kk-filter__all';
    button.setAttribute('aria-expanded', 'false');
    var self = this;
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      self.foldGroup(fieldset, Array.prototype.filter.call(fieldset.querySelectorAll('label'), function (l) {
        return !l.classList.contains('kk-filter__value--empty');
      }));
    });
    fieldset.appendChild(button);
  }
  var open = button ? button.getAttribute('aria-expanded') === 'true' : true;
  shown.forEach(function (label, index) {
    var box = label.querySelector('input');
    label.classList.toggle('kk-filter__value--folded', foldable && !open && index >= FACET_LIMIT && !(box && box.checked));
  });
  if (button) {
    button.hidden = !foldable;
    var words = filterWords(this.lang);
    button.textContent = open ? words.fewer : words.all + ' (' + shown.length + ')';
  }
};

/** The chips of the ticked values, each a button that removes it, and "Tyhjennä rajaukset". */
Finder.prototype.renderChips = function (state) {
  var active = 0;
  var words = filterWords(this.lang);
  var list = this.chips ? this.chips.querySelector('ul') : null;
  if (list) list.textContent = '';
  var meta = this.meta;
  meta.facets.forEach(function (facet) {
    (state.facets[facet.param] || []).forEach(function (id) {
      var value = facet.values.filter(function (v) {
        return v.id === id;
      })[0];
      if (!value) return;
      active++;
      if (!list) return;
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'kk-chip';
      button.setAttribute('data-kk-remove', facet.param + '=' + id);
      button.setAttribute('aria-label', words.remove + ': ' + facet.label + ': ' + value.label);
      var name = document.createElement('span');
      name.className = 'kk-chip__facet';
      name.textContent = facet.label + ': ';
      var label = document.createElement('span');
      label.textContent = value.label;
      var mark = document.createElement('span');
      mark.className = 'kk-chip__x';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = '×';
      button.appendChild(name);
      button.appendChild(label);
      button.appendChild(mark);
      item.appendChild(button);
      list.appendChild(item);
    });
  });
  if (this.chips) this.chips.hidden = active === 0;
  var badge = this.el.querySelector('#kk-filters-active');
  if (badge) badge.textContent = active ? '(' + active + ')' : '';
};
