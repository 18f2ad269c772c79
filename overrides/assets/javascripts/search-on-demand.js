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
  // On a slow phone the first result waited for one thing after another: Material's script, then the index and the
  // worker's script (both asked for only once Material's script had run), then the page's set-up, and only then
  // did the worker build the index. Now the tap starts all three downloads at once, and Material hands the index
  // to its worker before it sets up the rest of the page, so the index is built meanwhile.
  // Opened from a file (the offline copy) Material reads the index as a script, through its own worker shim, and
  // loads it only once the page is set up: there everything stays as Material does it.
  var fromFile = location.protocol === "file:";
  var configScript = document.getElementById("__config");
  var RealWorker = window.Worker;

  // The index: downloaded from here, and Material's own request for it (an XMLHttpRequest, which a preload does
  // not answer in Chromium) answered from that one download. The worker: created here, and handed to Material when
  // it asks for one.
  function startEarly(config, pageSetUp) {
    var index = new URL("search/search_index.json", new URL(config.base, location.href)).href;
    var download = fetch(index, { credentials: "same-origin" });
    var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
      this.searchIndex = method === "GET" && new URL(url, location.href).href === index;
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      if (!this.searchIndex) return send.apply(this, arguments);
      XMLHttpRequest.prototype.open = open;
      XMLHttpRequest.prototype.send = send;
      var request = this;
      download.then(function (response) {
        return response.blob().then(function (blob) {
          Object.defineProperty(request, "status", { value: response.status });
          Object.defineProperty(request, "statusText", { value: response.statusText });
          Object.defineProperty(request, "response", { value: blob });
          request.dispatchEvent(new ProgressEvent("load"));
        });
      }).catch(function () { request.dispatchEvent(new ProgressEvent("error")); });
    };
    var address = new URL(config.search, location.href).href;
    var early = new RealWorker(address);
    window.Worker = function (url, options) {
      window.Worker = RealWorker;
      var worker = new URL(url, location.href).href === address ? early : new RealWorker(url, options);
      var post = worker.postMessage;
      worker.postMessage = function (message) {
        var sent = post.apply(worker, arguments);
        if (message && message.type === 0) setTimeout(pageSetUp, 0);  // 0: Material's "here is the index"
        return sent;
      };
      return worker;
    };
  }

  var started = false;
  function start() {
    if (started) return;
    started = true;
    // The theme's rules only its script needs (results, tooltips: scripts/trim_theme_css.py), with the script.
    var css = deferred.getAttribute("data-css");
    if (css) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = css;
      document.head.appendChild(link);
    }
    var raised = false;
    function setUpPage() {  // Material sets up the page on DOMContentLoaded, long past: raise it once more
      if (raised) return;
      raised = true;
      document.dispatchEvent(new Event("DOMContentLoaded"));
    }
    var early = !fromFile && configScript && RealWorker && window.fetch;
    if (early) startEarly(JSON.parse(configScript.textContent), setUpPage);
    var script = document.createElement("script");
    script.src = deferred.getAttribute("data-src");
    script.onload = function () {
      if (early) setTimeout(setUpPage, 3000);  // at the latest: the index may be slow to come, or fail
      else setUpPage();
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
    };
    document.body.appendChild(script);
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
