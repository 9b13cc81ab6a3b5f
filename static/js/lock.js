// lock.js: the passphrase lock of kept answers (WebCrypto only; no strings,
// no storage, no network). worksheet.js decides when to lock; this file only
// turns text into a sealed box and back.
//
//   GuideLock.newLock(passphrase)      → Promise<lock>  a fresh random salt
//   GuideLock.unlock(passphrase, box)  → Promise<lock>  the salt and count of a box
//   GuideLock.seal(lock, text)         → Promise<box>   a fresh 96-bit IV each time
//   GuideLock.open(lock, box)          → Promise<text>  rejects on a wrong passphrase
//   GuideLock.isBox(value)             → whether a parsed JSON value is a box
//   GuideLock.file(box, words)         → the text of a locked file
//   GuideLock.readFile(text)           → the box of a locked file, or null
//
// A lock holds the derived AES-GCM key (not extractable: the key's bytes
// never reach this script, let alone storage), its salt and its iteration
// count. It lives in the page's memory only. A box is plain JSON that is
// safe to store or save in a file: nothing in it reveals the text, and the
// passphrase cannot be checked against it faster than by PBKDF2 itself.
//
//   {"lock": 1, "kdf": "PBKDF2-SHA-256", "iterations": 600000,
//    "salt": base64 (16 bytes), "iv": base64 (12 bytes), "data": base64}
//
// A locked file ("Save as a locked file") is its first line, the words for
// the reader (given by the caller, in the page's language) and the box on
// a line of its own; the box seals the text of an ordinary answers file
// (answers.js), which is the same in every language:
//
//   <!-- guide-answers locked v1 -->
//   This file holds answers locked with a passphrase. …
//   {"lock": 1, …}
//
// The derivation is PBKDF2-SHA-256 with 600,000 iterations (OWASP's figure
// for it in 2023): WebCrypto runs it off the page's main thread, so the page
// stays responsive while it works; the caller shows that it is working.
(function () {
  "use strict";

  var ITERATIONS = 600000;
  var MAX_ITERATIONS = 10 * ITERATIONS; // a box asking for more would keep the page working for minutes
  var FILE_HEAD = "<!-- guide-answers locked v1 -->";
  var subtle = window.crypto && window.crypto.subtle;

  function toBase64(bytes) {
    var s = "";
    bytes = new Uint8Array(bytes);
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  }

  function fromBase64(text) {
    var s = atob(text);
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }

  function random(n) { return window.crypto.getRandomValues(new Uint8Array(n)); }

  function derive(passphrase, salt, iterations) {
    var raw = new TextEncoder().encode(passphrase);
    return subtle.importKey("raw", raw, "PBKDF2", false, ["deriveKey"]).then(function (base) {
      return subtle.deriveKey(
        { name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations },
        base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    }).then(function (key) {
      return { key: key, salt: salt, iterations: iterations };
    });
  }

  function isBox(v) {
    return !!v && typeof v === "object" && v.lock === 1 && v.kdf === "PBKDF2-SHA-256" &&
      typeof v.salt === "string" && typeof v.iv === "string" && typeof v.data === "string" &&
      typeof v.iterations === "number" && v.iterations >= ITERATIONS && v.iterations <= MAX_ITERATIONS;
  }

  function checked(box) {
    return isBox(box) ? Promise.resolve() : Promise.reject(new Error("not a locked box"));
  }

  // readFile returns the box of a locked file, or null for any other text.
  function readFile(text) {
    var lines = String(text).replace(/\r\n?/g, "\n").split("\n");
    if (lines[0].trim() !== FILE_HEAD) return null;
    for (var i = 1; i < lines.length; i++) {
      if (lines[i].charAt(0) !== "{") continue;
      try {
        var box = JSON.parse(lines[i]);
        if (isBox(box)) return box;
      } catch (e) { /* not the box: words that start with a brace */ }
    }
    return null;
  }

  window.GuideLock = {
    available: !!(subtle && window.TextEncoder),
    isBox: isBox,
    file: function (box, words) { return [FILE_HEAD, words, JSON.stringify(box), ""].join("\n"); },
    readFile: readFile,
    newLock: function (passphrase) { return derive(passphrase, random(16), ITERATIONS); },
    // unlock and open reject, never throw, on a damaged box (bad base64 too).
    unlock: function (passphrase, box) {
      return checked(box).then(function () { return derive(passphrase, fromBase64(box.salt), box.iterations); });
    },
    seal: function (lock, text) {
      var iv = random(12);
      return subtle.encrypt({ name: "AES-GCM", iv: iv }, lock.key, new TextEncoder().encode(text))
        .then(function (data) {
          return { lock: 1, kdf: "PBKDF2-SHA-256", iterations: lock.iterations,
            salt: toBase64(lock.salt), iv: toBase64(iv), data: toBase64(data) };
        });
    },
    open: function (lock, box) {
      return checked(box).then(function () {
        return subtle.decrypt({ name: "AES-GCM", iv: fromBase64(box.iv) }, lock.key, fromBase64(box.data));
      }).then(function (plain) { return new TextDecoder().decode(plain); });
    }
  };
})();
