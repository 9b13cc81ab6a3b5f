// Live reload for `guide serve`. Added to each page by the dev server only;
// never part of the built site.
//
// It listens to the server's events: "reload" after a good build (the page
// reloads and keeps its scroll position), "errors" after a failed one (an
// overlay lists every error; the next good build removes it), "warnings"
// as it connects to a build that has some (a panel in a corner, closed, that
// lists them when opened; "Hide" hides the same list until it changes). It touches the
// page only through DOM and CSSOM calls (textContent, element.style), which a
// strict Content-Security-Policy allows from a same-origin script.
(function () {
  "use strict";

  var script = document.currentScript;
  var since = (script && script.dataset.build) || "";
  var scrollKey = "guide:scroll:" + location.pathname;
  var overlay = null;
  var warningsPanel = null;

  // Storage may be refused (private modes, settings): then scroll is not kept.
  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;
    }
  }

  function restoreScroll() {
    var s = storage();
    var y = s && s.getItem(scrollKey);
    if (y === null || y === undefined) return;
    s.removeItem(scrollKey);
    var scroll = function () { window.scrollTo(0, Number(y) || 0); };
    if (document.readyState === "complete") scroll();
    else window.addEventListener("load", scroll, { once: true });
  }

  function reload() {
    var s = storage();
    if (s) s.setItem(scrollKey, String(window.scrollY));
    hideErrors();
    location.reload();
  }

  function el(tag, style, text) {
    var e = document.createElement(tag);
    Object.assign(e.style, style || {});
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // position mirrors the terminal's "path:line:col", where 0 means unknown.
  function position(p) {
    return p.path + ":" + Math.max(1, p.line) + ":" + Math.max(1, p.col);
  }

  // problemList lists problems as the terminal does: path:line:col, message.
  function problemList(problems, margin) {
    var list = el("ul", { margin: margin, padding: "0", listStyle: "none" });
    problems.forEach(function (p) {
      var item = el("li", { margin: ".25rem 0" });
      item.appendChild(el("code", { fontWeight: "bold", marginRight: ".5rem", fontFamily: "ui-monospace, monospace" }, position(p)));
      item.appendChild(el("span", { whiteSpace: "pre-wrap" }, p.message));
      list.appendChild(item);
    });
    return list;
  }

  function button(text, color, onClick) {
    var b = el("button", {
      font: "inherit", padding: ".25rem .75rem", cursor: "pointer",
      border: "1px solid " + color, borderRadius: "4px", background: "#fff", color: color
    }, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function showErrors(problems) {
    hideErrors();
    overlay = el("section", {
      position: "fixed", top: "0", left: "0", right: "0", maxHeight: "70vh",
      overflow: "auto", zIndex: "2147483647", boxSizing: "border-box",
      padding: "1rem 1.25rem", background: "#fff8f6", color: "#1a1a1a",
      borderBottom: "4px solid #b3261e", boxShadow: "0 2px 12px rgba(0,0,0,.3)",
      font: "16px/1.5 system-ui, sans-serif", textAlign: "left"
    });
    // An alert is read out when it appears: the author hears the errors too.
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-labelledby", "guide-errors-title");

    var n = problems.length;
    var title = el("h2", { margin: "0 0 .5rem", font: "bold 1.1rem/1.4 system-ui, sans-serif", color: "#8c1d18" },
      (n === 1 ? "1 error" : n + " errors") + " in the last build. This page is the last good version.");
    title.id = "guide-errors-title";
    overlay.appendChild(title);

    overlay.appendChild(problemList(problems, "0 0 .75rem"));

    overlay.appendChild(button("Dismiss (Esc)", "#8c1d18", hideErrors));

    // First in the body, so it is first in the tab order too.
    document.body.insertBefore(overlay, document.body.firstChild);
    document.addEventListener("keydown", onKey);
  }

  function onKey(e) {
    if (e.key === "Escape") hideErrors();
  }

  function hideErrors() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    document.removeEventListener("keydown", onKey);
  }

  // showWarnings lists a good build's warnings in a closed panel at the
  // bottom of the page: there, but out of the way of the page being written.
  function showWarnings(data) {
    if (warningsPanel) warningsPanel.remove();
    var s = storage();
    if (s && s.getItem("guide:hidden-warnings") === data) return;
    var problems = JSON.parse(data);
    var n = problems.length;
    // A landmark of its own, so that nothing of the page is outside one.
    var panel = el("aside", {
      position: "fixed", bottom: "0", right: "0", maxWidth: "min(40rem, 100vw)", maxHeight: "50vh",
      overflow: "auto", zIndex: "2147483646", boxSizing: "border-box", padding: ".5rem 1rem",
      background: "#fffbea", color: "#1a1a1a", border: "2px solid #7a5a00",
      font: "14px/1.5 system-ui, sans-serif", textAlign: "left"
    });
    var title = (n === 1 ? "1 warning" : n + " warnings") + " in the last build";
    panel.setAttribute("aria-label", title);
    var details = el("details");
    details.appendChild(el("summary", { cursor: "pointer", fontWeight: "bold", color: "#5c4300" }, title));
    details.appendChild(problemList(problems, ".5rem 0"));
    details.appendChild(button("Hide until they change", "#5c4300", function () {
      if (s) s.setItem("guide:hidden-warnings", data);
      warningsPanel.remove();
      warningsPanel = null;
    }));
    panel.appendChild(details);
    // In a shadow root: the site's style sheet cannot restyle the panel,
    // and the page's own markup stays as built.
    var host = el("div");
    host.attachShadow({ mode: "open" }).appendChild(panel);
    document.body.appendChild(host);
    warningsPanel = host;
  }

  // connect opens the event stream. The browser reconnects by itself after
  // most failures, sending the last event id; when it gives up (the server
  // was down too long) a new stream is opened, naming the last build seen.
  function connect() {
    var source = new EventSource("/_guide/events?since=" + encodeURIComponent(since));
    source.addEventListener("reload", function (e) {
      since = e.lastEventId || since;
      reload();
    });
    source.addEventListener("errors", function (e) {
      since = e.lastEventId || since;
      showErrors(JSON.parse(e.data));
    });
    source.addEventListener("warnings", function (e) {
      since = e.lastEventId || since;
      showWarnings(e.data);
    });
    source.addEventListener("error", function () {
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    });
  }

  restoreScroll();
  connect();
})();
