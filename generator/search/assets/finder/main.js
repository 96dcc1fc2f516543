/*
 * The script's start: in Node, the pure core is the module's exports (tests/js/); in a browser,
 * the page's finder starts; anywhere else nothing runs. The script is part of /haku/'s content
 * only, so instant navigation runs it again on each visit: the first run serves them all.
 */

core.sortOrdinals = sortOrdinals;
core.withoutFacets = withoutFacets;

if (typeof module === 'object' && module && module.exports) {
  module.exports = core;
} else if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  // Phones: close the filters before the first paint (the script comes right after them).
  var filters = document.getElementById('kk-filters');
  if (filters && window.matchMedia && !window.matchMedia('(min-width: 60em)').matches) filters.open = false;
  if (window.kkFinderInit) window.kkFinderInit();
  else startPage();
}
