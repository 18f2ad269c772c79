/* Quick exit, on top of the plain links in overrides/partials/quick-exit.html and skip-links.html.
 *
 * Without this file the links still go to the neutral page. With it:
 *  - the exit button and the "Exit this page now" skip link hide the page at once behind an overlay that screen
 *    readers announce, blank the tab title, remove this site's keys from browser storage, then leave with
 *    location.replace(), so Back on the neutral page does not come back to this page;
 *  - Shift pressed on its own 3 times, with no more than 5 seconds between presses, does the same (GOV.UK's rule);
 *  - Escape pressed 2 times within 1 second does the same (NSW's rule), except while Escape has another job:
 *    typing in a field (it may clear or close it) or with Material's search or navigation drawer open (it closes
 *    them). Escape never counts there, so closing search with Escape and pressing it again does not exit;
 *  - a page brought back by the browser's back/forward cache is made usable again;
 *  - on help/quick-exit/, a practice mode lets a reader try all of this without leaving.
 * It writes nothing to storage, cookies or the address. It is a file, not an inline script (strict CSP).
 */
(function () {
  "use strict";

  var bar = document.querySelector("[data-quick-exit]");
  if (!bar || bar.hasAttribute("data-quick-exit-ready")) return;  // bind once, even if loaded twice
  bar.setAttribute("data-quick-exit-ready", "");

  var SHIFT_PRESSES = 3, SHIFT_GAP = 5000;    // ms allowed between Shift presses
  var ESCAPE_PRESSES = 2, ESCAPE_GAP = 1000;
  var PRACTICE_LENGTH = 60000, PRACTICE_PAUSE = 3000;
  // A zero-width space, not " ": Chromium drops an all-blank title and shows the page's address in the tab instead.
  var BLANK_TITLE = "\u200b";

  var text = bar.dataset;                     // translated messages, rendered by the template
  var button = bar.querySelector(".quick-exit__button");
  var status = bar.querySelector("[data-quick-exit-status]");
  var destination = button.href;
  var pageTitle = document.title;
  var overlay = null;
  var shift = { count: 0, timer: 0 };
  var escape = { count: 0, timer: 0 };
  var lastKeyHadShift = false;
  var clearTimer = 0;

  // Three dots that fill in as Shift is pressed; built here because without JavaScript there is no shortcut.
  var dots = document.createElement("span");
  dots.className = "quick-exit__dots";
  dots.setAttribute("aria-hidden", "true");
  for (var i = 0; i < SHIFT_PRESSES; i += 1) dots.appendChild(document.createElement("span"));
  button.appendChild(dots);

  function say(message, clearAfter) {
    clearTimeout(clearTimer);
    status.textContent = message || "";
    if (message && clearAfter) clearTimer = setTimeout(say, clearAfter);
  }

  function showDots(count) {
    dots.classList.toggle("is-counting", count > 0);
    for (var i = 0; i < dots.children.length; i += 1) dots.children[i].classList.toggle("is-on", i < count);
  }

  // Material keeps its keys under the site's scope ("/.__palette" …); other sites on this host keep theirs.
  function removeSiteStorage() {
    var prefix = (window.__md_scope ? window.__md_scope.pathname : "/") + ".";
    ["localStorage", "sessionStorage"].forEach(function (name) {
      try {
        var store = window[name];
        for (var i = store.length - 1; i >= 0; i -= 1) {
          var key = store.key(i);
          if (key !== null && key.indexOf(prefix) === 0) store.removeItem(key);
        }
      } catch (error) { /* storage switched off in this browser: nothing of ours is in it */ }
    });
  }

  function leave(event) {
    if (event) event.preventDefault();
    resetKeys();
    say("");
    document.body.classList.add("quick-exit-leaving");
    overlay = document.createElement("div");
    overlay.className = "quick-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = text.overlay;        // after insertion, so screen readers announce it (as GOV.UK does)
    document.title = BLANK_TITLE;
    if (practice.on) return practice.finish();
    removeSiteStorage();
    window.location.replace(destination);
  }

  function restore() {
    if (overlay) overlay.remove();
    overlay = null;
    document.body.classList.remove("quick-exit-leaving");
    document.title = pageTitle;
    resetKeys();
    say("");
  }

  function resetKeys() {
    clearTimeout(shift.timer);
    clearTimeout(escape.timer);
    shift.count = escape.count = 0;
    showDots(0);
  }

  function expireShift() {
    clearTimeout(shift.timer);
    shift.count = 0;
    showDots(0);
    say(text.expired, 5000);
  }

  function escapeHasAnotherJob(target) {
    var search = document.getElementById("__search"), drawer = document.getElementById("__drawer");
    if ((search && search.checked) || (drawer && drawer.checked)) return true;
    return Boolean(target && target.closest &&
      (target.isContentEditable || target.closest("input, textarea, select, [role=combobox], [role=listbox]")));
  }

  // Shift is counted on key-up, and only when the key before it was not typed with Shift held: capitals typed
  // in search never count. Nor does Shift with Alt, Ctrl or Meta (Alt+Shift switches keyboard language on
  // Windows). Any other key ends the sequence. Capture phase: no other script can stop us seeing it.
  document.addEventListener("keyup", function (event) {
    if (overlay) return;
    var alone = !lastKeyHadShift && !event.altKey && !event.ctrlKey && !event.metaKey;
    if (event.key === "Shift" && alone) {
      clearTimeout(shift.timer);
      shift.count += 1;
      showDots(shift.count);
      if (shift.count >= SHIFT_PRESSES) leave();
      else {
        say(shift.count === 1 ? text.shiftTwo : text.shiftOne);
        shift.timer = setTimeout(expireShift, SHIFT_GAP);
      }
    } else if (event.key !== "Shift" && shift.count) {
      expireShift();
    }
    lastKeyHadShift = event.shiftKey;
  }, true);

  document.addEventListener("keydown", function (event) {
    if (overlay) return;
    var counts = event.key === "Escape" && !event.repeat && !event.ctrlKey && !event.altKey && !event.metaKey &&
      !event.shiftKey && !escapeHasAnotherJob(event.target);
    if (!counts) {
      if (escape.count) { escape.count = 0; clearTimeout(escape.timer); say(""); }
      return;
    }
    clearTimeout(escape.timer);
    escape.count += 1;
    if (escape.count >= ESCAPE_PRESSES) return leave();
    say(text.escapeOne);
    // A single Escape is common (closing things), so its message just clears; no "expired" announcement.
    escape.timer = setTimeout(function () { escape.count = 0; say(""); }, ESCAPE_GAP);
  }, true);

  document.querySelectorAll("[data-quick-exit-link]").forEach(function (link) {
    link.addEventListener("click", leave);
  });

  // Back to this page from the back/forward cache: without this it would still be hidden behind the overlay.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) restore();
  });

  /* Practice mode, on help/quick-exit/ only. While it is on (one try, at most a minute), the button, the skip
     link and the keys hide the page as they really would, then bring it back instead of leaving. */
  var practice = { on: false, timer: 0, area: document.querySelector("[data-quick-exit-practice]") };
  practice.set = function (on, message) {
    practice.on = on;
    clearTimeout(practice.timer);
    if (on) practice.timer = setTimeout(function () { practice.set(false, practice.area.dataset.off); }, PRACTICE_LENGTH);
    practice.toggle.setAttribute("aria-pressed", String(on));
    practice.status.textContent = message;
  };
  practice.finish = function () {
    practice.set(false, "");
    setTimeout(function () {
      restore();
      practice.status.textContent = practice.area.dataset.done;
      practice.toggle.focus();
    }, PRACTICE_PAUSE);
  };
  if (practice.area) {
    practice.toggle = practice.area.querySelector("button");
    practice.status = practice.area.querySelector("[role=status]");
    practice.toggle.addEventListener("click", function () {
      practice.set(!practice.on, practice.on ? practice.area.dataset.off : practice.area.dataset.on);
    });
    practice.area.hidden = false;
  }
})();
