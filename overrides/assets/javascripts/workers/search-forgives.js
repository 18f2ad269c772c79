/* Search that forgives a typing slip, inside Material's search worker (scripts/steps/search_per_language.py appends this
   file to Material's worker, so it costs nothing until search opens). When a search finds nothing, each word of
   4 letters or more is looked up again among the index's words that differ from it by one letter (wrong,
   missing, extra, or two neighbours swapped): "groming" finds "grooming". (lunr's own fuzzy "word~1" misses
   some words, such as "housekeping", so the index's words are compared here.) Words found that way count as
   found, so Material does not list them as missing. */
(function () {
  "use strict";
  function near(a, b) {
    var m = a.length, n = b.length, i = 0, j = 0;
    if (a === b || Math.abs(m - n) > 1) return false;
    while (i < m && i < n && a[i] === b[i]) i++;
    while (j < m - i && j < n - i && a[m - 1 - j] === b[n - 1 - j]) j++;
    var da = m - i - j, db = n - i - j;
    return (da <= 1 && db <= 1) || (da === 2 && db === 2 && a[i] === b[i + 1] && a[i + 1] === b[i]);
  }

  var search = lunr.Index.prototype.search;
  lunr.Index.prototype.search = function (query) {
    var results = search.call(this, query);
    if (results.length) return results;
    var words = [];
    query.split(/\s+/).forEach(function (term) {
      var word = term.replace(/\*$/, "").toLowerCase();  // Material adds "*" to each word it does not mark
      if (/^[^+\-~^:*]+$/.test(word) && word.length >= 4) words.push(word);
    });
    if (!words.length) return results;
    var known = this.forgivenTerms || (this.forgivenTerms = Object.keys(this.invertedIndex));
    var close = known.filter(function (term) {  // the index keeps punctuation: "housekeeping," is a word there
      var bare = term.replace(/^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu, "");
      return term.indexOf("*") < 0 && words.some(function (word) { return near(word, bare); });
    });
    if (!close.length) return results;
    results = this.query(function (q) { q.term(close, { usePipeline: false }); });
    results.forEach(function (result) {
      words.forEach(function (word) {
        if (!(word in result.matchData.metadata)) result.matchData.metadata[word] = {};
      });
    });
    return results;
  };
})();
