/* Search that never ends on an empty panel (scripts/steps/search_per_language.py puts this file in front of Material's
   script, which is fetched only when the reader opens search: nothing here is on a first load).
   When a search finds nothing, Material says "No matching documents" and shows an empty list. Under it this shows
   the page's own "Get help now" box (its numbers as tel: links, in the reader's language), its last link named
   as the page it leads to, "What should I do now?" (each language's title, from its search index, is filled in
   by the build). */
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
    // Material's grey for this line ("No matching documents", "9 matching documents") is 4.4:1 on its panel, under
    // WCAG's 4.5:1; darker here rather than in site.css, which every page loads first.
    meta.style.color = "rgba(0, 0, 0, 0.7)";

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
      var link = items.lastElementChild && items.lastElementChild.querySelector("a[href]");
      var name = TITLES[document.documentElement.lang];
      if (link && name) link.textContent = name; // "All ways to get help" leads to that page: name it so
      help.appendChild(items);
    }
    result.insertBefore(help, list); // between: Material finds its text and list as the first and last children

    function update() {
      help.hidden = !(input.value.trim() && !list.children.length && meta.textContent.trim() === (none || "").trim());
    }
    new MutationObserver(update).observe(result, { childList: true, subtree: true, characterData: true });
    input.addEventListener("input", update);
  }

  helpForNoResults();
})();
