/* The lunr language scripts the indexes name (lunr.stemmer.support, lunr.fold) are joined into Material's search
   worker just before this file (scripts/steps/search_per_language.py). Material's worker would still fetch them, one
   after the other and only once the index has arrived: two more round trips before the first result on a slow
   phone. Here its importScripts skips the ones already joined. */
(function () {
  "use strict";
  var JOINED = [];
  var load = self.importScripts;
  self.importScripts = function () {
    var rest = Array.prototype.filter.call(arguments, function (url) {
      return JOINED.indexOf(String(url).split("/").pop()) < 0;
    });
    return rest.length ? load.apply(self, rest) : undefined;
  };
})();
