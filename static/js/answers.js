// answers.js: the file of a worksheet's answers, which "Save my answers as a
// file" writes and "Open saved answers" reads (worksheet.js). Loaded on
// worksheet pages before worksheet.js.
//
// The file is plain text that reads as markdown. What is parsed is the same
// in every language; the words around it come from the page's strings, so a
// file saved from the English page opens in the French one:
//
//   <!-- guide-answers v3 worksheets/plan-an-apology -->   format; the worksheet's key
//   # The worksheet's title
//
//   Saved on 6 December 2026 from https://…              (words for the reader)
//   To go on where you left off, …
//
//   ## A question {#its-id}
//
//   ~~~                                                   a text, between fence lines of
//   what was typed, exactly                               tildes longer than any in it
//   ~~~
//
//   ## A scale {#its-id}
//
//   7/10                                                  the value chosen, of the highest
//
//   ## An empty answer {#its-id}
//
//   (no answer)                                           any other words: no answer
//
//   - [x] A checkbox {#its-id}
//
// Earlier files still open. Version 2 ("Saved answers, version 2") had
// the same fences, a scale as "7 of 10" and "(no answer)"; version 1 had no
// ids and answers as plain paragraphs, read trimmed. Those English words are
// the old formats' markers, read only, never written.
(function () {
  "use strict";

  var HEAD = /^<!-- guide-answers v(\d+) (\S+) -->\s*$/;
  var OLD_HEAD = /^Saved answers, version [2-9]/m; // version 2
  var OLD_FROM = /^Saved on .* from (\S+)\s*$/;    // versions 1 and 2: the page's URL
  var OLD_NONE = "(no answer)";                     // versions 1 and 2
  var HEADING = /^## (.*?)(?: \{#([\w-]+)\})?\s*$/;
  var BOX = /^[-*] \[([ xX])\] (.*?)(?: \{#([\w-]+)\})?\s*$/;
  var SCALE = /^(\d+)\/\d+$/;

  // fence returns a line of tildes that no line of text is equal to.
  function fence(text) {
    var longest = 2;
    text.split("\n").forEach(function (line) {
      if (/^~+$/.test(line)) longest = Math.max(longest, line.length);
    });
    return new Array(longest + 2).join("~");
  }

  // write returns the file of a worksheet: page {key, title, intro (lines
  // for the reader)} and its fields in page order, each {kind, id,
  // question, value (text, or a scale's value; "" for none), checked, max
  // (a scale's highest value)}.
  function write(page, fields) {
    var lines = ["<!-- guide-answers v3 " + encodeURI(page.key) + " -->", "# " + page.title, ""].concat(page.intro);
    var inList = false;
    fields.forEach(function (f) {
      var tag = " {#" + f.id + "}";
      if (f.kind === "checkbox") {
        if (!inList) lines.push("");
        lines.push("- [" + (f.checked ? "x" : " ") + "] " + f.question + tag);
        inList = true;
        return;
      }
      inList = false;
      lines.push("", "## " + f.question + tag, "");
      if (f.value === "") {
        lines.push(t("answers.none"));
      } else if (f.kind === "scale") {
        lines.push(f.value + "/" + f.max);
      } else {
        var line = fence(f.value);
        lines.push(line, f.value, line);
      }
    });
    return lines.join("\n") + "\n";
  }

  // read parses a file into its version, worksheet key (version 3), title,
  // the URL it was saved from (versions 1 and 2), and its answers in file
  // order: {id, question, checkbox, checked, text} (text null for none).
  function read(text) {
    var lines = text.replace(/\r\n?/g, "\n").split("\n");
    var head = HEAD.exec(lines[0] || "");
    var saved = { version: head ? Number(head[1]) : OLD_HEAD.test(text) ? 2 : 1, key: head ? decodeURI(head[2]) : "", title: "", from: "", answers: [] };
    for (var i = head ? 1 : 0; i < lines.length; i++) {
      var line = lines[i], m;
      if (!saved.title && /^# /.test(line)) {
        saved.title = line.slice(2).trim();
      } else if (!head && !saved.from && (m = OLD_FROM.exec(line))) {
        saved.from = m[1];
      } else if ((m = BOX.exec(line))) {
        saved.answers.push({ id: m[3] || "", question: m[2], checkbox: true, checked: m[1] !== " " });
      } else if ((m = HEADING.exec(line))) {
        var answer = { id: m[2] || "", question: m[1], checkbox: false, text: null };
        i = readAnswer(lines, i + 1, answer, saved.version) - 1;
        saved.answers.push(answer);
      }
    }
    return saved;
  }

  // readAnswer reads the answer that starts at lines[i], into answer.text,
  // and returns the index of the line after it.
  function readAnswer(lines, i, answer, version) {
    while (i < lines.length && lines[i].trim() === "") i++;
    if (version >= 2 && /^~{3,}$/.test(lines[i] || "")) {
      var close = lines[i], body = [];
      for (i++; i < lines.length && lines[i] !== close; i++) body.push(lines[i]);
      answer.text = body.join("\n");
      return i + 1;
    }
    var block = [];
    for (; i < lines.length && !/^(## |[-*] \[[ xX]\] )/.test(lines[i]); i++) block.push(lines[i]);
    var text = block.join("\n").trim();
    if (version >= 3) answer.text = SCALE.test(text) ? text : null; // the words for no answer, in any language
    else answer.text = text === OLD_NONE ? null : text;
    return i;
  }

  // scaleValue returns the value of a scale's answer ("7/10", "7 of 10" or
  // "7"), or null.
  function scaleValue(text) {
    var m = /^(\d+)(?:(?:\/| of )\d+)?$/.exec(text.trim());
    return m ? m[1] : null;
  }

  window.answersFile = { write: write, read: read, scaleValue: scaleValue };
})();
