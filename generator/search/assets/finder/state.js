/*
 * The URL state: the query, the selected values of each facet and the order of the results.
 *
 * The facets are never listed here: they are meta.json's (schema.yml "facets"), or, before
 * meta.json has arrived, the page's own ({facets: [{param, values: null}]} from its fieldsets,
 * values not known yet).
 */

/** The URL parameter of the results' order, and its values (relevance, the default, has none). */
var SORT_PARAM = 'jarjestys';
var SORTS = ['uusin', 'vanhin', 'nimi'];

/** The facet params a state reads: meta's, else every parameter of the URL but q and the order. */
function facetParams(params, meta) {
  if (meta) {
    return meta.facets.map(function (f) {
      return f.param;
    });
  }
  var names = [];
  params.forEach(function (value, name) {
    if (name !== 'q' && name !== SORT_PARAM && names.indexOf(name) < 0) names.push(name);
  });
  return names;
}

/**
 * URL state from a query string ("?q=…&teema=a&teema=b&jarjestys=uusin"): {q, facets: {param:
 * [ids]}, sort} (sort '' for relevance; an unknown order is relevance).
 * Repeated parameters are several values; empty and duplicate values are dropped. With meta,
 * only its params are kept, in its order, and when it gives a facet's values only their ids
 * (in the URL's order).
 */
function parseState(searchString, meta) {
  var params = new URLSearchParams(searchString || '');
  var sort = params.get(SORT_PARAM) || '';
  var state = {q: params.get('q') || '', facets: {}, sort: SORTS.indexOf(sort) >= 0 ? sort : ''};
  facetParams(params, meta).forEach(function (name) {
    var known = null;
    if (meta) {
      var facet = meta.facets.filter(function (f) {
        return f.param === name;
      })[0];
      known = facet.values ? new Set(facet.values.map(function (v) {
        return v.id;
      })) : null;
    }
    var values = [];
    params.getAll(name).forEach(function (value) {
      if (value !== '' && values.indexOf(value) < 0 && (!known || known.has(value))) values.push(value);
    });
    if (values.length) state.facets[name] = values;
  });
  return state;
}

/**
 * The canonical query string of a state ("" when empty, else "?q=…&teema=…"): q first when
 * not blank, then the facets in meta order (the state's order without meta), each facet's
 * values in meta order (selection order when meta does not give them), then the order.
 */
function stateToSearch(state, meta) {
  var params = new URLSearchParams();
  if (state.q && state.q.trim() !== '') params.append('q', state.q);
  var facets = meta ? meta.facets : Object.keys(state.facets || {}).map(function (p) {
    return {param: p, values: null};
  });
  facets.forEach(function (facet) {
    var ids = (state.facets && state.facets[facet.param]) || [];
    var ordered = facet.values ? facet.values.map(function (v) {
      return v.id;
    }).filter(function (id) {
      return ids.indexOf(id) >= 0;
    }) : ids;
    ordered.forEach(function (id) {
      params.append(facet.param, id);
    });
  });
  if (state.sort && SORTS.indexOf(state.sort) >= 0) params.append(SORT_PARAM, state.sort);
  var text = params.toString();
  return text ? '?' + text : '';
}

/** True when any facet has a selected value. */
function hasSelection(state) {
  return Object.keys(state.facets || {}).some(function (k) {
    return state.facets[k].length > 0;
  });
}

/** The state without any facet selection (the query and the order kept). */
function withoutFacets(state) {
  return {q: state.q, facets: {}, sort: state.sort || ''};
}
