// worksheet.js: fill in a worksheet; keep the answers on this device, but only
// if the reader asks; print them, save them as a file and open that file
// again (here or on another device), or clear them.
// Nothing here sends anything anywhere: no fetch, no XHR, no beacons; an
// opened file is read in the page and goes nowhere.
// Without JavaScript the fields are plain form controls and still work.
//
// The page it expects (templates/worksheet.html, internal/worksheet):
//
//   <div class="worksheet-tools" hidden>                      unhidden by this script
//     <input type="checkbox" id="keep-answers"> <label for="keep-answers">Keep my answers on this device</label>
//     <div class="worksheet-lock" data-lock hidden>…</div>   the lock (templates/_worksheet-lock.html)
//     <button type="button" data-action="print">Print</button>
//     <button type="button" data-action="save">Save my answers as a file</button>
//     <button type="button" data-action="open">Open saved answers</button>
//     <input type="file" data-open-file hidden>               the chooser behind it
//     <button type="button" data-action="clear">Clear my answers</button>
//     <div data-lock-plain hidden>… <button data-action="save-locked"></div>   while a lock is on
//     <p class="worksheet-status" role="status" aria-live="polite"></p>
//     <div class="worksheet-unplaced" hidden><ul></ul></div>   answers of a file that found no field
//   </div>
//   <form class="worksheet" id="worksheet" … data-worksheet="worksheets/plan-an-apology">
//     fields: each an element of class "worksheet-field" (plus "worksheet-text",
//     "worksheet-line", "worksheet-scale" or "worksheet-checkbox") with
//     data-field="the question", holding a named textarea, input[type=text],
//     radio buttons or a checkbox
//   </form>
//   <div class="worksheet-tools" data-tools-end hidden>       the same actions at the end, unhidden too
//     <button type="button" data-action="print">Print</button> … save, clear
//     <p class="worksheet-status" role="status" aria-live="polite"></p>
//   </div>
//
// The toolbar may sit inside the form or outside it; its controls are never
// answers. The page's <h1> is the title of a saved file.
//
// Storage: one localStorage key per worksheet, "guide:v1:" + its key (the
// form's data-worksheet: the same in every language, so answers kept on
// the English page are there on the French one), which exists only while
// the reader keeps answers ("Keep my answers" ticked; the key is the
// record of that choice too). Its value is JSON:
// {"answers": {name: value}}, value being the text typed, the scale value
// chosen, or true/false for a checkbox. Unticking the box or "Clear my
// answers" removes the key: nothing of the page is left on the device.
// Answers kept before keys were the worksheet's (under "guide:v1:" + the
// page's path) are moved to its key once, and so are answers kept under a
// renamed worksheet's old keys (the form's data-worksheet-was, from its
// aliases).
//
// Locked: kept answers may be locked with a passphrase ("The lock" below,
// lock.js, templates/_worksheet-lock.html). The key then holds only
// {"locked": box}, sealed again at each change with a fresh IV; the lock
// (a non-extractable key) stays in this page's memory, dropped with the
// answers. lock.js loads after this script: it is looked up when needed.
//
// Saved file: written and read by answers.js (the format is described
// there). "Open saved answers" puts its answers back field by field: by id,
// else by the question's words; an answer that finds no field of its kind
// (a file from another worksheet, or from an older version of this one) is
// shown to the reader, never dropped.
//
// Every word it shows comes from the page's strings (t, strings.js).
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
  var endTools = document.querySelector("[data-tools-end]");
  // Messages go to the status line of the toolbar last used.
  var status = tools && tools.querySelector(".worksheet-status");
  // "/worksheets/plan/index.html" and "/worksheets/plan" are "/worksheets/plan/".
  var path = location.pathname.replace(/index\.html$/, "").replace(/\/?$/, "/");
  var worksheet = form.getAttribute("data-worksheet") || path;
  var key = "guide:v1:" + worksheet;
  var store = openStorage();
  moveOldKey("guide:v1:" + path);
  // A renamed worksheet's answers, kept under its old keys (its aliases).
  (form.getAttribute("data-worksheet-was") || "").split(" ").forEach(function (old) {
    if (old) moveOldKey("guide:v1:" + old);
  });
  var timer = 0;
  var lock = null;      // the passphrase lock while kept answers are locked and open: in memory only
  var closedBox = null; // the stored box while kept answers are locked and not opened
  var sealing = 0;      // the number of the latest seal

  function say(text) {
    [tools, endTools].forEach(function (bar) {
      var line = bar && bar.querySelector(".worksheet-status");
      if (line && line !== status) line.textContent = "";
    });
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

  // moveOldKey moves answers kept under the page's path, as they were before
  // they were kept under the worksheet's key.
  function moveOldKey(old) {
    if (!store || old === key) return;
    try {
      var kept = store.getItem(old);
      if (kept === null) return;
      if (store.getItem(key) === null) store.setItem(key, kept);
      store.removeItem(old);
    } catch (e) { /* left where it was: still kept, only not found here */ }
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

  // fields lists the worksheet's fields in page order: kind ("text",
  // "line", "scale" or "checkbox"), id (the name of its controls), the
  // question, and its controls.
  function fields() {
    var out = [];
    var all = form.querySelectorAll(".worksheet-field");
    for (var i = 0; i < all.length; i++) {
      var f = all[i];
      var kind = ["text", "line", "scale", "checkbox"].filter(function (k) {
        return f.classList.contains("worksheet-" + k);
      })[0];
      var controls = Array.prototype.slice.call(f.querySelectorAll("textarea, input"))
        .filter(function (el) { return el.name && el.type !== "submit"; });
      if (!kind || controls.length === 0) continue;
      out.push({ kind: kind, id: controls[0].name, question: oneLine(f.getAttribute("data-field") || ""), controls: controls });
    }
    return out;
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
      if (data && data.locked && typeof data.locked === "object") return data;
    } catch (e) { /* not ours, or damaged: forget it below */ }
    forget();
    return null;
  }

  // save stores the answers if the reader keeps them. It returns false, and
  // stores nothing, when the browser refuses.
  function save() {
    clearTimeout(timer);
    timer = 0;
    if (!store || !keep || !keep.checked || closedBox) return true; // locked, not opened: stays as it is
    if (lock) {
      sealAndStore();
      return true;
    }
    return put({ answers: read() });
  }

  // put stores a record; when the browser refuses, it keeps nothing.
  function put(record) {
    try {
      store.setItem(key, JSON.stringify(record));
      return true;
    } catch (e) {
      forget(); // never leave an older copy behind a box that says otherwise
      keep.checked = false;
      dropLock();
      say(t("worksheet.storage-full"));
      return false;
    }
  }

  // sealAndStore stores the answers sealed with the lock. Sealing takes a
  // moment: a seal overtaken by a newer one, or by the lock's removal or
  // the answers' forgetting, is not stored.
  function sealAndStore() {
    var n = ++sealing, used = lock;
    return window.GuideLock.seal(used, JSON.stringify({ answers: read() })).then(function (box) {
      if (n === sealing && lock === used && keep.checked) put({ locked: box });
    });
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
      say(t("worksheet.print-command"));
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

  // fileText writes the questions and answers (answers.js).
  function fileText(now) {
    var h1 = document.querySelector("h1");
    var page = {
      key: worksheet,
      title: oneLine(h1 ? h1.textContent : document.title),
      intro: [t("answers.saved-on", { date: longDate(now), url: location.href.split(/[?#]/)[0] }), t("answers.how")]
    };
    return window.answersFile.write(page, fields().map(function (f) {
      var c = f.controls, chosen = c.filter(function (r) { return r.checked; })[0];
      var value = f.kind === "scale" ? (chosen ? chosen.value : "") : c[0].value;
      return { kind: f.kind, id: f.id, question: f.question, value: value, checked: c[0].checked, max: c[c.length - 1].value };
    }));
  }

  // fileName is the name of a saved file: the page's slug and the date.
  function fileName(now) {
    var slug = location.pathname.split("/").filter(Boolean).pop() || "worksheet";
    return slug.replace(/\.html$/, "").replace(/[^a-z0-9-]+/gi, "-") + "-" + isoDate(now) + ".txt";
  }

  // lockedFileName is the name of a locked file: words and the date, not
  // the worksheet's slug. A file list (Downloads, the browser's list of
  // downloads) shows names to anyone: a locked file's name must not say
  // what its answers are about ("thinking-about-staying-or-leaving").
  function lockedFileName(now) {
    return t("lock.file-name", { date: isoDate(now) }) + ".txt";
  }

  // download makes the browser save a text file; it returns whether it could.
  function download(name, text) {
    try {
      var url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      var a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      return true;
    } catch (e) {
      say(t("worksheet.save-failed"));
      return false;
    }
  }

  function saveFile() {
    var now = new Date(), name = fileName(now);
    if (download(name, fileText(now))) say(t("worksheet.saved", { name: name }));
  }

  // saveLockedFile saves the answers file sealed with the lock (lock.js).
  function saveLockedFile() {
    if (!lock) return;
    var now = new Date(), name = lockedFileName(now);
    window.GuideLock.seal(lock, fileText(now)).then(function (box) {
      if (download(name, window.GuideLock.file(box, t("lock.file-how")))) say(t("lock.saved", { name: name }));
    }, function () {
      say(t("worksheet.save-failed"));
    });
  }

  // Open saved answers ---------------------------------------------------------------

  var fileInput = tools && tools.querySelector("[data-open-file]");
  var unplacedBox = tools && tools.querySelector(".worksheet-unplaced");

  function sameWords(a, b) {
    return oneLine(a).toLowerCase() === oneLine(b).toLowerCase();
  }

  // placeable returns how the answer fills the field, or null when it does
  // not fit: a checkbox's tick, a scale's value, a text.
  function placeable(answer, f) {
    if (answer.checkbox || f.kind === "checkbox") return answer.checkbox && f.kind === "checkbox" ? { checked: answer.checked } : null;
    if (answer.text === null) return { value: "" };
    if (f.kind === "scale") {
      var v = window.answersFile.scaleValue(answer.text);
      var fits = v !== null && f.controls.some(function (r) { return r.value === v; });
      return fits ? { value: v } : null;
    }
    if (f.kind === "line" && answer.text.indexOf("\n") >= 0) return null; // one line cannot hold it
    return { value: answer.text };
  }

  function fillField(f, how) {
    if (f.kind === "checkbox") f.controls[0].checked = how.checked;
    else if (f.kind === "scale") f.controls.forEach(function (r) { r.checked = r.value === how.value; });
    else f.controls[0].value = how.value;
  }

  // place puts each answer of a saved file in its field: the field with its
  // id, else the field with its question. It returns the answers that found
  // no place, leaving out empty ones (nothing is lost with them).
  function place(answers) {
    var list = fields(), taken = {}, left = [];
    function find(answer, match) {
      for (var i = 0; i < list.length; i++) {
        var f = list[i];
        if (taken[f.id] || !match(f)) continue;
        var how = placeable(answer, f);
        if (how) return { field: f, how: how };
      }
      return null;
    }
    answers.forEach(function (answer) {
      var spot = (answer.id && find(answer, function (f) { return f.id === answer.id; })) ||
        find(answer, function (f) { return sameWords(f.question, answer.question); });
      if (spot) {
        taken[spot.field.id] = true;
        fillField(spot.field, spot.how);
      } else if (answer.checkbox ? answer.checked : answer.text) {
        left.push(answer);
      }
    });
    return left;
  }

  function showUnplaced(left) {
    if (!unplacedBox) return;
    var list = unplacedBox.querySelector("ul");
    list.textContent = "";
    left.forEach(function (answer) {
      var li = document.createElement("li");
      var q = document.createElement("strong");
      q.textContent = answer.question;
      var a = document.createElement("p");
      a.className = "worksheet-unplaced-answer";
      a.textContent = answer.checkbox ? t("worksheet.ticked") : answer.text;
      li.appendChild(q);
      li.appendChild(a);
      list.appendChild(li);
    });
    unplacedBox.hidden = left.length === 0;
  }

  function hasAnswers() {
    var answers = read();
    return Object.keys(answers).some(function (name) {
      var v = answers[name];
      return v === true || (typeof v === "string" && v !== "");
    });
  }

  function openFile(file) {
    if (file.size > 1 << 20) {
      say(t("worksheet.too-large"));
      return;
    }
    file.text().then(function (text) {
      var box = window.GuideLock && window.GuideLock.readFile(text);
      if (box) askFilePassphrase(box, file.name);
      else openText(text, file.name);
    }, function () {
      say(t("worksheet.unreadable", { name: file.name }));
    });
  }

  // openText puts the answers of a file's text on the page.
  function openText(text, name) {
    var saved = window.answersFile.read(text);
    if (saved.answers.length === 0) {
      say(t("worksheet.no-answers", { name: name }));
      return;
    }
    if (hasAnswers() && !window.confirm(t("worksheet.replace", { name: name }))) return;
    var left = place(saved.answers);
    mirrorAll();
    save();
    showUnplaced(left);
    var message = t("worksheet.opened", { name: name });
    if (fromElsewhere(saved)) message = t("worksheet.opened-other", { title: saved.title || saved.from || saved.key });
    if (left.length > 0) message += t("worksheet.opened-left", { n: left.length });
    say(message);
  }

  // fromElsewhere reports whether a file was saved from another worksheet:
  // by its key, or, in the formats before keys, by the page's path.
  function fromElsewhere(saved) {
    if (saved.key) return saved.key !== worksheet;
    var from = saved.from.replace(/^[a-z]+:\/\/[^/]+/i, "");
    return !!from && from !== path && from.replace(/^\/|\/$/g, "") !== worksheet;
  }

  // The lock ------------------------------------------------------------------------

  // Kept answers may be locked with a passphrase (lock.js): then only the
  // sealed box is stored, {"locked": box}, the box sealing the record
  // {"answers": …} as JSON. The lock lives in this page's memory; a page
  // opened later finds the box closed and asks for the passphrase. The
  // parts of the lock's panel (templates/_worksheet-lock.html), each
  // data-lock-part: "offer" (the box to tick), "set" (a new passphrase,
  // twice), "closed" (the passphrase to open them), "on" (change or
  // remove), "file" (the passphrase of a locked file), "honest" (what a
  // lock does not do). data-lock-plain, beside Print and Save: those
  // make plain text.

  var lockPanel = tools && tools.querySelector("[data-lock]");
  var lockOffer = document.getElementById("lock-answers");
  var setting = false;    // the "set" part is open: a new passphrase, or a change
  var lockedFile = null;  // {box, name}: a locked file waiting for its passphrase

  function part(name) {
    return lockPanel.querySelector('[data-lock-part="' + name + '"]');
  }

  function canLock() {
    return !!(window.GuideLock && window.GuideLock.available);
  }

  // showLock shows the parts of the panel that fit the state.
  function showLock() {
    if (!lockPanel) return;
    var kept = !!(keep && keep.checked);
    var shown = {
      offer: kept && !lock && !closedBox && canLock(),
      set: kept && setting && !closedBox,
      closed: kept && !!closedBox,
      on: kept && !!lock && !setting,
      file: !!lockedFile
    };
    shown.honest = shown.set || shown.closed || shown.on;
    Object.keys(shown).forEach(function (name) { part(name).hidden = !shown[name]; });
    if (lockOffer) lockOffer.checked = setting && !lock;
    lockPanel.hidden = !Object.keys(shown).some(function (name) { return shown[name]; });
    document.querySelectorAll("[data-lock-plain]").forEach(function (note) { note.hidden = !lock; });
  }

  // dropLock forgets the lock and any closed box: the page's memory holds
  // no key after it.
  function dropLock() {
    lock = null;
    closedBox = null;
    setting = false;
    sealing++;
    showLock();
  }

  // working marks the panel busy while a passphrase is derived (seconds on
  // a slow device): its buttons do nothing meanwhile, and the status says
  // why. The fields stay focusable, read-only.
  function working(words) {
    lockPanel.setAttribute("aria-busy", "true");
    lockPanel.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    lockPanel.querySelectorAll("input[type=password]").forEach(function (i) { i.readOnly = true; });
    if (keep) keep.disabled = true;
    status = tools.querySelector(".worksheet-status");
    say(words);
  }

  function idle() {
    lockPanel.removeAttribute("aria-busy");
    lockPanel.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
    lockPanel.querySelectorAll("input[type=password]").forEach(function (i) { i.readOnly = false; });
    if (keep) keep.disabled = !store;
  }

  // refuse says why nothing happened and puts the focus back in the field.
  function refuse(words, field) {
    say(words);
    field.focus();
    field.select();
  }

  function focusFirst(name) {
    var field = part(name).querySelector("input, button");
    if (field) field.focus();
  }

  // setPassphrase locks the kept answers with a new passphrase, the first
  // time or in place of the old one.
  function setPassphrase() {
    var first = document.getElementById("lock-new"), again = document.getElementById("lock-again");
    if (!first.value) return refuse(t("lock.empty"), first);
    if (first.value !== again.value) return refuse(t("lock.mismatch"), again);
    var changing = !!lock;
    working(t("lock.locking"));
    window.GuideLock.newLock(first.value).then(function (made) {
      idle();
      first.value = again.value = "";
      if (!keep.checked) return; // unticked meanwhile: nothing to lock
      lock = made;
      setting = false;
      showLock();
      sealAndStore();
      part("on").querySelector("p").focus();
      say(changing ? t("lock.changed") : t("lock.locked"));
    }, function () {
      idle();
      say(t("lock.unavailable"));
    });
  }

  // openKept opens the kept answers with the passphrase typed. A wrong one
  // changes nothing.
  function openKept() {
    var field = document.getElementById("lock-passphrase"), box = closedBox, made;
    if (!field.value) return refuse(t("lock.empty"), field);
    working(t("lock.opening"));
    window.GuideLock.unlock(field.value, box).then(function (l) {
      made = l;
      return window.GuideLock.open(l, box);
    }).then(function (text) {
      idle();
      if (closedBox !== box) return; // cleared meanwhile
      var data = JSON.parse(text);
      if (hasAnswers() && !window.confirm(t("lock.replace"))) return;
      field.value = "";
      closedBox = null;
      lock = made;
      fill(data.answers || {});
      mirrorAll();
      showLock();
      part("on").querySelector("p").focus();
      say(t("lock.opened"));
    }).catch(function () {
      idle();
      refuse(canLock() ? t("lock.wrong") : t("lock.unavailable"), field);
    });
  }

  // clearLocked removes the locked answers no one can open, once asked.
  function clearLocked() {
    if (!window.confirm(t("lock.clear-confirm"))) return;
    forget();
    keep.checked = false;
    dropLock();
    document.getElementById("lock-forgot").hidden = true;
    keep.focus();
    say(t("lock.cleared"));
  }

  function removeLock() {
    lock = null;
    sealing++;
    save();
    showLock();
    if (lockOffer) lockOffer.focus();
    say(t("lock.removed"));
  }

  function askFilePassphrase(box, name) {
    lockedFile = { box: box, name: name };
    showLock();
    focusFirst("file");
    say(t("lock.file-asks", { name: name }));
  }

  function openLockedFile() {
    var field = document.getElementById("lock-file-passphrase"), asked = lockedFile;
    if (!asked) return;
    if (!field.value) return refuse(t("lock.empty"), field);
    working(t("lock.opening"));
    window.GuideLock.unlock(field.value, asked.box).then(function (l) {
      return window.GuideLock.open(l, asked.box);
    }).then(function (text) {
      idle();
      field.value = "";
      lockedFile = null;
      showLock();
      if (keep) keep.focus();
      openText(text, asked.name);
    }, function () {
      idle();
      refuse(canLock() ? t("lock.file-wrong") : t("lock.unavailable"), field);
    });
  }

  function cancelFile() {
    document.getElementById("lock-file-passphrase").value = "";
    lockedFile = null;
    showLock();
    var open = tools.querySelector('[data-action="open"]');
    if (open) open.focus();
    say("");
  }

  // askOnReturn puts the focus in the passphrase field when the page asks
  // for it on arrival, unless the reader has already moved it (or always).
  function askOnReturn(always) {
    var field = document.getElementById("lock-passphrase");
    var free = always || !document.activeElement || document.activeElement === document.body;
    if (closedBox && field && free) field.focus();
  }

  var lockActions = {
    set: setPassphrase,
    open: openKept,
    "open-file": openLockedFile,
    "cancel-file": cancelFile,
    clear: clearLocked,
    remove: removeLock,
    change: function () {
      setting = true;
      showLock();
      focusFirst("set");
    },
    forgot: function (button) {
      var text = document.getElementById("lock-forgot");
      text.hidden = !text.hidden;
      button.setAttribute("aria-expanded", String(!text.hidden));
    }
  };

  if (lockPanel) {
    lockPanel.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-lock-action]");
      if (!button || button.disabled) return;
      status = tools.querySelector(".worksheet-status");
      lockActions[button.getAttribute("data-lock-action")](button);
    });
    // Enter in a passphrase field presses its button.
    lockPanel.addEventListener("keydown", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-enter");
      if (event.key !== "Enter" || !action || event.target.readOnly) return;
      event.preventDefault();
      status = tools.querySelector(".worksheet-status");
      lockActions[action]();
    });
  }
  if (lockOffer) {
    lockOffer.addEventListener("change", function () {
      setting = lockOffer.checked;
      showLock();
      if (setting) focusFirst("set");
    });
  }

  // Clear ------------------------------------------------------------------------------

  function clearAll() {
    if (!window.confirm(t("worksheet.clear-confirm"))) return;
    empty();
    forget();
    if (keep) keep.checked = false;
    dropLock();
    mirrorAll();
    showUnplaced([]);
    say(t("worksheet.cleared"));
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
    if (store && keep && keep.checked && lock) {
      save(); // sealing is async: begun at once, little is left unsealed when the page is left
    } else if (store && keep && keep.checked) {
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    }
  }
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);

  // Store what was typed just before the page was left or hidden. Answers
  // not kept go with the page, as they do when it is loaded again: the
  // browser may hold the page for Back (its back-forward cache), and
  // whoever presses Back on this device, after the reader followed a link
  // and left the site from there, must not find them.
  window.addEventListener("pagehide", function (event) {
    if (timer) save();
    // A passphrase typed and not yet used is not left in its field either.
    if (event.persisted && lockPanel) {
      lockPanel.querySelectorAll("input[type=password]").forEach(function (i) { i.value = ""; });
    }
    if (event.persisted && !(store && keep && keep.checked)) {
      empty();
      mirrorAll();
      showUnplaced([]);
      say("");
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && timer) save();
  });
  window.addEventListener("beforeprint", mirrorAll);
  // Back on the page from the browser's history (its back-forward cache),
  // locked answers are closed again, as on any other return: whoever
  // presses Back on this device needs the passphrase too.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    if (!lock) {
      forgottenElsewhere();
      return;
    }
    var data = load();
    lock = null;
    sealing++;
    closedBox = data && data.locked ? data.locked : null;
    if (keep) keep.checked = !!data;
    empty();
    mirrorAll();
    showUnplaced([]);
    showLock();
    say(closedBox ? t("lock.kept-locked") : "");
    askOnReturn(true); // where the focus was is on a part now hidden
  });

  // Kept answers removed while this page was open, in another tab or
  // while it waited in the back-forward cache ("Forget this site", "Clear
  // my answers"): the page no longer keeps them, nor shows them. Else the
  // reader's next keystroke would keep them all again, and Back would show
  // whoever holds the device what the reader asked to forget.
  function forgottenElsewhere() {
    if (!keep || !keep.checked || !store) return;
    try {
      if (store.getItem(key) !== null) return;
    } catch (e) { /* unreadable: as good as gone */ }
    clearTimeout(timer);
    timer = 0;
    keep.checked = false;
    dropLock();
    empty();
    mirrorAll();
    showUnplaced([]);
    say(t("worksheet.cleared"));
  }
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key === key) forgottenElsewhere();
  });

  if (keep) {
    keep.addEventListener("change", function () {
      status = tools.querySelector(".worksheet-status");
      if (!keep.checked && closedBox && !window.confirm(t("lock.clear-confirm"))) {
        keep.checked = true; // the locked answers stay
      } else if (!keep.checked) {
        forget();
        dropLock();
        say(t("worksheet.unkept"));
      } else if (save()) {
        showLock();
        say(t("worksheet.kept"));
      }
    });
  }

  [tools, endTools].forEach(function (bar) {
    if (!bar) return;
    bar.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("[data-action]");
      if (!button || !bar.contains(button)) return;
      status = bar.querySelector(".worksheet-status") || status;
      var action = button.getAttribute("data-action");
      if (action === "print") print();
      else if (action === "save") saveFile();
      else if (action === "save-locked") saveLockedFile();
      else if (action === "clear") clearAll();
      else if (action === "open" && fileInput) fileInput.click();
    });
  });
  if (fileInput) {
    fileInput.addEventListener("change", function () {
      if (fileInput.files.length > 0) openFile(fileInput.files[0]);
      fileInput.value = ""; // the same file can be opened again
    });
  }

  // Start ----------------------------------------------------------------------------------

  var data = load();
  if (data && data.locked) closedBox = data.locked;
  else if (data) fill(data.answers);
  if (keep) {
    keep.checked = !!data; // the stored choice, not what the browser may have restored
    keep.disabled = !store;
  }
  mirrorAll();
  form.classList.add("worksheet-js");
  if (tools) tools.hidden = false;
  if (endTools) endTools.hidden = false;
  if (!store) {
    say(t("worksheet.no-storage"));
  } else if (closedBox) {
    say(t("lock.kept-locked"));
  } else if (data) {
    say(t("worksheet.restored"));
  }
  // lock.js comes after this script: the panel is shown once it is there.
  showLock();
  askOnReturn();
  document.addEventListener("DOMContentLoaded", showLock);
})();
