/* The header's search box, backed by the year's Pagefind bundles
 * (generator/site/search_layout.py, generator/site/indexer.py).
 *
 * - pagefind/ holds the organizations' names, pagefind/ten/<n>-<part>/ the members' names
 *   in buckets by given name (the last word), a bucket in parts by family name (the first
 *   word), pagefind/trang/ the ordinary pages, pagefind/phan/<id>/ the full text of one
 *   shard of units; pagefind/phan.json says how many buckets there are, each one's part
 *   count and parts, the shards, and how many files pagefind/don-vi/<k>.json say which
 *   unit is in which shard (a unit id's file: bucketOf(id, count); a page loads the few
 *   its units need); pagefind/phan-ten.json labels the shards for the list of scopes,
 *   loaded beside the first query, which does not wait for it. A small year (one shard)
 *   is one bundle of full records.
 * - A query searches the organizations' names, the pages and the full text of the shard
 *   of the unit the page belongs to (read from the page's address and its breadcrumbs);
 *   the reader may choose another shard, all of them (merged with Pagefind's mergeIndex:
 *   downloads more) or names only. A query of two words or more also searches one part of
 *   one name bucket: that of its first word (the family name) in the bucket of its last
 *   (the given name), "do van thanh" -> thanh's bucket, do's part; so a name typed as
 *   family + given name is found in the whole year. A one-word query loads no bucket (a
 *   given name alone would need all its parts): the box says to type the whole name.
 *   Pagefind loads only the chunks and fragments a query needs.
 * - Hits whose text contains the query with its own diacritics come first ("Thành"
 *   before "Thanh"); Pagefind itself ranks folded and exact forms alike.
 * - Everything shown comes from submitted text, so it is put in as text nodes only; the
 *   excerpt is cut from the record's text here, its matching words marked.
 * - Opened from disk (file://) the browser refuses to load the index: the box says so.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../", script ? script.src : location.href); // the year's root
  var bundle = new URL("pagefind/", root);
  var FOLDED_MARK = "\u2042"; // generator.site.search.FOLDED_MARK
  var SHOWN = 10;
  var NAMES = "ten";
  var ALL = "*";
  var module = null;
  var manifest = null;
  var unitFiles = {};
  var pageScope = null;
  var labels = null;
  var instances = {};
  var latest = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function norm(text) {
    return (text || "").normalize("NFC").toLowerCase();
  }

  /* Lower case, no tone marks, đ -> d: how the index matches words. */
  function fold(text) {
    return norm(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }

  function shown(text) {
    return (text || "").split(FOLDED_MARK)[0].trim();
  }

  /* A few lines of a hit's text around its first matching word, the matching words
     marked. Made here rather than taken from Pagefind's excerpt, which can fall on the
     đ->d forms (after FOLDED_MARK) that are not shown. Text nodes only. */
  function excerpt(content, query) {
    var tokens = shown(content).split(/([^\p{L}\p{N}]+)/u); // words, and what separates them
    var terms = fold(query).replace(/"/g, "").split(/\s+/).filter(Boolean);
    var matches = tokens.map(function (t) {
      var word = fold(t);
      return word !== "" && terms.some(function (q) { return word.indexOf(q) === 0; });
    });
    var first = Math.max(0, matches.indexOf(true));
    var from = Math.max(0, first - 24);
    var to = Math.min(tokens.length, from + 70);
    var out = el("p");
    if (from > 0) out.appendChild(document.createTextNode("… "));
    for (var i = from; i < to; i++) {
      if (matches[i]) out.appendChild(el("mark", "", tokens[i]));
      else out.appendChild(document.createTextNode(tokens[i]));
    }
    if (to < tokens.length) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  /* 0: the query as typed, diacritics and all, is in the hit; 1: each of its words is;
     2: the query without diacritics is (a name typed without them); 3: each of its
     words without diacritics is; 4: Pagefind matched otherwise (word starts). */
  function exactness(query, hit) {
    var hay = norm(hit.title + " " + shown(hit.text));
    var q = norm(query).replace(/"/g, "").trim();
    var folded = fold(hay);
    var fq = fold(q);
    function all(words, text) {
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    }
    if (hay.indexOf(q) >= 0) return 0;
    if (all(q.split(/\s+/), hay)) return 1;
    if (folded.indexOf(fq) >= 0) return 2;
    return all(fq.split(/\s+/), folded) ? 3 : 4;
  }

  /* One result as a hit. Full records carry kd_kind; names-only ones ("ten-...") give way
     to the full record of the same address when both are found. */
  function hitOf(data) {
    var meta = data.meta || {};
    return {
      url: data.url,
      title: meta.title || data.url,
      where: meta.kd_where || "",
      text: data.content,
      full: (meta.kd_kind || "").indexOf("ten-") !== 0,
    };
  }

  /* FNV-1a of a folded word's UTF-8, as generator.site.search_layout.bucket_of. */
  function bucketOf(word, buckets) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(word).forEach(function (b) {
      h = Math.imul(h ^ b, 0x01000193) >>> 0;
    });
    return h % buckets;
  }

  function wordsOf(query) {
    return fold(query).match(/[\p{L}\p{N}]+/gu) || [];
  }

  /* The name bucket part a query needs, as a folder name ("<bucket>-<part>"), none or
     one: for two words or more, the part of its first word (the family name) in the
     bucket of its last (the given name), as generator.site.search_layout.name_parts
     places a member: "do van thanh" -> thanh's bucket, do's part. One part a query,
     whatever the year's size; a one-word query loads none (a family name alone is found
     in the unit's shard, a given name alone would need every part of its bucket). */
  function bucketsFor(query, m) {
    var count = m.ten ? m.ten.so : 0;
    var words = wordsOf(query);
    if (!count || words.length < 2) return [];
    var bucket = bucketOf(words[words.length - 1], count);
    var parts = (m.ten.so_phan || [])[bucket] || 0;
    if (!parts) return [];
    var part = bucketOf(words[0], parts);
    return (m.ten.phan[bucket] || []).indexOf(part) >= 0 ? [bucket + "-" + part] : [];
  }

  /* Whether to tell the reader to type a whole name: the year has name buckets and the
     query is one word (its buckets were not searched). */
  function nameHint(query, m) {
    return Boolean(m.ten && m.ten.so) && wordsOf(query).length === 1;
  }

  async function getManifest() {
    if (!manifest) {
      var response = await fetch(new URL("phan.json", bundle));
      manifest = response.ok ? await response.json() : { trang: null, phan: [], don_vi: { so: 0 } };
    }
    return manifest;
  }

  /* The organization ids the current page belongs to, nearest first: its own (from its
     address, to-chuc/<id>/...) and its breadcrumbs' (its superiors). */
  function pageOrgs() {
    var ids = [];
    function add(url) {
      var path = decodeURIComponent(new URL(url, location.href).pathname);
      if (path.indexOf(root.pathname) !== 0) return;
      var match = /^to-chuc\/([^\/.]+)(\/|\.html|$)/.exec(path.slice(root.pathname.length));
      if (match) ids.push(match[1]);
    }
    add(location.href);
    var crumbs = Array.prototype.slice.call(document.querySelectorAll(".kd-crumbs a"));
    crumbs.reverse().forEach(function (a) { add(a.getAttribute("href")); });
    return ids;
  }

  /* One of the files that say which shard a unit is in (pagefind/don-vi/<k>.json), each
     fetched once; a file that cannot be loaded says nothing (the unit is not found). */
  function unitFile(units, k) {
    if (!unitFiles[k]) {
      unitFiles[k] = fetch(new URL(units.duong_dan + k + ".json", bundle))
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return unitFiles[k];
  }

  /* The shard of the nearest of the page's organizations that is a unit, or -1: the files
     of all of them fetched at once (a unit id's file is that of its hash, as
     generator.site.search_layout.unit_files writes them). */
  async function pageShard(m) {
    var units = m.don_vi || {};
    if (!units.so) return -1;
    var ids = pageOrgs();
    var files = await Promise.all(ids.map(function (id) {
      return unitFile(units, bucketOf(id, units.so));
    }));
    for (var i = 0; i < ids.length; i++) {
      var file = files[i] || {};
      if (Object.prototype.hasOwnProperty.call(file, ids[i])) return file[ids[i]];
    }
    return -1;
  }

  /* The scope a query on this page searches unless the reader chooses: the shard of the
     page's unit, names only when the page is in none, everything when the year is one
     shard. Worked out once a page. */
  function defaultScope(m) {
    if (!pageScope) {
      pageScope = (async function () {
        if (m.phan.length <= 1) return ALL;
        var shard = await pageShard(m);
        return shard >= 0 && shard < m.phan.length ? String(shard) : NAMES;
      })();
    }
    return pageScope;
  }

  /* Each shard's label (its first unit's name, units, members), in the manifest's order;
     none when the file cannot be loaded (a shard is then named by its id). */
  function getLabels() {
    if (!labels) {
      labels = fetch(new URL("phan-ten.json", bundle))
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return labels;
  }

  function label(shard, info) {
    var first = ((info || {}).ten || [])[0];
    var units = (info || {}).so_don_vi || 0;
    if (units <= 1) return first || shard.id;
    return first + " và " + (units - 1) + " đơn vị khác";
  }

  /* The list of scopes, shown once the shards' labels are loaded (the list stays hidden
     until then, so the reader cannot choose from an empty one); a query meanwhile
     searches the page's default scope without waiting for them. */
  async function fillScopes(box, m) {
    var wrap = box.querySelector(".kd-search-scope");
    var select = box.querySelector(".kd-search-scope select");
    if (!wrap || !select || select.options.length || select.hasAttribute("data-kd-filling")) return;
    if (m.phan.length <= 1) return; // one shard: everything is searched, nothing to choose
    select.setAttribute("data-kd-filling", "");
    var found = await Promise.all([getLabels(), defaultScope(m)]);
    var infos = Array.isArray(found[0]) ? found[0] : [];
    select.appendChild(new Option("Họ tên, tổ chức và các trang chung", NAMES));
    m.phan.forEach(function (shard, i) {
      select.appendChild(new Option("Toàn văn: " + label(shard, infos[i]), String(i)));
    });
    select.appendChild(new Option("Toàn văn: tất cả đơn vị (tải nhiều hơn)", ALL));
    select.value = found[1];
    wrap.hidden = false;
  }

  async function scopeOf(box, m) {
    var select = box.querySelector(".kd-search-scope select");
    return select && select.value ? select.value : await defaultScope(m);
  }

  async function instance(scope, buckets, m) {
    var key = scope + "|" + buckets.join(",");
    if (!instances[key]) {
      instances[key] = (async function () {
        if (!module) module = await import(new URL("pagefind.js", bundle).href);
        var base = { baseUrl: root.pathname };
        var pf = module.createInstance({ basePath: bundle.pathname, baseUrl: root.pathname });
        var paths = m.trang ? [m.trang] : [];
        buckets.forEach(function (b) { paths.push(m.ten.duong_dan + b + "/"); });
        var shards = scope === ALL ? m.phan : scope === NAMES ? [] : [m.phan[Number(scope)]];
        shards.forEach(function (shard) { paths.push(shard.duong_dan); });
        for (var i = 0; i < paths.length; i++) {
          await pf.mergeIndex(new URL(paths[i], bundle).pathname, base);
        }
        return pf;
      })();
      instances[key].catch(function () { delete instances[key]; });
    }
    return instances[key];
  }

  var HINT = "Để tìm một người trong cả năm, gõ họ và tên (ví dụ: Đỗ Văn Thành).";

  function showHint(box, shown) {
    var hint = box.querySelector(".kd-search-hint");
    if (!hint) return;
    hint.textContent = shown ? HINT : "";
    hint.hidden = !shown;
  }

  function render(box, query, hits, more, scope) {
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    list.textContent = "";
    meta.textContent = (hits.length === 0 ? "Không tìm thấy kết quả" : (more ? "Hơn " : "") + hits.length + " kết quả") +
      (scope === NAMES ? " trong họ tên, tên tổ chức và các trang chung; chọn phạm vi “Toàn văn” để tìm cả nội dung kiểm điểm" : "");
    hits.slice(0, SHOWN).forEach(function (hit) {
      var item = el("li", "md-search-result__item");
      var link = el("a", "md-search-result__link");
      link.href = new URL(hit.url, location.href).href; // Pagefind put the root's path in front
      var article = el("article", "md-search-result__article md-typeset");
      article.appendChild(el("h1", "", shown(hit.title) || hit.url));
      if (hit.where) article.appendChild(el("p", "kd-search-where", shown(hit.where)));
      article.appendChild(excerpt(hit.text, query));
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  async function search(box, query) {
    var ticket = ++latest;
    var meta = box.querySelector(".md-search-result__meta");
    if (!query.trim()) {
      box.querySelector(".md-search-result__list").textContent = "";
      showHint(box, false);
      meta.textContent = "Nhập từ cần tìm";
      return;
    }
    if (location.protocol === "file:") {
      meta.textContent = "Tìm kiếm cần mở trang qua máy chủ web (xem README: python -m http.server -d site); " +
        "khi mở từ ổ đĩa, dùng mục Tổ chức để tìm đảng viên.";
      return;
    }
    var m, pf, scope;
    try {
      m = await getManifest();
      fillScopes(box, m).catch(function () {}); // the query does not wait for the labels
      scope = await scopeOf(box, m);
      pf = await instance(scope, bucketsFor(query, m), m);
    } catch (err) {
      meta.textContent = "Không tải được chỉ mục tìm kiếm.";
      return;
    }
    var found = await pf.search(query);
    if (ticket !== latest || !found) return;
    var loaded = found.results.slice(0, SHOWN * 2);
    var datas = await Promise.all(loaded.map(function (r) { return r.data(); }));
    if (ticket !== latest) return;
    var byUrl = {};
    var hits = [];
    datas.forEach(function (d) {
      var hit = hitOf(d);
      var seen = byUrl[hit.url];
      if (seen === undefined) {
        byUrl[hit.url] = hits.length;
        hits.push(hit);
      } else if (hit.full && !hits[seen].full) {
        hits[seen] = hit; // the full record: its review text for the excerpt
      }
    });
    var ranked = hits
      .map(function (h, i) { return { h: h, i: i, e: exactness(query, h) }; })
      .sort(function (a, b) { return a.e - b.e || a.i - b.i; })
      .map(function (x) { return x.h; });
    render(box, query, ranked, found.results.length > loaded.length, scope);
    showHint(box, nameHint(query, m));
    box.setAttribute("data-kd-searched", query); // what the list shows (tests wait for it)
  }

  function mount(box) {
    var input = box.querySelector(".md-search__input");
    var toggle = document.getElementById("__search");
    var select = box.querySelector(".kd-search-scope select");
    var timer = null;
    input.addEventListener("focus", function () {
      if (toggle) toggle.checked = true;
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(box, input.value); }, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        if (toggle) toggle.checked = false;
        input.blur();
      }
    });
    if (select) {
      select.addEventListener("change", function () { search(box, input.value); });
    }
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault(); // Enter searches in place, it does not reload the page
    });
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { search(box, ""); }, 0);
    });
  }

  document.querySelectorAll("[data-kd-search]").forEach(mount);
})();
