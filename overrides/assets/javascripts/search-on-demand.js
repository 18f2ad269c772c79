/* Load Material's script only when the reader opens search.
   Reading, the menus, the language list and quick exit need no script from Material; only search does. Its
   script (about 35 KB compressed) and search index are therefore fetched on the first use of search, which
   keeps the first load of every page small on a slow connection. The page template renders Material's
   <script> as type="text/plain" data-on-demand with its address in data-src, so the browser does not fetch it; this file does, once.
   Material's script starts on DOMContentLoaded, which has already happened by then, so it is raised again
   for it (no script of this site listens for that event). */
(function () {
  "use strict";
  var deferred = document.querySelector("script[data-on-demand]");
  if (!deferred) return;
  // Material's search is a dialog without a name; give it the search box's own label.
  var dialog = document.querySelector(".md-search[role='dialog']");
  var box = document.querySelector(".md-search__input");
  if (dialog && box && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", box.getAttribute("aria-label") || box.getAttribute("placeholder") || "");
  }

  var toggle = document.getElementById("__search");

  // Coming back to a page (Back, Forward, reload), a browser may bring its checkboxes back as they were, and so
  // reopen the menu or search. Material stopped that with autocomplete="off" on the two toggles, which HTML does
  // not allow on a checkbox (scripts/valid_html.py removes it); close them here instead, as a new page has them.
  // Firefox brings them back while the page is read, Chromium just before "pageshow": close them at both times.
  // A page kept whole in the back-forward cache (event.persisted) is shown as the reader left it, as before.
  var navigation = window.performance && performance.getEntriesByType && performance.getEntriesByType("navigation")[0];
  if (navigation && (navigation.type === "back_forward" || navigation.type === "reload")) {
    var closeToggles = function () {
      ["__drawer", "__search"].forEach(function (id) {
        var box = document.getElementById(id);
        if (box) box.checked = false;
      });
    };
    closeToggles();
    window.addEventListener("pageshow", function (event) { if (!event.persisted) closeToggles(); }, { once: true });
  }
  // Material asks for the search index only once its own script has arrived and run: on a slow link the two
  // downloads came one after the other. Ask for the index at the tap, beside the script, and answer Material's
  // own request for it (an XMLHttpRequest for a blob, its only one to that address) with this copy, so it is
  // downloaded once. Opened from a file, Material loads the index as a script instead: nothing to do.
  function askForTheIndex() {
    var config;
    try {
      config = JSON.parse(document.getElementById("__config").textContent);
    } catch (error) {
      return;
    }
    if (location.protocol === "file:" || !window.fetch || !window.Blob) return;
    // The worker's script too: its address is content-named and cached for a year, so when Material starts the
    // worker, the browser takes it from its cache (or from this download, still under way).
    fetch(new URL(config.search, location.href).href).catch(function () {});
    var address = new URL("search/search_index.json", new URL(config.base, location.href)).href;
    var index = fetch(address).then(function (response) {
      if (!response.ok) throw new Error(response.statusText);
      return response.blob();
    });
    index.catch(function () {});  // a failure is handled when Material asks (below); unasked, it is no error
    var open = XMLHttpRequest.prototype.open;
    var send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      var request = this;
      if (String(method).toUpperCase() === "GET" && new URL(String(url), location.href).href === address) {
        XMLHttpRequest.prototype.open = open;
        request.send = function () {
          index.then(function (blob) {
            Object.defineProperty(request, "status", { value: 200 });
            Object.defineProperty(request, "response", { value: blob });
            request.dispatchEvent(new Event("load"));
          }, function () {
            send.call(request);  // the early request failed: Material's own goes out as it always did
          });
        };
      }
      return open.apply(this, arguments);
    };
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    askForTheIndex();
    // The theme's rules only its script needs (results, tooltips: scripts/steps/trim_theme_css.py), with the script.
    // Material starts once both have arrived: it measures a tooltip when it shows it, and before those rules
    // had arrived it measured one as wide as the screen and drew it away from its button.
    var waiting = 1;
    function arrived() {
      if (--waiting === 0) run();
    }
    var css = deferred.getAttribute("data-css");
    if (css) {
      waiting += 1;
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = css;
      link.onload = link.onerror = arrived;  // a stylesheet that fails must not keep search from starting
      document.head.appendChild(link);
    }
    var script = document.createElement("script");
    script.src = deferred.getAttribute("data-src");
    script.onload = arrived;
    document.body.appendChild(script);
  }

  function run() {
    document.dispatchEvent(new Event("DOMContentLoaded"));
    setTimeout(function () {
      // Material starts search when its toggle changes (and, opened from a file, only then loads the index):
      // tell it search is open. It reads the query on key-up: replay one for words typed while it loaded.
      if (toggle) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      var input = document.querySelector(".md-search__input");
      if (input && input.value) input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }, 0);
  }

  // Never let the search form submit: that would put the search words into the address bar.
  var form = document.querySelector("form[name='search']");
  if (form) form.addEventListener("submit", function (event) { event.preventDefault(); });

  if (toggle) toggle.addEventListener("change", start);
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) start();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest(".md-search, label[for='__search']")) start();
  }, { passive: true });
})();
