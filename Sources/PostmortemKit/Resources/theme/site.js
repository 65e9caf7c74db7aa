/* postmortem built-in theme script: table filters, the search page, and a
   record of script errors for tests. Works from file:// (index files are
   loaded with <script> elements, never fetch). User text is only ever put
   into the page with textContent, never innerHTML. */
(function () {
  "use strict";

  // Script errors are written into #pm-errors so a headless test can read them.
  function recordError(message) {
    var box = document.getElementById("pm-errors");
    document.documentElement.setAttribute("data-js-errors", "yes");
    if (box) {
      var line = document.createElement("p");
      line.textContent = String(message);
      box.appendChild(line);
    }
  }
  window.addEventListener("error", function (event) { recordError(event.message || "script error"); });
  window.addEventListener("unhandledrejection", function (event) { recordError("unhandled rejection: " + event.reason); });

  function params() {
    var result = {};
    new URLSearchParams(window.location.search).forEach(function (value, key) { result[key] = value; });
    return result;
  }

  function replaceQuery(values) {
    var query = new URLSearchParams();
    Object.keys(values).forEach(function (key) { if (values[key]) query.set(key, values[key]); });
    var text = query.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
    } catch (ignored) { /* some browsers refuse history changes on file:// */ }
  }

  /* ---------- Porter stemmer: a line-for-line copy of PorterStemmer.swift ---------- */
  var stem = (function () {
    function isConsonant(b, i) {
      var c = b[i];
      if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") return false;
      if (c === "y") return i === 0 ? true : !isConsonant(b, i - 1);
      return true;
    }
    return function (word) {
      if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
      var b = word.split(""), k = b.length - 1, j = 0;
      function measure() {
        var n = 0, i = 0;
        while (true) { if (i > j) return n; if (!isConsonant(b, i)) break; i++; }
        i++;
        while (true) {
          while (true) { if (i > j) return n; if (isConsonant(b, i)) break; i++; }
          i++; n++;
          while (true) { if (i > j) return n; if (!isConsonant(b, i)) break; i++; }
          i++;
        }
      }
      function vowelInStem() { for (var i = 0; i <= j; i++) if (!isConsonant(b, i)) return true; return false; }
      function doubleConsonant(i) { return i >= 1 && b[i] === b[i - 1] && isConsonant(b, i); }
      function cvc(i) {
        if (i < 2 || !isConsonant(b, i) || isConsonant(b, i - 1) || !isConsonant(b, i - 2)) return false;
        return b[i] !== "w" && b[i] !== "x" && b[i] !== "y";
      }
      function ends(s) {
        var length = s.length;
        if (length > k + 1) return false;
        if (b.slice(k - length + 1, k + 1).join("") !== s) return false;
        j = k - length;
        return true;
      }
      function setTo(s) {
        b.splice(j + 1, k - j, ...s.split(""));
        k = j + s.length;
      }
      function r(s) { if (measure() > 0) setTo(s); }
      function step1ab() {
        if (b[k] === "s") {
          if (ends("sses")) k -= 2;
          else if (ends("ies")) setTo("i");
          else if (b[k - 1] !== "s") k -= 1;
        }
        if (ends("eed")) { if (measure() > 0) k -= 1; }
        else if ((ends("ed") || ends("ing")) && vowelInStem()) {
          k = j;
          if (ends("at")) setTo("ate");
          else if (ends("bl")) setTo("ble");
          else if (ends("iz")) setTo("ize");
          else if (doubleConsonant(k)) { k -= 1; var last = b[k]; if (last === "l" || last === "s" || last === "z") k += 1; }
          else if (measure() === 1 && cvc(k)) setTo("e");
        }
      }
      function step1c() { if (ends("y") && vowelInStem()) b[k] = "i"; }
      var step2Rules = {
        a: [["ational", "ate"], ["tional", "tion"]], c: [["enci", "ence"], ["anci", "ance"]], e: [["izer", "ize"]],
        l: [["bli", "ble"], ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"]],
        o: [["ization", "ize"], ["ation", "ate"], ["ator", "ate"]],
        s: [["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"]],
        t: [["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]], g: [["logi", "log"]]
      };
      var step3Rules = {
        e: [["icate", "ic"], ["ative", ""], ["alize", "al"]], i: [["iciti", "ic"]],
        l: [["ical", "ic"], ["ful", ""]], s: [["ness", ""]]
      };
      function applyRules(rules) {
        if (!rules) return;
        for (var i = 0; i < rules.length; i++) { if (ends(rules[i][0])) { r(rules[i][1]); return; } }
      }
      var step4Suffixes = {
        a: ["al"], c: ["ance", "ence"], e: ["er"], i: ["ic"], l: ["able", "ible"], n: ["ant", "ement", "ment", "ent"],
        s: ["ism"], t: ["ate", "iti"], u: ["ous"], v: ["ive"], z: ["ize"]
      };
      function step4() {
        var c = b[k - 1];
        if (c === "o") {
          if (!(ends("ion") && j >= 0 && (b[j] === "s" || b[j] === "t")) && !ends("ou")) return;
        } else {
          var suffixes = step4Suffixes[c];
          if (!suffixes) return;
          var found = false;
          for (var i = 0; i < suffixes.length && !found; i++) found = ends(suffixes[i]);
          if (!found) return;
        }
        if (measure() > 1) k = j;
      }
      function step5() {
        j = k;
        if (b[k] === "e") { var m = measure(); if (m > 1 || (m === 1 && !cvc(k - 1))) k -= 1; }
        if (b[k] === "l" && doubleConsonant(k) && measure() > 1) k -= 1;
      }
      step1ab();
      if (k > 0) {
        step1c();
        applyRules(step2Rules[b[k - 1]]);
        applyRules(step3Rules[b[k]]);
        step4();
        step5();
      }
      return b.slice(0, k + 1).join("");
    };
  })();

  var WORD = /[\p{Alphabetic}\p{N}]+/gu;
  function words(text) {
    return (String(text).match(WORD) || []).map(function (w) { return w.toLowerCase(); })
      .filter(function (w) { return Array.from(w).length <= 40; });
  }

  /* ---------- Table filters (index, actions, services) ---------- */
  function setUpFilters(form) {
    var table = document.getElementById(form.getAttribute("data-filter-for"));
    if (!table) return;
    form.hidden = false;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var output = form.querySelector("output");
    var initial = params();
    selects.forEach(function (select) {
      var wanted = (initial[select.name] || "").toLowerCase();
      var same = Array.prototype.find.call(select.options, function (o) { return o.value && o.value.toLowerCase() === wanted; });
      if (same) select.value = same.value;
    });
    function apply(updateURL) {
      var shown = 0, state = {};
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          var values = (row.getAttribute("data-" + select.name) || "").split(" ");
          return values.indexOf(select.value) >= 0;
        });
        row.hidden = !visible;
        if (visible) shown++;
      });
      selects.forEach(function (select) { state[select.name] = select.value; });
      if (output) output.textContent = shown === rows.length ? rows.length + " shown" : shown + " of " + rows.length + " shown";
      if (updateURL) replaceQuery(state);
    }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply(false);
  }

  /* ---------- Search ---------- */
  var FACETS = ["severity", "service", "year", "status", "factor"];
  var PAGE_SIZE = 20;
  var loaded = {};
  var index = { meta: null, facets: null, shards: {}, docs: {}, postings: new Map() };

  window.PM_SEARCH = {
    meta: function (meta) { index.meta = meta; index.shardSet = new Set(meta.shards); },
    facets: function (rows) { index.facets = rows; },
    terms: function (key, table) { index.shards[key] = table; },
    docs: function (block, rows) {
      rows.forEach(function (row, i) {
        var facets = index.meta.facets;
        index.docs[block * index.meta.block + i] = {
          id: row[0], title: row[1], date: row[2], severity: facets.severity[row[3]],
          services: row[4].map(function (n) { return facets.service[n]; }), status: facets.status[row[5]],
          url: row[6], text: row[7]
        };
      });
    }
  };

  // Postings as PostingCoder.swift writes them: base-32 numbers whose last
  // digit is one of the first 32 characters of DIGITS, earlier digits one of
  // the last 32; per posting delta × 8 + min(weight, 8) − 1, then weight − 8
  // when the weight is 8 or more. Returns [doc, weight, doc, weight, …].
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", DIGIT_VALUE = {};
  for (var place = 0; place < DIGITS.length; place++) DIGIT_VALUE[DIGITS.charCodeAt(place)] = place;
  function decodePostings(text) {
    var numbers = [], value = 0, i;
    for (i = 0; i < text.length; i++) {
      var digit = DIGIT_VALUE[text.charCodeAt(i)];
      if (digit >= 32) value = value * 32 + digit - 32;
      else { numbers.push(value * 32 + digit); value = 0; }
    }
    var out = [], doc = 0;
    for (i = 0; i < numbers.length; i++) {
      doc += Math.floor(numbers[i] / 8);
      var weight = numbers[i] % 8 + 1;
      if (weight === 8) weight += numbers[++i];
      out.push(doc, weight);
    }
    return out;
  }

  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(true); };
        script.onerror = function () { recordError("could not load " + src); resolve(false); };
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  function shardKey(term, length) {
    return Array.from(term).slice(0, length).map(function (c) { return /[a-z0-9]/.test(c) ? c : "_"; }).join("");
  }
  function shardFile(key) { return key === "" ? "search/terms.js" : "search/t-" + key + ".js"; }
  // The shard holding a term: the longest shard key that begins the term's
  // own key (shards are split by one more character only where they were big).
  function shardOf(term) {
    for (var key = shardKey(term, index.meta.prefix); ; key = key.slice(0, -1)) {
      if (index.shardSet.has(key)) return key;
      if (key === "") return null;
    }
  }

  // The word groups of a query: every word must match (AND); the last one,
  // unless followed by a space, also matches as a prefix.
  function parseQuery(text) {
    var stop = new Set(index.meta.stopwords);
    var list = words(text).filter(function (w) { return Array.from(w).length >= 2 && !stop.has(w); });
    var prefixLast = list.length > 0 && !/\s$/.test(text);
    return list.map(function (word, i) {
      return { word: word, term: stem(word), prefix: prefixLast && i === list.length - 1 };
    });
  }

  // The shards a query needs: each word's and stem's own, and for a word
  // matched as a prefix also every shard whose key it begins.
  function shardsFor(groups) {
    var keys = new Set();
    groups.forEach(function (group) {
      [group.term, group.word].forEach(function (p) {
        var own = shardOf(p);
        if (own !== null) keys.add(own);
        if (!group.prefix) return;
        var key = shardKey(p, index.meta.prefix);
        index.meta.shards.forEach(function (existing) { if (existing.indexOf(key) === 0) keys.add(existing); });
      });
    });
    return Array.from(keys).sort();
  }

  function lookup(term) {
    if (index.postings.has(term)) return index.postings.get(term);
    var key = shardOf(term), shard = key === null ? null : index.shards[key];
    if (!shard || !Object.prototype.hasOwnProperty.call(shard, term)) return null;
    // Decoded once per page: typing refines the same words again and again.
    var found = decodePostings(shard[term]);
    index.postings.set(term, found);
    return found;
  }

  // Candidate terms of a group with the factor their matches count for.
  function candidates(group) {
    var found = [[group.term, 1]];
    if (!group.prefix) return found;
    var seen = new Set([group.term]);
    var wordLength = Array.from(group.word).length;
    Object.keys(index.shards).forEach(function (key) {
      Object.keys(index.shards[key]).forEach(function (term) {
        if (seen.has(term)) return;
        var isPrefix = term.indexOf(group.term) === 0 || term.indexOf(group.word) === 0;
        var length = Array.from(term).length;
        var isStemOfWord = group.word.indexOf(term) === 0 && length >= Math.max(3, wordLength - 4);
        if (isPrefix || isStemOfWord) { seen.add(term); found.push([term, 0.7]); }
      });
    });
    return found;
  }

  function score(groups) {
    var total = index.meta.count, combined = null, matched = {};
    groups.forEach(function (group) {
      var scores = new Map();
      candidates(group).forEach(function (candidate) {
        var postings = lookup(candidate[0]);
        if (!postings) return;
        var idf = Math.log(1 + total / (postings.length / 2));
        for (var i = 0; i < postings.length; i += 2) {
          var doc = postings[i];
          var weight = postings[i + 1];
          var value = candidate[1] * idf * weight / (weight + 4);
          if (!scores.has(doc) || scores.get(doc) < value) scores.set(doc, value);
          (matched[doc] = matched[doc] || new Set()).add(candidate[0]);
        }
      });
      if (combined === null) {
        combined = scores;
      } else {
        var next = new Map();
        combined.forEach(function (value, doc) { if (scores.has(doc)) next.set(doc, value + scores.get(doc)); });
        combined = next;
      }
    });
    return { scores: combined || new Map(), matched: matched };
  }

  function passesFilters(doc, filters) {
    if (Object.keys(filters).length === 0) return true;
    if (!index.facets) return false;
    var row = index.facets[doc], facets = index.meta.facets;
    function has(position, facet) {
      var wanted = filters[facet];
      if (!wanted) return true;
      var lower = String(wanted).toLowerCase();
      var number = facets[facet].findIndex(function (value) { return String(value).toLowerCase() === lower; });
      if (number < 0) return false;
      var value = row[position];
      return Array.isArray(value) ? value.indexOf(number) >= 0 : value === number;
    }
    return has(0, "severity") && has(1, "service") && has(2, "year") && has(3, "status") && has(4, "factor");
  }

  function highlightInto(element, text, terms, prefix) {
    var pieces = String(text).match(/[\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+/gu) || [];
    function hits(piece) {
      if (!/[\p{Alphabetic}\p{N}]/u.test(piece)) return false;
      var lower = piece.toLowerCase();
      return terms.has(stem(lower)) || (prefix && lower.indexOf(prefix) === 0);
    }
    var first = -1, wordCount = 0, positions = [];
    pieces.forEach(function (piece, i) {
      if (/[\p{Alphabetic}\p{N}]/u.test(piece)) { positions.push(i); if (first < 0 && hits(piece)) first = wordCount; wordCount++; }
    });
    var startWord = first > 12 ? first - 8 : 0, endWord = Math.min(wordCount, startWord + 40);
    var startPiece = startWord > 0 ? positions[startWord] : 0;
    var endPiece = endWord < wordCount ? positions[endWord] : pieces.length;
    if (startWord > 0) element.appendChild(document.createTextNode("… "));
    for (var i = startPiece; i < endPiece; i++) {
      if (hits(pieces[i])) {
        var mark = document.createElement("mark");
        mark.textContent = pieces[i];
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(pieces[i]));
      }
    }
    if (endWord < wordCount) element.appendChild(document.createTextNode(" …"));
  }

  function severityClass(severity) {
    var match = /^SEV([1-4])$/i.exec(severity || "");
    return match ? "sev-" + match[1] : "sev-other";
  }

  function renderResult(number, doc, terms, prefix) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.className = "result-title";
    link.href = doc.url;
    link.textContent = doc.title;
    item.appendChild(link);
    var meta = document.createElement("div");
    meta.className = "result-meta";
    function add(tag, className, text) {
      var element = document.createElement(tag);
      element.className = className;
      element.textContent = text;
      meta.appendChild(element);
      return element;
    }
    add("span", "pm-id", doc.id);
    add("span", "badge " + severityClass(doc.severity), doc.severity);
    var time = add("time", "date", doc.date);
    time.setAttribute("datetime", doc.date);
    add("span", "status status-" + String(doc.status).replace(/[^A-Za-z0-9_-]/g, "-"), doc.status);
    add("span", "services", doc.services.join(", "));
    item.appendChild(meta);
    var snippet = document.createElement("p");
    snippet.className = "snippet";
    highlightInto(snippet, doc.text, terms, prefix);
    item.appendChild(snippet);
    item.setAttribute("data-id", doc.id);
    return item;
  }

  function setUpSearch(form) {
    var input = form.querySelector("#q");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var generation = 0, current = [], shown = 0, currentTerms = null, currentPrefix = "";
    var root = document.documentElement;

    var initial = params();
    input.value = initial.q || "";
    selects.forEach(function (select) {
      var wanted = initial[select.name];
      if (!wanted) return;
      // Deep links may differ in case (severity=sev1); use the option's spelling.
      var same = Array.prototype.find.call(select.options, function (o) { return o.value.toLowerCase() === wanted.toLowerCase(); });
      if (same) wanted = same.value;
      if (!same) {
        var option = document.createElement("option");
        option.value = wanted;
        option.textContent = wanted;
        select.appendChild(option);
      }
      select.value = wanted;
    });

    function state() {
      var values = { q: input.value };
      selects.forEach(function (select) { values[select.name] = select.value; });
      return values;
    }

    function showPage() {
      var slice = current.slice(shown, shown + PAGE_SIZE), mine = generation, blocks = new Set();
      slice.forEach(function (n) { blocks.add(Math.floor(n / index.meta.block)); });
      return Promise.all(Array.from(blocks).sort(function (a, b) { return a - b; }).map(function (block) {
        return loadScript("search/d/" + block + ".js");
      })).then(function () {
        if (mine !== generation) return;
        slice.forEach(function (n) {
          var doc = index.docs[n];
          if (doc) list.appendChild(renderResult(n, doc, currentTerms.get(n) || new Set(), currentPrefix));
        });
        shown += slice.length;
        more.hidden = shown >= current.length;
      });
    }

    function run() {
      var mine = ++generation, values = state();
      var groups = parseQuery(values.q);
      var filters = {};
      FACETS.forEach(function (facet) { if (values[facet]) filters[facet] = values[facet]; });
      var filtered = Object.keys(filters).length > 0;
      root.setAttribute("data-search", "running");
      var files = shardsFor(groups).map(shardFile);
      if (filtered) files.push("search/facets.js");
      return Promise.all(files.map(loadScript)).then(function () {
        if (mine !== generation) return;
        var docs = [];
        currentTerms = new Map();
        currentPrefix = "";
        if (groups.length > 0) {
          var result = score(groups);
          result.scores.forEach(function (value, doc) { if (passesFilters(doc, filters)) docs.push([doc, value]); });
          docs.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
          docs.forEach(function (pair) { currentTerms.set(pair[0], result.matched[pair[0]]); });
          var last = groups[groups.length - 1];
          if (last.prefix) currentPrefix = last.word;
        } else if (filtered) {
          for (var n = 0; n < index.meta.count; n++) if (passesFilters(n, filters)) docs.push([n, 0]);
        }
        current = docs.map(function (pair) { return pair[0]; });
        shown = 0;
        list.textContent = "";
        var description = groups.length ? "for “" + values.q.trim() + "”" : "";
        var facetText = Object.keys(filters).map(function (f) { return f + " " + filters[f]; }).join(", ");
        if (groups.length === 0 && !filtered) {
          status.textContent = "Type words to search " + index.meta.count + " postmortems, or choose a filter.";
        } else if (current.length === 0) {
          status.textContent = "No postmortems match " + [description, facetText].filter(Boolean).join(" with ") + ".";
        } else {
          status.textContent = current.length + (current.length === 1 ? " postmortem " : " postmortems ") +
            [description, facetText ? "with " + facetText : ""].filter(Boolean).join(" ") + ".";
        }
        root.setAttribute("data-results", String(current.length));
        return showPage().then(function () { if (mine === generation) root.setAttribute("data-search", "done"); });
      });
    }

    var timer = null;
    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(function () { replaceQuery(state()); run(); }, 120);
    }
    input.addEventListener("input", schedule);
    selects.forEach(function (select) { select.addEventListener("change", schedule); });
    form.addEventListener("submit", function (event) { event.preventDefault(); replaceQuery(state()); run(); });
    more.addEventListener("click", function () { showPage(); });

    // Arrow keys move between the search box and the results.
    function resultLinks() { return Array.prototype.slice.call(list.querySelectorAll("a.result-title")); }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { var links = resultLinks(); if (links.length) { event.preventDefault(); links[0].focus(); } }
    });
    list.addEventListener("keydown", function (event) {
      var links = resultLinks(), at = links.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at + 1 < links.length) { event.preventDefault(); links[at + 1].focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      else if (event.key === "Escape") { input.focus(); }
    });

    root.setAttribute("data-search", "loading");
    loadScript("search/meta.js").then(function (ok) {
      if (!ok || !index.meta) { status.textContent = "The search index could not be loaded."; return; }
      return run();
    });
  }

  // "/" focuses the search box from anywhere but a text field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target, tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var box = document.getElementById("q") || document.getElementById("site-q");
    if (box) { event.preventDefault(); box.focus(); }
  });

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.filter-form[data-filter-for]"), setUpFilters);
    var form = document.getElementById("search-form");
    if (form) setUpSearch(form);
    document.documentElement.setAttribute("data-js", "ready");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  window.PM_STEM = stem; // for tests that compare with the Swift stemmer
  window.PM_DECODE = decodePostings; // and with the Swift posting coder
})();
