// Reads a job (JSON on stdin): {finder, meta, searches}. Prints what the built finder.js makes
// of each URL query string with that meta.json, with the core alone (no DOM): the URL state
// before meta.json (the page's facets) and with it, the canonical query string, the documents
// a browse keeps after the facet filter, and the facet counts; and the facets of the result line.
'use strict';
const fs = require('fs');

const job = JSON.parse(fs.readFileSync(0, 'utf8'));
const finder = require(job.finder);
const meta = job.meta;
// What the page's fieldsets give before meta.json arrives: the params, values not yet known.
const page = {facets: meta.facets.map((f) => ({param: f.param, values: null}))};

const searches = job.searches.map((search) => {
  const early = finder.parseState(search, page);
  const state = finder.parseState(finder.stateToSearch(early, page), meta);
  const all = finder.browse(meta);
  return {
    search,
    early: early.facets,
    facets: state.facets,
    canonical: finder.stateToSearch(state, meta),
    results: finder.filterByFacets(meta, all, state.facets),
    counts: finder.facetCounts(meta, all, state.facets),
  };
});

// The result line of each record of job.records ([ordinal, record]), when given.
const lines = (job.records || []).map(([ordinal, record]) => finder.metaLine(meta, ordinal, record));
process.stdout.write(JSON.stringify({searches, resultLine: finder.RESULT_LINE, lines}));
