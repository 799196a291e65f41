/* The header's search box, backed by the year's Pagefind index (generator/site/search.py).
 *
 * - Pagefind is loaded from <year>/pagefind/ on the first keystroke; it downloads only the
 *   index chunks and result fragments a query needs.
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
  var FOLDED_MARK = "\u2042"; // generator.site.search.FOLDED_MARK
  var SHOWN = 10;
  var pagefind = null;
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

  /* A few lines of the record around its first matching word, the matching words marked.
     Made here from the record's text rather than taken from Pagefind's excerpt, which can
     fall on the đ->d forms (after FOLDED_MARK) that are not shown. Text nodes only. */
  function excerpt(content, query) {
    var text = (content || "").split(FOLDED_MARK)[0];
    var tokens = text.split(/([^\p{L}\p{N}]+)/u); // words, and what separates them
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

  function exactness(query, data) {
    var hay = norm((data.meta && data.meta.title) + " " + data.content.split(FOLDED_MARK)[0]);
    var q = norm(query).replace(/"/g, "").trim();
    if (hay.indexOf(q) >= 0) return 0;
    var words = q.split(/\s+/);
    return words.every(function (w) { return hay.indexOf(w) >= 0; }) ? 1 : 2;
  }

  async function load() {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind/pagefind.js", root).href);
      await pagefind.options({ baseUrl: root.pathname });
    }
    return pagefind;
  }

  function href(url) {
    // records carry addresses relative to the year's root (generator.site.search.Record);
    // Pagefind puts its baseUrl, the root's path, in front of them
    return new URL(url, location.href).href;
  }

  function render(box, query, hits, total) {
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    list.textContent = "";
    meta.textContent = total === 0 ? "Không tìm thấy kết quả" : total + " kết quả";
    hits.forEach(function (data) {
      var item = el("li", "md-search-result__item");
      var link = el("a", "md-search-result__link");
      link.href = href(data.url);
      var article = el("article", "md-search-result__article md-typeset");
      article.appendChild(el("h1", "", (data.meta && data.meta.title) || data.url));
      if (data.meta && data.meta.kd_where) article.appendChild(el("p", "kd-search-where", data.meta.kd_where));
      article.appendChild(excerpt(data.content, query));
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
      meta.textContent = "Nhập từ cần tìm";
      return;
    }
    if (location.protocol === "file:") {
      meta.textContent = "Tìm kiếm cần mở trang qua máy chủ web (xem README: kiemdiem serve); " +
        "khi mở từ ổ đĩa, dùng mục Tổ chức để tìm đảng viên.";
      return;
    }
    var pf;
    try {
      pf = await load();
    } catch (err) {
      meta.textContent = "Không tải được chỉ mục tìm kiếm.";
      return;
    }
    var found = await pf.search(query);
    if (ticket !== latest || !found) return;
    var datas = await Promise.all(found.results.slice(0, SHOWN * 2).map(function (r) { return r.data(); }));
    if (ticket !== latest) return;
    var ranked = datas
      .map(function (d, i) { return { d: d, i: i, e: exactness(query, d) }; })
      .sort(function (a, b) { return a.e - b.e || a.i - b.i; })
      .slice(0, SHOWN)
      .map(function (x) { return x.d; });
    render(box, query, ranked, found.results.length);
    box.setAttribute("data-kd-searched", query); // what the list shows (tests wait for it)
  }

  function mount(box) {
    var input = box.querySelector(".md-search__input");
    var toggle = document.getElementById("__search");
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
    box.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault(); // Enter searches in place, it does not reload the page
    });
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { search(box, ""); }, 0);
    });
  }

  document.querySelectorAll("[data-kd-search]").forEach(mount);
})();
