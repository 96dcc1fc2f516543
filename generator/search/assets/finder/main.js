/*
 * The script's start: in Node, the pure core is the module's exports (tests/js/); in a browser,
 * the page's finder starts; anywhere else nothing runs.
 */

if (typeof module === 'object' && module && module.exports) {
  module.exports = core;
} else if (typeof window !== 'undefined' && typeof document !== 'undefined') {
  startPage();
}
