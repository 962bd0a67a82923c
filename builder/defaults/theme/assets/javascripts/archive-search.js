/*
 * The archive's search page (search.html): reads the index the builder writes under
 * search/ (builder/search/). Every index file is a script that calls
 * __archiveSearch.receive(name, data), so it loads over HTTP and from file:// alike.
 * A query loads search/index.js, the term files of its words and the records it shows.
 *
 * Ranking: every word must be in the article (else articles with most of the words);
 * each word scores by where it is (title, standfirst, names carried, text) times its
 * rarity; among the best results, an exact phrase comes first, then all words in one
 * paragraph. Listing pages (topics, people, ...) are listed apart, found by their name.
 */
(function () {
  "use strict";

  // ---- words: the same rules as builder/search/tokens.py -------------------------
  var STOPWORDS = new Set(("a an and are as at be by for from has have in is it its of on or that the this " +
    "to was were will with").split(" "));
  var WORD = /[\p{L}\p{N}]+/gu;
  var CJK = /([\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)/;

  var ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  function fold(text) {
    return text.normalize("NFKD").replace(ACCENTS, "").normalize("NFC").toLowerCase();
  }

  function stem(word) {
    if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
    if (word.endsWith("ies") && word.length > 4) return word.slice(0, -3) + "y";
    if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function runTokens(run) {
    var out = [];
    run.split(CJK).forEach(function (part, index) {
      if (!part) return;
      if (index % 2) {
        if (part.length === 1) out.push(part);
        else for (var i = 0; i < part.length - 1; i++) out.push(part.slice(i, i + 2));
      } else if (!STOPWORDS.has(part) && !(part.length === 1 && /^[a-z]$/.test(part))) {
        out.push(stem(part));
      }
    });
    return out;
  }

  function tokens(text) {
    var out = [];
    var folded = fold(text || "");
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(folded)) !== null) out.push.apply(out, runTokens(match[0]));
    return out;
  }

  function hash(term) {
    var value = 2166136261;
    for (var ch of term) value = Math.imul(value ^ ch.codePointAt(0), 16777619) >>> 0;
    return value;
  }

  // ---- loading index files with script elements --------------------------------
  var script = document.currentScript;
  var root = new URL("../../", script.src);
  var folder = new URL("search/", root);
  var loaded = new Map();
  var waiting = new Map();

  window.__archiveSearch = {
    receive: function (name, data) {
      var done = waiting.get(name);
      if (done) { waiting.delete(name); done(data); }
    },
    tokens: tokens,
    hash: hash,
  };

  function load(name) {
    if (!loaded.has(name)) {
      loaded.set(name, new Promise(function (resolve, reject) {
        waiting.set(name, resolve);
        var element = document.createElement("script");
        element.src = new URL(name + ".js", folder).href;
        element.onload = function () { element.remove(); };
        element.onerror = function () { loaded.delete(name); reject(new Error("cannot read the index file " + name)); };
        document.head.appendChild(element);
      }));
    }
    return loaded.get(name);
  }

  // record n: an article's in d/n.js; the listing pages' packed, listings_per_file to a file in l/
  function loadRecord(n) {
    return load("index").then(function (meta) {
      if (n < meta.articles) return load("d/" + n);
      var k = n - meta.articles, per = meta.listings_per_file;
      return load("l/" + Math.floor(k / per)).then(function (list) { return list[k % per]; });
    });
  }

  function posting(raw) {
    if (!raw) return null;
    var flat = Array.isArray(raw) ? raw : raw.h;
    var scores = new Map();
    for (var i = 0, n = 0; i < flat.length; i += 2) { n += flat[i]; scores.set(n, flat[i + 1]); }
    if (Array.isArray(raw)) return {df: scores.size, scores: scores, bits: null, rest: 0};
    return {df: raw.n, scores: scores, bits: atob(raw.b), rest: raw.r};
  }

  function has(p, n) {
    if (!p.bits) return p.scores.has(n);
    return (n >> 3) < p.bits.length && (p.bits.charCodeAt(n >> 3) & (1 << (n & 7))) !== 0;
  }

  function members(p, total) {
    if (!p.bits) return Array.from(p.scores.keys());
    var out = [];
    for (var n = 0; n < total; n++) if (has(p, n)) out.push(n);
    return out;
  }

  function term(meta, key) {
    return load("t/" + (hash(key) % meta.shards)).then(function (shard) { return posting(shard[key]); });
  }

  // ---- ranking -------------------------------------------------------------------
  var VERIFIED = 12;          // best results whose text is read for phrases
  var VERIFIED_QUOTED = 40;   // more when the query asks for an exact phrase
  var PAGES_SHOWN = 6;        // listing pages shown above the articles

  function idf(p, total) { return Math.log(1 + (total - p.df + 0.5) / (p.df + 0.5)); }

  function candidates(lists, total) {
    var smallest = lists.slice().sort(function (a, b) { return a.df - b.df; })[0];
    return members(smallest, total).filter(function (n) {
      return lists.every(function (p) { return has(p, n); });
    });
  }

  function parse(query) {
    var quoted = [];
    var re = /"([^"]+)"/g, m;
    while ((m = re.exec(query)) !== null) { var t = tokens(m[1]); if (t.length > 1) quoted.push(t); }
    var sequence = tokens(query.replace(/"/g, " "));
    return {sequence: sequence, words: Array.from(new Set(sequence)), quoted: quoted};
  }

  function run(query, filters) {
    var q = parse(query);
    var keys = Object.keys(filters).filter(function (k) { return filters[k]; })
      .map(function (k) { return k + ":" + filters[k]; });
    return load("index").then(function (meta) {
      return Promise.all(q.words.concat(keys).map(function (key) { return term(meta, key); }))
        .then(function (lists) { return rank(meta, q, lists.slice(0, q.words.length), lists.slice(q.words.length)); });
    });
  }

  function rank(meta, q, wordLists, filterLists) {
    var total = meta.records;
    var result = {query: q, articles: [], pages: [], partial: false};
    if (filterLists.some(function (p) { return !p; })) return Promise.resolve(result);
    var found = wordLists.filter(Boolean);
    var numbers;
    if (q.words.length) {
      numbers = found.length === wordLists.length ? candidates(found, total) : [];
      if (!numbers.length && found.length > 1) {
        result.partial = true;
        var union = new Set();
        found.forEach(function (p) { members(p, total).forEach(function (n) { union.add(n); }); });
        numbers = Array.from(union);
      }
    } else if (filterLists.length) {
      numbers = candidates(filterLists, total);
    } else {
      return Promise.resolve(result);
    }
    numbers = numbers.filter(function (n) { return filterLists.every(function (p) { return has(p, n); }); });
    var scored = numbers.map(function (n) {
      var score = 0, matched = 0;
      found.forEach(function (p) { if (has(p, n)) { matched++; score += idf(p, total) * p_score(p, n); } });
      return {n: n, score: score + matched * 1e6, tier: 0};
    });
    scored.sort(function (a, b) { return q.words.length ? (b.score - a.score) || (a.n - b.n) : a.n - b.n; });
    result.articles = scored.filter(function (r) { return r.n < meta.articles; });
    if (q.words.length && !filterLists.length && !result.partial) {
      result.pages = scored.filter(function (r) { return r.n >= meta.articles; }).slice(0, PAGES_SHOWN);
    }
    if (q.sequence.length < 2) return Promise.resolve(result);
    return verify(result, q);
  }

  function p_score(p, n) { return p.scores.has(n) ? p.scores.get(n) : p.rest; }

  function verify(result, q) {
    var count = q.quoted.length ? VERIFIED_QUOTED : VERIFIED;
    var head = result.articles.slice(0, count), tail = result.articles.slice(count);
    return Promise.all(head.map(function (r) { return loadRecord(r.n); })).then(function (records) {
      head.forEach(function (r, i) { r.tier = tier(records[i], q); });
      if (q.quoted.length) head = head.filter(function (r) { return r.tier >= 0; });
      head.sort(function (a, b) { return (b.tier - a.tier) || (b.score - a.score) || (a.n - b.n); });
      result.articles = head.concat(q.quoted.length ? [] : tail);
      return result;
    });
  }

  function texts(record) {
    return [record.t, record.s || ""].concat(record.p || []);
  }

  function contains(list, sequence) {
    outer: for (var i = 0; i + sequence.length <= list.length; i++) {
      for (var j = 0; j < sequence.length; j++) if (list[i + j] !== sequence[j]) continue outer;
      return true;
    }
    return false;
  }

  // 2: the words as typed, in a row in the text; 1: in a row in the names the article carries,
  // or all words in one paragraph; 0: apart; -1: a quoted phrase missing
  function tier(record, q) {
    var lists = texts(record).map(tokens);
    var names = (record.n || "").split(" · ").map(tokens);
    var quotedOk = q.quoted.every(function (s) {
      return lists.concat(names).some(function (l) { return contains(l, s); });
    });
    if (!quotedOk) return -1;
    if (lists.some(function (l) { return contains(l, q.sequence); })) return 2;
    if (names.some(function (l) { return contains(l, q.sequence); })) return 1;
    var together = lists.some(function (l) {
      return q.words.every(function (w) { return l.indexOf(w) >= 0; });
    });
    return together ? 1 : 0;
  }

  // ---- snippets ------------------------------------------------------------------
  var SNIPPET_CHARS = 320;

  function bestParagraph(record, q) {
    var best = {index: 0, hits: 0};
    (record.p || []).forEach(function (text, i) {
      var list = tokens(text);
      var hits = q.words.filter(function (w) { return list.indexOf(w) >= 0; }).length;
      if (q.sequence.length > 1 && contains(list, q.sequence)) hits += q.words.length + 1;
      if (hits > best.hits) best = {index: i + 1, hits: hits};
    });
    return best;
  }

  function marked(text, words) {
    var fragment = document.createDocumentFragment();
    var wanted = new Set(words), last = 0, first = -1, match, spans = [];
    var re = /[\p{L}\p{N}]+/gu;
    while ((match = re.exec(text)) !== null) {
      var hit = runTokens(fold(match[0])).some(function (t) { return wanted.has(t); });
      if (hit) { spans.push([match.index, match.index + match[0].length]); if (first < 0) first = match.index; }
    }
    var start = 0, end = text.length;
    if (text.length > SNIPPET_CHARS) {
      start = Math.max(0, (first < 0 ? 0 : first) - SNIPPET_CHARS / 3);
      start = start ? text.indexOf(" ", start) + 1 : 0;
      end = Math.min(text.length, start + SNIPPET_CHARS);
      var space = text.lastIndexOf(" ", end);
      if (end < text.length && space > start) end = space;
    }
    last = start;
    if (start > 0) fragment.append("… ");
    spans.forEach(function (span) {
      if (span[0] < start || span[1] > end) return;
      fragment.append(text.slice(last, span[0]));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      fragment.append(mark);
      last = span[1];
    });
    fragment.append(text.slice(last, end));
    if (end < text.length) fragment.append(" …");
    return fragment;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function articleItem(record, q) {
    var best = bestParagraph(record, q);
    var item = element("li", "archive-search-result");
    var link = element("a", "archive-search-link", record.t);
    link.href = new URL(record.u + (best.index ? "#p" + best.index : ""), root).href;
    item.append(link);
    if (record.m) item.append(element("p", "archive-search-meta", record.m));
    var text = best.index ? record.p[best.index - 1] : (record.s || "");
    if (text) {
      var snippet = element("p", "archive-search-snippet");
      snippet.append(marked(text, q.words));
      item.append(snippet);
    }
    return item;
  }

  function pageItem(record) {
    var item = element("li", "archive-search-page");
    var link = element("a", "archive-search-link", record.t);
    link.href = new URL(record.u, root).href;
    item.append(link, " ", element("span", "archive-search-meta", record.m || record.k));
    return item;
  }

  // ---- the page --------------------------------------------------------------------
  var SHOWN = 10;

  function setup() {
    var box = document.getElementById("archive-search");
    if (!box) return;
    var form = box.querySelector("form");
    var input = form.elements.q;
    var selects = Array.from(box.querySelectorAll("select[data-filter]"));
    var status = box.querySelector(".archive-search-status");
    var pages = box.querySelector(".archive-search-pages");
    var list = box.querySelector(".archive-search-results");
    var more = box.querySelector(".archive-search-more");
    var params = new URLSearchParams(location.search);
    var generation = 0, current = null, shown = 0, timer = 0;

    input.value = params.get("q") || "";
    status.textContent = "";
    load("index").then(function (meta) {
      selects.forEach(function (select) {
        (meta.filters[select.dataset.filter] || []).forEach(function (pair) {
          var option = element("option", "", pair[0] + " (" + pair[1] + ")");
          option.value = pair[0];
          select.append(option);
        });
        select.value = params.get(select.dataset.filter) || "";
      });
      go();
    }, function (error) { status.textContent = "Search is unavailable: " + error.message; });

    function filters() {
      var out = {};
      selects.forEach(function (s) { out[s.dataset.filter] = s.value; });
      return out;
    }

    function remember(query, chosen) {
      var next = new URLSearchParams();
      if (query) next.set("q", query);
      Object.keys(chosen).forEach(function (k) { if (chosen[k]) next.set(k, chosen[k]); });
      try { history.replaceState(null, "", "?" + next.toString()); } catch (e) { /* file:// may refuse */ }
    }

    function go() {
      var mine = ++generation;
      var query = input.value.trim(), chosen = filters();
      remember(query, chosen);
      box.dataset.state = "busy";
      run(query, chosen).then(function (result) {
        if (mine !== generation) return;
        current = result; shown = 0;
        pages.replaceChildren(); list.replaceChildren();
        return Promise.all(result.pages.map(function (r) { return loadRecord(r.n); })).then(function (records) {
          if (mine !== generation) return;
          records.forEach(function (record) { pages.append(pageItem(record)); });
          return showMore(mine, query);
        });
      }).catch(function (error) {
        status.textContent = "Search is unavailable: " + error.message;
        box.dataset.state = "done";
      });
    }

    function showMore(mine, query) {
      var next = current.articles.slice(shown, shown + SHOWN);
      return Promise.all(next.map(function (r) { return loadRecord(r.n); })).then(function (records) {
        if (mine !== generation) return;
        records.forEach(function (record) { list.append(articleItem(record, current.query)); });
        shown += records.length;
        more.hidden = shown >= current.articles.length;
        status.textContent = describe(current, query);
        box.dataset.query = query;
        box.dataset.state = "done";
      });
    }

    function describe(result, query) {
      var n = result.articles.length;
      if (!query && !result.query.words.length && !n) return "Type a word, a name or a \"phrase in quotes\".";
      if (!n) return "No article found.";
      var count = n + (n === 1 ? " article" : " articles");
      return result.partial ? "No article has all these words. " + count + " with some of them:" : count + ":";
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(go, 150); });
    selects.forEach(function (s) { s.addEventListener("change", go); });
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); go(); });
    more.addEventListener("click", function () { showMore(generation, input.value.trim()); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
