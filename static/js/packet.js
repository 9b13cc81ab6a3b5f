// packet.js: packets of worksheets on the counsellors' index (/worksheets/).
// Nothing here sends anything anywhere; the only requests are for this
// site's own worksheet pages, to print them.
//
// - A counsellor ticks "Choose" on worksheets, then
//   - "Print the packet": a cover page listing them with room for a note,
//     then each worksheet as it prints on its own page, with its QR code
//     and short link, each from a new sheet;
//   - "Print link cards": the chosen worksheets' cards (short link and QR
//     code), or every card when none is chosen (what printing the page
//     without this script does too);
//   - one link for the client, with a QR code: this page with
//     "#set=short,short,..." at the end. The set is in the fragment, which
//     browsers never send to a server.
// - Opened with "#set=...", the page shows the client that set, with how
//   many they have started on this device: a worksheet counts as started
//   when its answers are kept here (worksheet.js, "guide:v1:" + its key, or
//   its path where worksheet.js has not moved them yet), which happens only
//   if the client ticked "Keep my answers".
//
// Every word it shows comes from the page's strings (t, strings.js).
//
// The page it expects: templates/worksheets.html.
(function () {
  "use strict";

  var index = document.querySelector(".ws-index");
  var tools = document.querySelector("[data-packet-tools]");
  if (!index || !tools) return;
  var items = Array.prototype.slice.call(index.querySelectorAll(".ws-item[data-short]"));
  var packet = document.querySelector("[data-packet]");
  var chosenText = tools.querySelector("[data-packet-chosen]");
  var linkBox = tools.querySelector("[data-packet-link]");
  var linkText = document.getElementById("set-url");
  var qrBox = tools.querySelector("[data-packet-qr]");

  function say(text) {
    chosenText.textContent = text;
  }

  function pick(item) {
    return item.querySelector(".pick input");
  }

  function chosen() {
    return items.filter(function (item) { return pick(item).checked; });
  }

  function title(item) {
    return item.querySelector("h3 a").textContent.trim();
  }

  function pageURL(item) {
    return item.querySelector("h3 a").getAttribute("href");
  }

  function minutes(item) {
    var dd = item.querySelector("[data-minutes]");
    return dd ? Number(dd.getAttribute("data-minutes")) : 0;
  }

  function listOf(names) {
    if (names.length < 2) return names.join("");
    return names.slice(0, -1).join(", ") + t("packet.and") + names[names.length - 1];
  }

  // setLink is this page's address with the set in its fragment.
  function setLink(list) {
    return location.origin + location.pathname + "#set=" +
      list.map(function (item) { return item.getAttribute("data-short"); }).join(",");
  }

  // What is printed --------------------------------------------------------

  // printing says what the page prints: "cards" (the default) or "packet".
  // It stays until the choice changes, so the browser's own Print command
  // prints what was last asked for.
  function printing(what) {
    document.body.classList.toggle("printing-packet", what === "packet");
  }

  function update() {
    var list = chosen();
    printing("cards");
    if (list.length === 0) {
      say(t("packet.none"));
      linkBox.hidden = true;
      return;
    }
    var total = list.reduce(function (sum, item) { return sum + minutes(item); }, 0);
    say(t("packet.chosen", { n: list.length, minutes: total, list: listOf(list.map(title)) }));
    var link = setLink(list);
    linkText.textContent = link;
    qrBox.textContent = "";
    var svg = qrSVG(link, t("packet.qr", { n: list.length }));
    if (svg) qrBox.appendChild(svg);
    else qrBox.textContent = t("packet.qr-too-long");
    linkBox.hidden = false;
  }

  // The packet ---------------------------------------------------------------

  // sheet fetches a worksheet page (from this site, or from the copy kept
  // for offline use) and returns its document.
  function sheet(item) {
    return fetch(pageURL(item), { credentials: "omit" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + pageURL(item));
      return response.text();
    }).then(function (text) {
      return new DOMParser().parseFromString(text, "text/html");
    });
  }

  // printView is a worksheet's <article> as it prints on its own page, made
  // to sit beside others: its tools and notes for the screen left out, its
  // ids and names made its own with prefix, and an empty answer box after
  // each text field, as worksheet.js makes for printing (ruled lines).
  function printView(doc, prefix) {
    var article = doc.querySelector("article.worksheet-page");
    if (!article) return null;
    article = document.importNode(article, true);
    Array.prototype.forEach.call(article.querySelectorAll(".worksheet-tools, .privacy-note, .breadcrumbs"), function (el) {
      el.parentNode.removeChild(el);
    });
    Array.prototype.forEach.call(article.querySelectorAll("[id], [for], [name], [aria-labelledby], [aria-describedby], a[href^='#']"), function (el) {
      ["id", "for", "name"].forEach(function (attr) {
        if (el.hasAttribute(attr)) el.setAttribute(attr, prefix + el.getAttribute(attr));
      });
      ["aria-labelledby", "aria-describedby"].forEach(function (attr) {
        if (el.hasAttribute(attr)) {
          el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map(function (id) { return prefix + id; }).join(" "));
        }
      });
      if (el.matches("a[href^='#']")) el.setAttribute("href", "#" + prefix + el.getAttribute("href").slice(1));
    });
    var form = article.querySelector("form.worksheet");
    if (form) {
      form.classList.add("worksheet-js");
      Array.prototype.forEach.call(form.querySelectorAll("textarea, input[type=text]"), function (control) {
        var box = document.createElement("div");
        box.className = "print-answer";
        box.setAttribute("aria-hidden", "true");
        control.parentNode.insertBefore(box, control.nextSibling);
      });
    }
    return article;
  }

  function cover(list) {
    var section = document.createElement("section");
    section.className = "packet-cover";
    var kicker = document.createElement("p");
    kicker.className = "kicker";
    kicker.textContent = document.querySelector(".site-title") ? document.querySelector(".site-title").textContent : "";
    var h = document.createElement("h2");
    h.textContent = t("packet.cover.title", { n: list.length });
    var ol = document.createElement("ol");
    ol.className = "packet-list";
    list.forEach(function (item) {
      var li = document.createElement("li");
      var name = document.createElement("strong");
      name.textContent = title(item);
      li.appendChild(name);
      li.appendChild(document.createTextNode(t("packet.cover.minutes", { minutes: minutes(item) })));
      var url = document.createElement("span");
      url.className = "url";
      url.textContent = item.querySelector(".short-link .url").textContent;
      li.appendChild(url);
      ol.appendChild(li);
    });
    var noteTitle = document.createElement("h3");
    noteTitle.textContent = t("packet.cover.note");
    var note = document.createElement("div");
    note.className = "packet-note";
    var after = document.createElement("p");
    after.textContent = t("packet.cover.after");
    [kicker, h, ol, noteTitle, note, after].forEach(function (el) { section.appendChild(el); });
    return section;
  }

  // styled loads the worksheets' style sheets into this page, if it lacks
  // them, and resolves once they apply.
  function styled(doc) {
    var waits = [];
    Array.prototype.forEach.call(doc.querySelectorAll("link[rel=stylesheet]"), function (link) {
      var href = link.getAttribute("href");
      if (document.querySelector("link[rel=stylesheet][href='" + href + "']")) return;
      var copy = document.createElement("link");
      copy.rel = "stylesheet";
      copy.href = href;
      waits.push(new Promise(function (resolve, reject) {
        copy.addEventListener("load", resolve);
        copy.addEventListener("error", reject);
      }));
      document.head.appendChild(copy);
    });
    return Promise.all(waits);
  }

  function printPacket() {
    var list = chosen();
    if (list.length === 0) {
      say(t("packet.choose-first"));
      return;
    }
    packet.removeAttribute("data-ready");
    say(t("packet.preparing"));
    Promise.all(list.map(sheet)).then(function (docs) {
      packet.textContent = "";
      packet.appendChild(cover(list));
      docs.forEach(function (doc, i) {
        var view = printView(doc, "packet-" + (i + 1) + "-");
        if (!view) throw new Error("no worksheet in " + pageURL(list[i]));
        var wrap = document.createElement("section");
        wrap.className = "packet-sheet";
        wrap.appendChild(view);
        packet.appendChild(wrap);
      });
      return styled(docs[0]);
    }).then(function () {
      printing("packet");
      packet.setAttribute("data-ready", "");
      say(t("packet.ready", { n: list.length }));
      window.print();
    }).catch(function () {
      say(t("packet.failed"));
    });
  }

  function printCards() {
    printing("cards");
    window.print();
  }

  // The set, for the client ------------------------------------------------------

  // started reports whether this device keeps answers to the worksheet at
  // path, and null when it cannot tell (storage turned off). Locked answers
  // count: they are kept, though only their passphrase shows what they say.
  // Answers kept before it was renamed are under its old keys until it is
  // opened (worksheet.js moves them).
  function started(item) {
    try {
      var s = window.localStorage;
      var keys = [item.getAttribute("data-worksheet")].concat((item.getAttribute("data-worksheet-was") || "").split(" "));
      var kept = keys.filter(Boolean).map(function (k) { return s.getItem("guide:v1:" + k); }).filter(Boolean)[0];
      var data = JSON.parse(kept || s.getItem("guide:v1:" + pageURL(item)));
      if (data && data.locked) return true;
      if (!data || !data.answers) return false;
      return Object.keys(data.answers).some(function (name) {
        var v = data.answers[name];
        return v === true || (typeof v === "string" && v.trim() !== "");
      });
    } catch (e) {
      return null;
    }
  }

  // keepSetAcrossLanguages makes the language switch open the same set on
  // the other language's index, which knows each worksheet by its
  // translation's short too.
  function keepSetAcrossLanguages(hash) {
    Array.prototype.forEach.call(document.querySelectorAll(".lang-switch a[hreflang]"), function (a) {
      a.setAttribute("href", a.getAttribute("href").split("#")[0] + hash);
    });
  }

  // showSet shows the worksheets named in the fragment, if it names any, in
  // place of the index (and the tools, which need this script).
  function showSet() {
    var view = document.querySelector("[data-set]");
    var m = /^#set=([a-z0-9,_.-]*)$/i.exec(location.hash);
    var onlyIndex = document.querySelectorAll("[data-index-only]");
    keepSetAcrossLanguages(m ? location.hash : "");
    if (!view || !m) {
      if (view) view.hidden = true;
      Array.prototype.forEach.call(onlyIndex, function (el) { el.hidden = false; });
      return;
    }
    // A worksheet's old shorts (kept as aliases) lead to it too, as /w/
    // does, and so do its translations': a set made in another language.
    var byShort = {};
    items.forEach(function (item) {
      (item.getAttribute("data-other-shorts") || "").split(" ").forEach(function (s) { if (s) byShort[s] = item; });
    });
    items.forEach(function (item) { byShort[item.getAttribute("data-short")] = item; });
    var shorts = m[1].split(",").filter(function (s, i, all) { return s && all.indexOf(s) === i; });
    var missing = shorts.filter(function (s) { return !byShort[s]; }).length;
    var list = shorts.map(function (s) { return byShort[s]; })
      .filter(function (item, i, all) { return item && all.indexOf(item) === i; }); // an old and a new short: once
    var listBox = view.querySelector("[data-set-list]");
    listBox.textContent = "";
    var count = 0, known = true;
    list.forEach(function (item) {
      var state = started(item);
      if (state === null) known = false;
      if (state) count++;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = pageURL(item);
      a.textContent = title(item);
      var facts = document.createElement("span");
      facts.className = "ws-set-facts";
      facts.textContent = t("set.minutes", { minutes: minutes(item) }) + (state ? t("set.started") : "");
      li.appendChild(a);
      li.appendChild(facts);
      listBox.appendChild(li);
    });
    var progress = t("set.count", { n: list.length });
    if (known && list.length > 0) progress = t("set.started-count", { started: count, total: list.length });
    if (list.length === 0 && missing > 0) {
      progress = t("set.gone", { n: missing }); // none left: no count, no "the others"
    } else if (missing > 0) {
      progress += t("set.missing", { n: missing });
    }
    view.querySelector("[data-set-progress]").textContent = progress + ".";
    view.hidden = false;
    Array.prototype.forEach.call(onlyIndex, function (el) { el.hidden = true; });
  }

  // QR codes -------------------------------------------------------------------
  // As internal/qrsvg draws them (rsc.io/qr): byte mode, level M, mask 0,
  // versions 1 to 10 (up to 213 bytes), the same SVG markup; a browser test
  // holds the two to the same drawing.

  // Per version: total codewords, blocks, check codewords per block, first
  // and further alignment positions, version pattern.
  var versions = [null,
    [26, 1, 10, 100, 100, 0], [44, 1, 16, 16, 100, 0], [70, 1, 26, 20, 100, 0],
    [100, 2, 18, 24, 100, 0], [134, 2, 24, 28, 100, 0], [172, 4, 16, 32, 100, 0],
    [196, 4, 18, 20, 16, 0x7c94], [242, 4, 22, 22, 18, 0x85bc], [292, 5, 22, 24, 20, 0x9a99],
    [346, 5, 26, 26, 22, 0xa4d3]];

  // GF(256) with the polynomial 0x11d, as log and exp tables.
  var exp = new Array(512), log = new Array(256);
  (function () {
    for (var i = 0, x = 1; i < 255; i++) {
      exp[i] = x;
      log[x] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11d;
    }
    for (i = 255; i < 512; i++) exp[i] = exp[i - 255];
  })();

  function gmul(a, b) {
    return a === 0 || b === 0 ? 0 : exp[log[a] + log[b]];
  }

  // check returns n Reed-Solomon check bytes of data.
  function check(data, n) {
    var gen = [1]; // the product of (x - 2^i), i < n, highest power first
    for (var i = 0; i < n; i++) {
      var next = new Array(gen.length + 1).fill(0);
      for (var j = 0; j < gen.length; j++) {
        next[j] ^= gen[j];
        next[j + 1] ^= gmul(gen[j], exp[i]);
      }
      gen = next;
    }
    var rem = new Array(n).fill(0);
    data.forEach(function (byte) {
      var f = byte ^ rem[0];
      rem.shift();
      rem.push(0);
      for (var k = 0; k < n; k++) rem[k] ^= gmul(gen[k + 1], f);
    });
    return rem;
  }

  function codewords(bytes, v) {
    var info = versions[v], nblock = info[1], ne = info[2];
    var ndata = info[0] - nblock * ne;
    var bits = [];
    function put(value, n) {
      for (var i = n - 1; i >= 0; i--) bits.push((value >> i) & 1);
    }
    put(4, 4);
    put(bytes.length, v <= 9 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    var room = ndata * 8 - bits.length;
    put(0, Math.min(4, room));
    while (bits.length % 8) bits.push(0);
    for (var pad = 0xec; bits.length < ndata * 8; pad ^= 0xec ^ 0x11) put(pad, 8);
    var data = [];
    for (var i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));

    var size = Math.floor(ndata / nblock), extra = ndata % nblock;
    var blocks = [], checks = [];
    for (var b = 0, at = 0; b < nblock; b++) {
      var n = size + (b >= nblock - extra ? 1 : 0);
      blocks.push(data.slice(at, at + n));
      checks.push(check(data.slice(at, at + n), ne));
      at += n;
    }
    var out = [];
    for (i = 0; i <= size; i++) blocks.forEach(function (bl) { if (i < bl.length) out.push(bl[i]); });
    for (i = 0; i < ne; i++) checks.forEach(function (ch) { out.push(ch[i]); });
    return out;
  }

  // modules returns the QR code of text as rows of booleans (dark), or null
  // when the text is too long.
  function modules(text) {
    var bytes = Array.prototype.slice.call(new TextEncoder().encode(text));
    var v = 1;
    while (v < versions.length && 4 + (v <= 9 ? 8 : 16) + 8 * bytes.length > (versions[v][0] - versions[v][1] * versions[v][2]) * 8) v++;
    if (v === versions.length) return null;
    var info = versions[v], size = 17 + 4 * v;
    var dark = [], fixed = [];
    for (var y = 0; y < size; y++) {
      dark.push(new Array(size).fill(false));
      fixed.push(new Array(size).fill(false));
    }
    function set(x, y, on) {
      dark[y][x] = on;
      fixed[y][x] = true;
    }
    for (var i = 0; i < size; i++) {
      set(6, i, i % 2 === 0);
      set(i, 6, i % 2 === 0);
    }
    function finder(x0, y0) {
      for (var dy = -1; dy <= 7; dy++) {
        for (var dx = -1; dx <= 7; dx++) {
          var x = x0 + dx, y = y0 + dy;
          if (x < 0 || y < 0 || x >= size || y >= size) continue;
          var ring = dx === 0 || dx === 6 || dy === 0 || dy === 6;
          var core = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
          set(x, y, dx >= 0 && dx <= 6 && dy >= 0 && dy <= 6 && (ring || core));
        }
      }
    }
    finder(0, 0);
    finder(size - 7, 0);
    finder(0, size - 7);
    function next(p) { return p === 4 ? info[3] : p + info[4]; }
    for (var ax = 4; ax + 5 < size; ax = next(ax)) {
      for (var ay = 4; ay + 5 < size; ay = next(ay)) {
        if ((ax < 7 && ay < 7) || (ax < 7 && ay + 5 >= size - 7) || (ax + 5 >= size - 7 && ay < 7)) continue;
        for (var dy = 0; dy < 5; dy++) {
          for (var dx = 0; dx < 5; dx++) set(ax + dx, ay + dy, dx === 0 || dx === 4 || dy === 0 || dy === 4 || (dx === 2 && dy === 2));
        }
      }
    }
    if (info[5]) {
      for (var vx = 0, pattern = info[5]; vx < 6; vx++) {
        for (var vy = 0; vy < 3; vy++, pattern >>= 1) {
          set(vx, size - 11 + vy, (pattern & 1) === 1);
          set(size - 11 + vy, vx, (pattern & 1) === 1);
        }
      }
    }
    set(8, size - 8, true);
    // Format: level M (00) and mask 0 (000) have the check bits 0, so the
    // 15 bits are the format mask 0x5412 alone.
    var format = 0x5412;
    for (i = 0; i < 15; i++) {
      var on = ((format >> i) & 1) === 1;
      if (i < 6) set(8, i, on);
      else if (i < 8) set(8, i + 1, on);
      else if (i < 9) set(7, 8, on);
      else set(14 - i, 8, on);
      if (i < 8) set(size - 1 - i, 8, on);
      else set(8, size - 1 - (14 - i), on);
    }
    // Data: up and down pairs of columns from the right, skipping the
    // timing column; then mask 0 on every module that is not fixed.
    var stream = [];
    codewords(bytes, v).forEach(function (w) {
      for (var k = 7; k >= 0; k--) stream.push(((w >> k) & 1) === 1);
    });
    var at = 0;
    function place(x, y) {
      if (!fixed[y][x]) dark[y][x] = at < stream.length ? stream[at++] : false;
    }
    for (var x = size; x > 0;) {
      for (y = size - 1; y >= 0; y--) { place(x - 1, y); place(x - 2, y); }
      x -= 2;
      if (x === 7) x--;
      for (y = 0; y < size; y++) { place(x - 1, y); place(x - 2, y); }
      x -= 2;
    }
    for (y = 0; y < size; y++) {
      for (x = 0; x < size; x++) if (!fixed[y][x] && (x + y) % 2 === 0) dark[y][x] = !dark[y][x];
    }
    return dark;
  }

  // qrSVG draws text as a QR code: one path of runs of dark modules, with a
  // quiet zone of four, scaled by the viewBox.
  function qrSVG(text, label) {
    var rows = modules(text);
    if (!rows) return null;
    var quiet = 4, size = rows.length + 2 * quiet, d = "";
    rows.forEach(function (row, y) {
      for (var x = 0; x < row.length; x++) {
        if (!row[x]) continue;
        var run = 1;
        while (x + run < row.length && row[x + run]) run++;
        d += "M" + (x + quiet) + " " + (y + quiet) + "h" + run + "v1h-" + run + "z";
        x += run - 1;
      }
    });
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    var attrs = { viewBox: "0 0 " + size + " " + size, "class": "qr", role: "img", "aria-label": label, "shape-rendering": "crispEdges" };
    Object.keys(attrs).forEach(function (k) { svg.setAttribute(k, attrs[k]); });
    var rect = document.createElementNS(ns, "rect");
    rect.setAttribute("width", size);
    rect.setAttribute("height", size);
    rect.setAttribute("fill", "#fff");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "#000");
    svg.appendChild(rect);
    svg.appendChild(path);
    return svg;
  }

  // Wiring ----------------------------------------------------------------------

  index.addEventListener("change", function (event) {
    if (event.target.closest(".pick")) update();
  });
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "print-packet") printPacket();
    else if (action === "print-cards") printCards();
  });
  window.addEventListener("hashchange", showSet);

  showSet();
  update(); // the browser may have kept ticks from before a reload
})();
