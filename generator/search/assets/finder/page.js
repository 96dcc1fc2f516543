/*
 * Page wiring: a finder per page (instant navigation), the header search, history.
 */

/** The site root from this script's own URL (…/assets/haku/finder.js → …/), set by startPage. */
var scriptRoot = null;

var current = null;
var initialised = typeof WeakSet === 'function' ? new WeakSet() : null;

function initPage() {
  // The finder page's own element, never one a contributor's body names kk-finder (attr_list
  // may set an id, and a heading gets one from its text, but never a data- attribute).
  var el = document.querySelector('div#kk-finder[data-version]');
  if (current && current.el !== el) {
    current.destroy();
    current = null;
  }
  if (!el || (initialised && initialised.has(el)) || el.getAttribute('data-kk-finder') === 'on') return;
  if (initialised) initialised.add(el);
  el.setAttribute('data-kk-finder', 'on');
  try {
    current = new Finder(el);
  } catch (error) {
    el.setAttribute('data-state', 'error');
    var status = el.querySelector('#kk-finder-status');
    if (status) status.textContent = messagesOf(el.getAttribute('data-lang')).error;
  }
}

function activeFinder() {
  return current && current.alive && current.el.isConnected ? current : null;
}

/**
 * The browser part's start, while the script runs (document.currentScript is known only then):
 * the core as window.kkFinderCore, the header search, history, and the finder of this page
 * and of every page that instant navigation brings.
 */
function startPage() {
  try {
    var script = document.currentScript;
    scriptRoot = script && script.src ? new URL('../../', script.src).href : null;
  } catch (e) {
    scriptRoot = null;
  }

  window.kkFinderCore = core;
  window.kkFinderInit = initPage;

  /* The header form: on /haku/ it updates the finder (same result as the plain GET: q only). */
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form || !form.classList || !form.classList.contains('kk-header-search')) return;
    var finder = activeFinder();
    if (!finder) return;
    var field = form.querySelector('input[name="q"]');
    ev.preventDefault();
    finder.state = {q: field ? field.value : '', facets: {}, sort: ''};
    finder.writeForm();
    finder.commitUrl();
    finder.run();
  });

  /*
   * Back/forward between two finder states (same path, only the query string differs): re-read
   * the URL and render. (With instant navigation, Material also fetches and re-injects this page
   * on the first such popstate after a full page load; the finder then re-initialises from the
   * URL through document$, with the data already cached.) Leaving the page is not our business.
   */
  window.addEventListener('popstate', function () {
    var finder = activeFinder();
    if (!finder || location.pathname !== finder.pathname) return;
    finder.fromUrl();
  });

  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(function () {
      initPage();
    });
  } else {
    // The script stands at the end of the finder's element (finder.md.j2): the finder starts
    // now, not after the rest of the page and Material's script (DOMContentLoaded).
    initPage();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initPage);
  }
}
