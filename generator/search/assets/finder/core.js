/*
 * The pure core's exports: for Node (module.exports, by main.js) and the browser (window.kkFinderCore).
 */

var core = {
  LANGUAGES: LANGUAGES,
  MESSAGES: MESSAGES,
  languageOf: languageOf,
  prefixOf: prefixOf,
  passesOf: passesOf,
  passLanguages: passLanguages,
  queryPasses: queryPasses,
  shardsForPasses: shardsForPasses,
  searchPasses: searchPasses,
  shardFile: shardFile,
  reduceGradation: reduceGradation,
  stemsOf: stemsOf,
  shardsFor: shardsFor,
  mergeShards: mergeShards,
  search: search,
  searchShards: searchShards,
  lunrExpansionOrder: lunrExpansionOrder,
  browse: browse,
  filterByFacets: filterByFacets,
  facetCounts: facetCounts,
  RESULT_LINE: RESULT_LINE,
  metaLine: metaLine,
  docPath: docPath,
  textLanguage: textLanguage,
  summaryLanguage: summaryLanguage,
  chunksFor: chunksFor,
  parseState: parseState,
  stateToSearch: stateToSearch,
  hasSelection: hasSelection,
  statusText: statusText
};
