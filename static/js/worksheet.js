// worksheet.js: fill in a worksheet; keep the answers on this device, but only
// if the reader asks; print them, save them as a file, or clear them.
// Nothing here sends anything anywhere: no fetch, no XHR, no beacons.
// Without JavaScript the fields are plain form controls and still work.
//
// The page it expects (templates/worksheet.html, internal/worksheet):
//
//   <div class="worksheet-tools" hidden>                      unhidden by this script
//     <input type="checkbox" id="keep-answers"> <label for="keep-answers">Keep my answers on this device</label>
//     <button type="button" data-action="print">Print</button>
//     <button type="button" data-action="save">Save my answers as a file</button>
//     <button type="button" data-action="clear">Clear my answers</button>
//     <p class="worksheet-status" role="status" aria-live="polite"></p>
//   </div>
//   <form class="worksheet" id="worksheet" action="#" method="post" autocomplete="off">
//     fields: each an element of class "worksheet-field" (plus "worksheet-text",
//     "worksheet-line", "worksheet-scale" or "worksheet-checkbox") with
//     data-field="the question", holding a named textarea, input[type=text],
//     radio buttons or a checkbox
//   </form>
//
// The toolbar may sit inside the form or outside it; its controls are never
// answers. The page's <h1> is the title of a saved file.
//
// Storage: one localStorage key per page, "guide:v1:" + the page's path,
// which exists only while the reader keeps answers ("Keep my answers" ticked;
// the key is the record of that choice too). Its value is JSON:
// {"answers": {name: value}}, value being the text typed, the scale value
// chosen, or true/false for a checkbox. Unticking the box or "Clear my
// answers" removes the key: nothing of the page is left on the device.
//
// Print: the browser prints a textarea's visible part only, so each textarea
// and one-line answer gets a sibling <div class="print-answer"> holding its
// text (as textContent, never HTML), kept up to date on input and before
// printing. The form gets the class "worksheet-js", and worksheet.css prints
// those boxes (ruled lines when empty) instead of the controls.
(function () {
  "use strict";

  var form = document.getElementById("worksheet");
  if (!form || form.tagName !== "FORM") return;
  var tools = document.querySelector(".worksheet-tools");
  var keep = document.getElementById("keep-answers");
  var status = tools && tools.querySelector(".worksheet-status");
  // "/worksheets/plan/index.html" and "/worksheets/plan" are "/worksheets/plan/".
  var key = "guide:v1:" + location.pathname.replace(/index\.html$/, "").replace(/\/?$/, "/");
  var store = openStorage();
  var timer = 0;

  function say(text) {
    if (status) status.textContent = text;
  }

  // openStorage returns localStorage, or null where it cannot be used:
  // reading it or writing to it throws in some private modes.
  function openStorage() {
    try {
      var s = window.localStorage;
      s.setItem("guide:probe", "1");
      s.removeItem("guide:probe");
      return s;
    } catch (e) {
      return null;
    }
  }

  // Answers ------------------------------------------------------------------

  function isText(el) {
    return el.type === "textarea" || el.type === "text";
  }

  // controls returns the form's answer controls, in page order.
  function controls() {
    var out = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || (tools && tools.contains(el))) continue;
      if (isText(el) || el.type === "checkbox" || el.type === "radio") out.push(el);
    }
    return out;
  }

  function read() {
    var answers = {};
    controls().forEach(function (el) {
      if (el.type === "checkbox") answers[el.name] = el.checked;
      else if (el.type === "radio") { if (el.checked) answers[el.name] = el.value; }
      else answers[el.name] = el.value;
    });
    return answers;
  }

  // fill puts answers back; a field missing from them is left as it is.
  function fill(answers) {
    controls().forEach(function (el) {
      if (!Object.prototype.hasOwnProperty.call(answers, el.name)) return;
      var v = answers[el.name];
      if (el.type === "checkbox") el.checked = v === true;
      else if (el.type === "radio") el.checked = el.value === v;
      else if (typeof v === "string") el.value = v;
    });
  }

  function empty() {
    controls().forEach(function (el) {
      if (isText(el)) el.value = "";
      else el.checked = false;
    });
  }

  // Storage --------------------------------------------------------------------

  function load() {
    if (!store) return null;
    try {
      var data = JSON.parse(store.getItem(key));
      if (data && data.answers && typeof data.answers === "object") return data;
    } catch (e) { /* not ours, or damaged: forget it below */ }
    forget();
    return null;
  }

  // save stores the answers if the reader keeps them. It returns false, and
  // stores nothing, when the browser refuses.
  function save() {
    clearTimeout(timer);
    timer = 0;
    if (!store || !keep || !keep.checked) return true;
    try {
      store.setItem(key, JSON.stringify({ answers: read() }));
      return true;
    } catch (e) {
      forget(); // never leave an older copy behind a box that says otherwise
      keep.checked = false;
      say("Your answers could not be kept: this browser's storage is full or turned off. Save them as a file or print them instead.");
      return false;
    }
  }

  function forget() {
    clearTimeout(timer);
    timer = 0;
    if (!store) return;
    try { store.removeItem(key); } catch (e) { /* nothing stored */ }
  }

  // Print ----------------------------------------------------------------------

  function mirror(el) {
    var box = el.nextElementSibling;
    if (!box || !box.classList.contains("print-answer")) {
      box = document.createElement("div");
      box.className = "print-answer";
      box.dir = "auto"; // as the control: right-to-left answers print right
      box.setAttribute("aria-hidden", "true");
      el.parentNode.insertBefore(box, el.nextSibling);
    }
    box.textContent = el.value.trim() ? el.value : "";
  }

  function mirrorAll() {
    controls().forEach(function (el) {
      if (isText(el)) mirror(el);
    });
  }

  function print() {
    mirrorAll();
    try {
      window.print();
    } catch (e) {
      say("Use your browser's Print command to print this page.");
    }
  }

  // Save as a file ---------------------------------------------------------------

  function oneLine(s) {
    return String(s).replace(/\s+/g, " ").trim();
  }

  function isoDate(d) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function longDate(d) {
    try {
      return d.toLocaleDateString(document.documentElement.lang || undefined,
        { year: "numeric", month: "long", day: "numeric" });
    } catch (e) {
      return isoDate(d);
    }
  }

  // fileText writes the questions and answers as plain text that reads as
  // markdown: a heading and its answer per question, checkboxes as "- [x]".
  function fileText(now) {
    var h1 = document.querySelector("h1");
    var lines = [
      "# " + oneLine(h1 ? h1.textContent : document.title),
      "",
      "Saved on " + longDate(now) + " from " + location.href.split(/[?#]/)[0]
    ];
    var inList = false;
    var fields = form.querySelectorAll(".worksheet-field");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      var question = oneLine(f.getAttribute("data-field") || "");
      if (f.classList.contains("worksheet-checkbox")) {
        var box = f.querySelector("input[type=checkbox]");
        if (!inList) lines.push("");
        lines.push("- [" + (box && box.checked ? "x" : " ") + "] " + question);
        inList = true;
        continue;
      }
      inList = false;
      var answer = "";
      if (f.classList.contains("worksheet-scale")) {
        var radios = f.querySelectorAll("input[type=radio]");
        var chosen = f.querySelector("input[type=radio]:checked");
        if (chosen) answer = chosen.value + " of " + radios[radios.length - 1].value;
      } else {
        var control = f.querySelector("textarea, input[type=text]");
        answer = control ? control.value.trim() : "";
      }
      lines.push("", "## " + question, "", answer || "(no answer)");
    }
    return lines.join("\n") + "\n";
  }

  function saveFile() {
    var now = new Date();
    var slug = location.pathname.split("/").filter(Boolean).pop() || "worksheet";
    var name = slug.replace(/\.html$/, "").replace(/[^a-z0-9-]+/gi, "-") + "-" + isoDate(now) + ".txt";
    try {
      var url = URL.createObjectURL(new Blob([fileText(now)], { type: "text/plain;charset=utf-8" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      say("Your answers were saved as " + name + ". Look for it in your downloads.");
    } catch (e) {
      say("This browser could not save a file. Print the page instead.");
    }
  }

  // Clear ------------------------------------------------------------------------------

  function clearAll() {
    if (!window.confirm("Clear all your answers on this page? This cannot be undone.")) return;
    empty();
    forget();
    if (keep) keep.checked = false;
    mirrorAll();
    say("Your answers were cleared. Nothing from this page is kept on this device.");
  }

  // Wiring -----------------------------------------------------------------------------

  // Answers never leave the page, even when the form would be submitted
  // (Enter in a one-line answer).
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  function changed(event) {
    var el = event.target;
    if (tools && tools.contains(el)) return;
    if (isText(el)) mirror(el);
    if (store && keep && keep.checked) {
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    }
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // Store what was typed just before the page was left or hidden.
  window.addEventListener("pagehide", function () {
    if (timer) save();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && timer) save();
  });
  window.addEventListener("beforeprint", mirrorAll);

  if (keep) {
    keep.addEventListener("change", function () {
      if (!keep.checked) {
        forget();
        say("Your answers are no longer kept on this device. What was kept has been removed.");
      } else if (save()) {
        say("Your answers are kept on this device, in this browser, until you clear them or untick this box.");
      }
    });
  }

  if (tools) {
    tools.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-action]");
      if (!button || !tools.contains(button)) return;
      var action = button.getAttribute("data-action");
      if (action === "print") print();
      else if (action === "save") saveFile();
      else if (action === "clear") clearAll();
    });
  }

  // Start ----------------------------------------------------------------------------------

  var data = load();
  if (data) fill(data.answers);
  if (keep) {
    keep.checked = !!data; // the stored choice, not what the browser may have restored
    keep.disabled = !store;
  }
  mirrorAll();
  form.classList.add("worksheet-js");
  if (tools) tools.hidden = false;
  if (!store) {
    say("This browser cannot keep answers on this device (private browsing, or storage turned off). You can still print them or save them as a file.");
  } else if (data) {
    say("Your answers from before are back. They are kept on this device until you clear them.");
  }
})();
