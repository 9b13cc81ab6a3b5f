// site.js: small helpers on every page. Nothing here sends anything anywhere.
// Every word it shows comes from the page: data attributes of the templates,
// and the strings block (t, strings.js).
//
// - Quick exit: the "Leave this site" link replaces this page in the history,
//   so Back does not return here. Pressing Escape twice quickly does the same.
//   Without JavaScript the link still works as a plain link.
// - Main menu and "On this page": opened on wide screens where CSS alone
//   cannot show them.
// - Copy link buttons (the counsellors' index).
// - Print button (the whole guide, /print/).
// - Offline, only when the reader asks ("Keep the guide on this device"):
//   registers the service worker that the page names. Until then no worker is
//   registered, and nothing is fetched ahead or kept.
// - "Forget this site on this device" (about, safety): removes all it keeps.
(function () {
  "use strict";

  // Quick exit ---------------------------------------------------------------
  var exit = document.querySelector("[data-quick-exit]");
  function leave(event) {
    if (!exit) return;
    if (event) event.preventDefault();
    // Hide the page at once, in case the next site is slow to load.
    document.documentElement.hidden = true;
    try { document.title = t("exit.title"); } catch (e) { /* ignore */ }
    location.replace(exit.href);
  }
  if (exit) {
    exit.addEventListener("click", function (event) {
      // Let a modified click (new tab, etc.) do what the reader asked for.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      leave(event);
    });
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") {
        lastEscape = 0; // another key in between: not a double press
        return;
      }
      var now = Date.now();
      if (now - lastEscape < 800) {
        leave(event);
      }
      lastEscape = now;
    });
  }
  // If the page comes back from the back-forward cache after a quick exit, show it.
  window.addEventListener("pageshow", function () {
    document.documentElement.hidden = false;
  });

  // Main menu and "On this page" ---------------------------------------------
  // On a phone they sit closed behind their summaries. On a wider screen
  // site.css shows them always, where the browser can style
  // ::details-content; this opens them too, so that they say they are open
  // (and, elsewhere, are), and site.css hides the menu's summary.
  var folds = document.querySelectorAll("details[data-site-menu], details[data-toc]");
  if (folds.length && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 40.0625em)");
    var fit = function () {
      Array.prototype.forEach.call(folds, function (fold) {
        if (wide.matches) {
          fold.open = true;
          fold.classList.add("menu-shown");
        } else if (fold.classList.contains("menu-shown")) {
          fold.classList.remove("menu-shown");
          fold.open = false;
        }
      });
    };
    fit();
    if (wide.addEventListener) wide.addEventListener("change", fit);
    else if (wide.addListener) wide.addListener(fit);
  }

  // Copy link ----------------------------------------------------------------
  var status = document.querySelector("[data-copy-status]");
  function say(message) {
    if (!status) return;
    status.textContent = "";
    // A fresh message is announced even when it repeats.
    setTimeout(function () { status.textContent = message; }, 50);
  }
  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copyFallback(node) {
    selectText(node);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    return ok;
  }
  var copyButtons = document.querySelectorAll("button[data-copy]");
  Array.prototype.forEach.call(copyButtons, function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) return;
    var label = button.firstChild ? button.firstChild.textContent : t("copy.link");
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.textContent.trim();
      function done() {
        button.firstChild.textContent = t("copy.done");
        say(t("copy.copied", { link: text }));
        setTimeout(function () { button.firstChild.textContent = label; }, 2500);
      }
      function fallback() {
        if (copyFallback(target)) {
          done();
        } else {
          selectText(target);
          say(t("copy.selected"));
        }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });

  // Print the page -------------------------------------------------------------
  var printPage = document.querySelector("[data-print-page]");
  if (printPage) {
    printPage.hidden = false;
    printPage.querySelector("button").addEventListener("click", function () { window.print(); });
  }

  // Offline, when the reader asks ----------------------------------------------------
  // The script tag names the service worker that keeps the site on this
  // device for offline use (internal/offline); guide serve names none. It is
  // registered only by the button of templates/_offline.html: a registration
  // already there is the record of that choice, and the browser itself
  // looks for a new /sw.js on each visit while it lasts.
  var script = document.currentScript;
  var worker = script && script.getAttribute("data-worker");
  var canKeep = !!worker && "serviceWorker" in navigator;
  var registering = Promise.resolve();
  var offline = document.querySelector("[data-offline]");
  if (offline && canKeep) {
    var forgetHeading = headingOfForget();
    if (forgetHeading) forgetHeading.parentNode.insertBefore(offline, forgetHeading);
    var offlineStatus = offline.querySelector(".offline-status");
    var keepButton = offline.querySelector('[data-action="keep-offline"]');
    var showKept = function (message) {
      offlineStatus.textContent = message;
      keepButton.hidden = true;
    };
    navigator.serviceWorker.getRegistration().then(function (r) {
      if (r) showKept(offline.getAttribute("data-kept"));
    }, function () { /* no answer: offer the choice */ });
    keepButton.addEventListener("click", function () {
      var failed = function () {
        // Not kept (private mode, storage full): the site works as it is.
        offlineStatus.textContent = offline.getAttribute("data-failed");
      };
      registering = navigator.serviceWorker.register(worker).then(function (r) {
        var w = r.installing;
        if (w) {
          w.addEventListener("statechange", function () {
            if (w.state === "redundant") failed();
          });
        }
        return navigator.serviceWorker.ready.then(function () {
          showKept(offline.getAttribute("data-done"));
        });
      }, failed);
    });
    offline.hidden = false;
  }

  // Forget this site on this device -------------------------------------------
  // Removes everything the site keeps in this browser: kept answers and any
  // other storage, the offline copy (caches) and the service worker. The
  // block comes from templates/_forget.html; it sits under the heading of
  // the page's text that names it, in the page's language.
  var forget = document.querySelector("[data-forget]");
  if (forget) {
    placeUnder(forget, headingOfForget());
    forget.hidden = false;
    var forgetStatus = forget.querySelector(".forget-status");
    forget.querySelector('[data-action="forget"]').addEventListener("click", function () {
      if (!window.confirm(forget.getAttribute("data-confirm"))) return;
      forgetSite().then(function () {
        forgetStatus.textContent = forget.getAttribute("data-done");
        if (offline) {
          offline.querySelector('[data-action="keep-offline"]').hidden = false;
          offline.querySelector(".offline-status").textContent = "";
        }
      }, function () {
        forgetStatus.textContent = forget.getAttribute("data-failed");
      });
    });
  }

  // headingOfForget returns the heading of the page's text whose words are
  // those of the "Forget this site on this device" button, or null.
  function headingOfForget() {
    var button = document.querySelector('[data-forget] [data-action="forget"]');
    var body = document.querySelector("main .body");
    if (!button || !body) return null;
    var words = squeeze(button.textContent);
    var headings = body.querySelectorAll("h2, h3, h4, h5, h6");
    for (var i = 0; i < headings.length; i++) {
      if (squeeze(headings[i].textContent) === words) return headings[i];
    }
    return null;
  }

  function squeeze(text) {
    return text.replace(/\s+/g, " ").trim().toLowerCase();
  }

  // placeUnder moves block to the end of the heading's text: before the
  // next heading of the same level or above.
  function placeUnder(block, heading) {
    if (!heading) return;
    var level = heading.tagName.slice(1);
    var last = heading;
    for (var next = last.nextElementSibling; next; next = next.nextElementSibling) {
      if (/^H[1-6]$/.test(next.tagName) && next.tagName.slice(1) <= level) break;
      last = next;
    }
    last.parentNode.insertBefore(block, last.nextSibling);
  }

  function forgetSite() {
    try {
      window.localStorage.clear();
      window.sessionStorage.clear();
    } catch (e) { /* storage turned off: nothing kept there */ }
    return forgetWorkers().then(forgetCaches);
  }

  function forgetWorkers() {
    if (!("serviceWorker" in navigator)) return Promise.resolve();
    return registering.then(function () {
      return navigator.serviceWorker.getRegistrations();
    }).then(function (registrations) {
      // A worker still installing would fill its cache after it is deleted:
      // let it finish first.
      return Promise.all(registrations.map(settled)).then(function () {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      });
    });
  }

  function forgetCaches() {
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    });
  }

  // settled resolves once the registration has no worker installing.
  function settled(registration) {
    var w = registration.installing;
    if (!w) return Promise.resolve();
    return new Promise(function (resolve) {
      w.addEventListener("statechange", function () {
        if (w.state !== "installing") resolve();
      });
    });
  }
})();
