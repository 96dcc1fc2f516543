/*
 * Facet filtering and disjunctive counts over meta.json's facets and docs, for any facets.
 */

/**
 * meta.docs compiled once per meta into flat typed arrays (per facet: offsets[ord] ..
 * offsets[ord + 1] index values[]), so that filtering and counting 10,000 documents is a few
 * tight loops. Value indexes outside the facet's values are dropped.
 */
var compiledFacets = typeof WeakMap === 'function' ? new WeakMap() : null;

function facetTable(meta) {
  var table = compiledFacets && compiledFacets.get(meta);
  if (table) return table;
  table = meta.facets.map(function (facet) {
    var docs = meta.docs[facet.param] || [];
    var size = facet.values.length;
    var offsets = new Int32Array(meta.count + 1);
    var total = 0;
    for (var ord = 0; ord < meta.count; ord++) total += (docs[ord] || []).length;
    var values = new Int32Array(total);
    var at = 0;
    for (var o = 0; o < meta.count; o++) {
      offsets[o] = at;
      var list = docs[o] || [];
      for (var i = 0; i < list.length; i++) {
        if (list[i] >= 0 && list[i] < size) values[at++] = list[i];
      }
    }
    offsets[meta.count] = at;
    return {param: facet.param, size: size, offsets: offsets, values: values};
  });
  if (compiledFacets) compiledFacets.set(meta, table);
  return table;
}

/**
 * Selection → per facet (in meta.facets order) a Uint8Array marking the selected value
 * INDEXES, or null when nothing valid is selected in that facet. `selection` maps a facet
 * param to value ids; unknown params and ids are ignored.
 */
function selectedIndexes(meta, selection) {
  return meta.facets.map(function (facet) {
    var ids = (selection && selection[facet.param]) || [];
    if (!ids.length) return null;
    var marks = new Uint8Array(facet.values.length);
    var any = false;
    facet.values.forEach(function (value, index) {
      if (ids.indexOf(value.id) >= 0) {
        marks[index] = 1;
        any = true;
      }
    });
    return any ? marks : null;
  });
}

function docHasAny(facet, ord, marks) {
  for (var i = facet.offsets[ord], end = facet.offsets[ord + 1]; i < end; i++) {
    if (marks[facet.values[i]]) return true;
  }
  return false;
}

/**
 * The ordinals (order kept) that match every facet with a selection: within a facet the
 * selected values are OR'ed, across facets AND'ed. A doc without a value in a facet does not
 * match a selection in it.
 */
function filterByFacets(meta, ordinals, selection) {
  var table = facetTable(meta);
  var selected = selectedIndexes(meta, selection);
  var active = [];
  table.forEach(function (facet, f) {
    if (selected[f]) active.push([facet, selected[f]]);
  });
  if (!active.length) return ordinals.slice();
  return ordinals.filter(function (ord) {
    if (ord < 0 || ord >= meta.count) return false;
    for (var i = 0; i < active.length; i++) {
      if (!docHasAny(active[i][0], ord, active[i][1])) return false;
    }
    return true;
  });
}

/**
 * Facet counts: {param: [count per value, in meta order]}, each the number of results that
 * ticking the value would give (a ticked value: the results that have it). In a facet F with
 * nothing ticked, that is the `ordinals` (the query's results before facet filtering) that
 * match every other facet's selection and have v. In a facet with a ticked value, ticking v as
 * well (OR within a facet) keeps every current result and adds those that fail only F and have
 * v: so the count is the current results plus those.
 */
function facetCounts(meta, ordinals, selection) {
  var table = facetTable(meta);
  var selected = selectedIndexes(meta, selection);
  var nFacets = table.length;
  var counts = table.map(function (facet) {
    return new Array(facet.size).fill(0);
  });
  var matching = 0;
  for (var n = 0; n < ordinals.length; n++) {
    var ord = ordinals[n];
    if (ord < 0 || ord >= meta.count) continue;
    var failed = -1;
    var failures = 0;
    for (var f = 0; f < nFacets && failures < 2; f++) {
      if (selected[f] && !docHasAny(table[f], ord, selected[f])) {
        failures++;
        failed = f;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) matching++;
    for (var g = 0; g < nFacets; g++) {
      if (failures === 1 && g !== failed) continue;
      // A current result counts for the values of a facet with a selection only where ticked.
      var facet = table[g];
      var into = counts[g];
      for (var i = facet.offsets[ord], end = facet.offsets[ord + 1]; i < end; i++) {
        var value = facet.values[i];
        if (failures === 0 && selected[g] && !selected[g][value]) continue;
        into[value]++;
      }
    }
  }
  var out = {};
  table.forEach(function (facet, index) {
    var marks = selected[index];
    out[facet.param] = marks ? counts[index].map(function (count, value) {
      return marks[value] ? count : count + matching;
    }) : counts[index];
  });
  return out;
}

/** The value id of an unknown fact (`tuntematon`), left out of a result's line when asked. */
var UNKNOWN_VALUE = 'tuntematon';

/**
 * Labels of a doc's values in one facet (meta order), or [] when the facet is absent;
 * without the unknown value when `skipUnknown`.
 */
function facetLabels(meta, param, ordinal, skipUnknown) {
  for (var i = 0; i < meta.facets.length; i++) {
    var facet = meta.facets[i];
    if (facet.param !== param) continue;
    var values = (meta.docs[param] || [])[ordinal] || [];
    return values.filter(function (v) {
      return facet.values[v] !== undefined && !(skipUnknown && facet.values[v].id === UNKNOWN_VALUE);
    }).map(function (v) {
      return facet.values[v].label;
    });
  }
  return [];
}
