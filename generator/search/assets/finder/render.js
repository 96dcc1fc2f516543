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
