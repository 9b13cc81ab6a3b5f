// search.js: search across the guide, in the browser.
//
// The index is made at build time, one per language: the page names its
// language's list of parts (data-index on this script: /search.json,
// /fr/search.json), each part a
// list of records {t: title, u: url, d: description, k: what the page is ("" for an article), x: text}. It is fetched from
// this site only, and only when the reader first uses the search box. What
// the reader types never leaves the page. Its words come from the page
// (t, strings.js).
(function () {
  "use strict";

  var forms = document.querySelectorAll("form[data-search]");
  var me = document.currentScript;
  var indexURL = me && me.getAttribute("data-index");
  if (!forms.length || !window.fetch || !indexURL) return;

  var index = null;      // the records, once loaded
  var loading = null;    // the promise of the records
  var MAX = 8;

  function fold(s) {
    s = String(s || "").toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function load() {
    if (!loading) {
      loading = getJSON(indexURL)
        .then(function (parts) {
          return Promise.all(parts.map(getJSON));
        })
        .then(function (lists) {
          var records = [].concat.apply([], lists);
          index = records.map(function (r) {
            return { r: r, t: fold(r.t), d: fold(r.d), x: fold(r.x) };
          });
          return index;
        })
        .catch(function (e) {
          loading = null; // try again next time
          throw e;
        });
    }
    return loading;
  }

  function search(query) {
    var terms = fold(query).split(/[^\p{L}\p{N}']+/u).filter(function (w) { return w.length > 1; });
    if (!terms.length) return [];
    var hits = [];
    index.forEach(function (e) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var w = terms[i], s = 0;
        if (e.t.indexOf(w) >= 0) s += 10;
        if (e.d.indexOf(w) >= 0) s += 4;
        if (e.x.indexOf(w) >= 0) s += 1;
        if (!s) return; // every word must be found
        score += s;
      }
      hits.push({ e: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.e.t < b.e.t ? -1 : 1); });
    return hits;
  }

  // An excerpt of the text around the first word found, when the
  // description does not hold it.
  function excerpt(e, query) {
    var terms = fold(query).split(/[^\p{L}\p{N}']+/u).filter(function (w) { return w.length > 1; });
    for (var i = 0; i < terms.length; i++) {
      if (e.d.indexOf(terms[i]) >= 0) return e.r.d;
    }
    for (i = 0; i < terms.length; i++) {
      var at = e.x.indexOf(terms[i]);
      if (at >= 0) {
        var start = Math.max(0, e.r.x.lastIndexOf(" ", Math.max(0, at - 60)));
        var text = e.r.x.slice(start, start + 180).trim();
        var cut = text.lastIndexOf(" ");
        if (e.r.x.length > start + 180 && cut > 100) text = text.slice(0, cut);
        return (start > 0 ? "\u2026 " : "") + text + " \u2026";
      }
    }
    return e.r.d;
  }

  function show(form, query) {
    var list = form.querySelector(".search-results");
    var status = form.querySelector(".search-status");
    list.textContent = "";
    form.classList.toggle("open", !!query.trim());
    if (!query.trim()) {
      status.textContent = "";
      return;
    }
    var hits = search(query);
    if (!hits.length) {
      status.textContent = t("search.none", { query: query.trim() });
      return;
    }
    status.textContent = t("search.found", { n: hits.length }) + (hits.length > MAX ? t("search.best", { n: MAX }) : "");
    hits.slice(0, MAX).forEach(function (h) {
      var r = h.e.r;
      if (typeof r.u !== "string" || r.u.charAt(0) !== "/" || r.u.charAt(1) === "/") return; // same site only
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.u;
      a.textContent = r.t;
      li.appendChild(a);
      if (typeof r.k === "string" && r.k) { // what the page is, named by the builder; "" for an article
        var k = document.createElement("span");
        k.className = "search-kind";
        k.textContent = " (" + r.k + ")";
        li.appendChild(k);
      }
      var p = document.createElement("p");
      p.textContent = excerpt(h.e, query);
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  Array.prototype.forEach.call(forms, function (form) {
    var input = form.querySelector("input[type=search]");
    var status = form.querySelector(".search-status");
    if (!input) return;
    form.hidden = false;
    var timer = null;

    function run() {
      var query = input.value;
      if (index) {
        show(form, query);
        return;
      }
      if (query.trim()) {
        form.classList.add("open");
        status.textContent = t("search.loading");
      }
      load().then(function () { show(form, input.value); }, function () {
        status.textContent = t("search.unavailable");
      });
    }

    input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
    // In the header the results float over the page: close them when the
    // reader moves on, and open them again on return.
    var closer = null;
    if (!form.closest("main")) {
      form.addEventListener("focusout", function () {
        clearTimeout(closer);
        closer = setTimeout(function () {
          if (!form.contains(document.activeElement)) form.classList.remove("open");
        }, 300);
      });
      form.addEventListener("focusin", function () {
        clearTimeout(closer);
        if (input.value.trim() && index) form.classList.add("open");
      });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    input.addEventListener("keydown", function (event) {
      // Escape clears the box. It still counts towards the quick exit
      // (site.js): a reader who presses Escape twice leaves, whatever the
      // box held.
      if (event.key === "Escape" && input.value) {
        input.value = "";
        show(form, "");
      }
    });

    // A page held for Back (the browser's back-forward cache) keeps no
    // search: what the reader looked for is not there for whoever presses
    // Back after the reader has left the site.
    window.addEventListener("pagehide", function (event) {
      if (!event.persisted) return;
      clearTimeout(timer);
      input.value = "";
      show(form, "");
    });

    // The 404 page's box may arrive with ?q= in the address.
    var q = new URLSearchParams(location.search).get("q");
    if (q && form.closest("main")) {
      input.value = q;
      run();
    }
  });
})();
