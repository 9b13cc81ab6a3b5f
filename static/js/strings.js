// strings.js: the words the other scripts show, in the page's language.
// Loaded first (defer keeps the order of the script tags). The page carries
// them as data, written by the template from templates/i18n/<lang>.yaml:
//
//   <script type="application/json" id="strings">{"search.loading": "Loading the search…", …}</script>
//
// holding exactly the strings of the scripts it loads. t("key", {n: 3})
// fills {n} and, for a string with plural forms ({"one": …, "other": …}),
// chooses the form the page's language uses for n, falling back to "other".
// A key the page lacks gives the key itself: the build checks every key, so
// that is never seen on a published page.
(function () {
  "use strict";

  var strings = {};
  var block = document.getElementById("strings");
  try {
    strings = JSON.parse(block ? block.textContent : "{}") || {};
  } catch (e) { /* a damaged block: the keys show instead */ }

  var rules = null;
  function form(n) {
    try {
      rules = rules || new Intl.PluralRules(document.documentElement.lang || undefined);
      return rules.select(n);
    } catch (e) {
      return "other";
    }
  }

  window.t = function (key, args) {
    var s = strings[key];
    args = args || {};
    if (s && typeof s === "object") s = s[form(Number(args.n))] || s.other;
    if (typeof s !== "string") return key;
    return s.replace(/\{(\w+)\}/g, function (all, name) {
      if (!Object.prototype.hasOwnProperty.call(args, name)) return all;
      var v = args[name];
      return typeof v === "number" ? v.toLocaleString(document.documentElement.lang || undefined) : String(v);
    });
  };
})();
