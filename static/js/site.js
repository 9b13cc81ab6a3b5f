// site.js: small helpers on every page. Nothing here sends anything anywhere.
//
// - Quick exit: the "Leave this site" link replaces this page in the history,
//   so Back does not return here. Pressing Escape twice quickly does the same.
//   Without JavaScript the link still works as a plain link.
// - Main menu: opened on wide screens where CSS alone cannot show it.
// - Copy link buttons (the counsellors' index).
// - Offline: registers the service worker that the page names.
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
    try { document.title = "New tab"; } catch (e) { /* ignore */ }
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

  // Main menu ----------------------------------------------------------------
  // On a phone the menu sits closed behind its "Menu" summary. On a wider
  // screen site.css shows it always, where the browser can style
  // ::details-content; elsewhere this opens it (and site.css hides the summary).
  var menu = document.querySelector("details[data-site-menu]");
  var canStyle = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (menu && !canStyle && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 40.0625em)");
    var fit = function () {
      if (wide.matches) {
        menu.open = true;
        menu.classList.add("menu-shown");
      } else if (menu.classList.contains("menu-shown")) {
        menu.classList.remove("menu-shown");
        menu.open = false;
      }
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
    var label = button.firstChild ? button.firstChild.textContent : "Copy link";
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.textContent.trim();
      function done() {
        button.firstChild.textContent = "Copied";
        say("Link copied: " + text);
        setTimeout(function () { button.firstChild.textContent = label; }, 2500);
      }
      function fallback() {
        if (copyFallback(target)) {
          done();
        } else {
          selectText(target);
          say("The link is selected. Copy it with your keyboard or menu.");
        }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else {
        fallback();
      }
    });
  });

  // Offline ------------------------------------------------------------------
  // The script tag names the service worker that keeps the site on this
  // device for offline use (internal/offline); guide serve names none.
  var script = document.currentScript;
  var worker = script && script.getAttribute("data-worker");
  var registering = Promise.resolve();
  if (worker && "serviceWorker" in navigator) {
    registering = navigator.serviceWorker.register(worker).catch(function () {
      // Not kept offline this time (private mode, storage full): the site works as it is.
    });
  }

  // Forget this site on this device -------------------------------------------
  // Removes everything the site keeps in this browser: kept answers and any
  // other storage, the offline copy (caches) and the service worker. The
  // block comes from templates/_forget.html; it sits under the heading
  // "Forget this site on this device" of the page's text.
  var forget = document.querySelector("[data-forget]");
  if (forget) {
    placeUnder(forget, document.getElementById("forget-this-site-on-this-device"));
    forget.hidden = false;
    var forgetStatus = forget.querySelector(".forget-status");
    forget.querySelector('[data-action="forget"]').addEventListener("click", function () {
      if (!window.confirm("Remove everything this site keeps on this device: kept answers, and the copy kept for offline use? This cannot be undone.")) return;
      forgetSite().then(function () {
        forgetStatus.textContent = "Done: this site keeps nothing on this device now. Your browser’s history may still list its pages; to remove them, clear your history. Opening another page of this site here keeps a new offline copy, so close this tab when you are done.";
      }, function () {
        forgetStatus.textContent = "Not everything could be removed. Use your browser’s settings to clear this site’s data.";
      });
    });
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
