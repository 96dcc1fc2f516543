/*
 * The finder's own words in each language: the status line and the loading and error messages.
 */

/**
 * The finder's own words in each language (data-lang chooses): the status line's parts, the
 * loading and error messages. Contributor text (a query) is only ever put in with textContent.
 */
var MESSAGES = {
  fi: {
    loading: 'Ladataan hakua…',
    error: 'Haku ei latautunut. Tarkista verkkoyhteys ja lataa sivu uudelleen.',
    count: function (n) { return n === 1 ? '1 tulos' : n + ' tulosta'; },
    forQuery: function (q) { return ' haulla ”' + q + '”'; },
    none: function (q) { return 'Ei tuloksia haulla ”' + q + '”. '; },
    tryWord: 'Kokeile toista sanaa.',
    tryWordOrFacets: 'Kokeile toista sanaa tai poista rajauksia.',
    noneSelected: 'Ei tuloksia valituilla rajauksilla. Poista rajauksia.',
    didYouMean: function (q) { return 'Tarkoititko ”' + q + '”? '; },
    partial: 'Mikään tulos ei sisällä kaikkia hakusanoja; tässä osumat osalle niistä. '
  },
  sv: {
    loading: 'Sökningen laddas…',
    error: 'Sökningen kunde inte laddas. Kontrollera nätverksanslutningen och ladda om sidan.',
    count: function (n) { return n === 1 ? '1 träff' : n + ' träffar'; },
    forQuery: function (q) { return ' för ”' + q + '”'; },
    none: function (q) { return 'Inga träffar för ”' + q + '”. '; },
    tryWord: 'Pröva ett annat ord.',
    tryWordOrFacets: 'Pröva ett annat ord eller ta bort några val.',
    noneSelected: 'Inga träffar med de valda avgränsningarna. Ta bort några val.',
    didYouMean: function (q) { return 'Menade du ”' + q + '”? '; },
    partial: 'Inget resultat innehåller alla sökord; här är träffar för en del av dem. '
  },
  en: {
    loading: 'Loading the search…',
    error: 'The search did not load. Check your network connection and reload the page.',
    count: function (n) { return n === 1 ? '1 result' : n + ' results'; },
    forQuery: function (q) { return ' for “' + q + '”'; },
    none: function (q) { return 'No results for “' + q + '”. '; },
    tryWord: 'Try another word.',
    tryWordOrFacets: 'Try another word or remove some of the choices.',
    noneSelected: 'No results with the chosen options. Remove some of the choices.',
    didYouMean: function (q) { return 'Did you mean “' + q + '”? '; },
    partial: 'No result has all the words; these match some of them. '
  }
};

function messagesOf(lang) {
  return MESSAGES[languageOf(lang)];
}

/** The status line for a completed render, in the page's language (Finnish by default). */
function statusText(query, count, filtered, lang) {
  var m = messagesOf(lang);
  var q = String(query || '').trim();
  if (count === 0) {
    if (q) return m.none(q) + (filtered ? m.tryWordOrFacets : m.tryWord);
    return m.noneSelected;
  }
  var n = m.count(count);
  return q ? n + m.forQuery(q) : n;
}

/**
 * What the status line says before the count when findOrdinals changed the query: that the
 * typed query found nothing and the corrected one ("Tarkoititko …?"), and that the results
 * match only some of the words. The visitor always sees what they typed.
 */
function noteText(found, lang, typed) {
  var m = messagesOf(lang);
  var note = '';
  var q = String(typed || '').trim();
  if (found && found.corrected) note += (q ? m.none(q) : '') + m.didYouMean(found.corrected);
  if (found && found.partial) note += m.partial;
  return note;
}
