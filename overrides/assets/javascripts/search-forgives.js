/* Search that never ends on an empty panel (scripts/search_per_language.py puts this file in front of Material's
   script, which is fetched only when the reader opens search: nothing here is on a first load).
   When a search finds nothing, Material says "No matching documents" and shows an empty list. Under it this shows
   the page's own "Get help now" box (its numbers as tel: links, in the reader's language) with a first link to
   "What should I do now?" (its title, from each language's search index, is filled in by the build). */
(function () {
  "use strict";
  var TITLES = {}; // {"en": "What should I do now?", …}: search_per_language.py writes the titles here

  function helpForNoResults() {
    var result = document.querySelector(".md-search-result");
    var list = result && result.querySelector(".md-search-result__list");
    var meta = result && result.querySelector(".md-search-result__meta");
    var box = document.querySelector(".help-now");
    var input = document.querySelector(".md-search__input");
    var config = document.getElementById("__config");
    if (!list || !meta || !box || !input || !config) return;
    var none = (JSON.parse(config.textContent).translations || {})["search.result.none"];

    // A copy of the box, as a plain block: the dialog is a search landmark, and ids must stay unique.
    var help = document.createElement("div");
    help.className = "help-now md-typeset search-help";
    help.hidden = true;
    var title = box.querySelector(".help-now__title");
    var items = box.querySelector(".help-now__list");
    if (title) {
      title = title.cloneNode(true);
      title.removeAttribute("id");
      help.appendChild(title);
    }
    if (items) {
      items = items.cloneNode(true);
      var last = items.lastElementChild;
      var link = last && last.querySelector("a[href]");
      var name = TITLES[document.documentElement.lang];
      if (link && name) { // "All ways to get help" leads to the "What should I do now?" page: name it so, first
        var first = last.cloneNode(true);
        first.querySelector("a").textContent = name;
        items.insertBefore(first, items.firstChild);
      }
      help.appendChild(items);
    }
    list.parentNode.insertBefore(help, list.nextSibling);

    function update() {
      help.hidden = !(input.value.trim() && !list.children.length && meta.textContent.trim() === (none || "").trim());
    }
    new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
    input.addEventListener("input", update);
  }

  helpForNoResults();
})();
