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
  if (window.kkFinderInit) window.kkFinderInit();
  else startPage();
}
