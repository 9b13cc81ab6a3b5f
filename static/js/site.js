// site.js: small helpers on every page. Nothing here sends anything anywhere.
//
// - Quick exit: the "Leave this site" link replaces this page in the history,
//   so Back does not return here. Pressing Escape twice quickly does the same.
//   Without JavaScript the link still works as a plain link.
// - Main menu: opened on wide screens where CSS alone cannot show it.
// - Counsellors' index: "Copy link" buttons and "Print handouts".
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

  // Print handouts -------------------------------------------------------------
  var handoutTools = document.querySelector("[data-handout-tools]");
  if (handoutTools) {
    handoutTools.hidden = false;
    var printButton = handoutTools.querySelector('[data-action="print-handouts"]');
    if (printButton) {
      printButton.addEventListener("click", function () {
        var picked = document.querySelectorAll(".pick input:checked").length;
        if (picked === 0) {
          say("Tick at least one worksheet to print.");
          return;
        }
        window.print();
      });
    }
  }
})();
