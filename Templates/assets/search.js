// Tiendo search: loads tim-kiem/chi-muc.json and searches it as you type, ignoring case and Vietnamese diacritics
// ("thu vien" finds "thư viện"). Titles rank above text. Results are built with textContent: no HTML from the index
// is ever inserted. No inline script, no eval: it runs under a strict Content-Security-Policy.
(function () {
  "use strict";
  var list = document.getElementById("tim-kiem-ket-qua");
  var input = document.getElementById("tim-kiem-o");
  var status = document.getElementById("tim-kiem-trang-thai");
  if (!list || !input || !status) return;
  var root = list.getAttribute("data-root") || "../";
  var entries = null;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function snippet(entry, token) {
    var text = entry.x;
    var at = token ? entry.fx.indexOf(token) : -1;
    var start = Math.max(0, at - 60);
    var piece = text.slice(start, start + 180);
    var item = document.createElement("p");
    item.className = "search-result__snippet";
    if (start > 0) item.appendChild(document.createTextNode("… "));
    if (at >= 0) {
      var local = at - start;
      item.appendChild(document.createTextNode(piece.slice(0, local)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(local, local + token.length);
      item.appendChild(mark);
      item.appendChild(document.createTextNode(piece.slice(local + token.length)));
    } else {
      item.appendChild(document.createTextNode(piece));
    }
    if (start + 180 < text.length) item.appendChild(document.createTextNode(" …"));
    return item;
  }

  function search() {
    if (!entries) return;
    var query = fold(input.value).trim();
    list.textContent = "";
    if (!query) {
      status.textContent = "";
      return;
    }
    var tokens = query.split(/\s+/);
    var phrase = tokens.join(" ");
    var hits = [];
    entries.forEach(function (entry) {
      var score = 0;
      for (var i = 0; i < tokens.length; i++) {
        var inTitle = entry.ft.indexOf(tokens[i]) >= 0;
        if (!inTitle && entry.fx.indexOf(tokens[i]) < 0) return;
        score += inTitle ? 10 : 1;
      }
      if (entry.ft.indexOf(phrase) >= 0) score += 20;
      else if (entry.fx.indexOf(phrase) >= 0) score += 5;
      hits.push({ entry: entry, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); });
    var query = input.value.trim();
    status.textContent = hits.length
      ? words(hits.length === 1 ? "data-found-one" : "data-found").replace("{count}", hits.length).replace("{query}", query)
      : words("data-none").replace("{query}", query);
    hits.slice(0, 50).forEach(function (hit) {
      var item = document.createElement("li");
      item.className = "search-result";
      var link = document.createElement("a");
      link.href = root + hit.entry.u;
      link.textContent = hit.entry.t;
      var kind = document.createElement("span");
      kind.className = "search-result__kind";
      kind.textContent = hit.entry.k;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(kind);
      var token = hit.entry.fx.indexOf(phrase) >= 0 ? phrase : tokens[0];
      item.appendChild(snippet(hit.entry, token));
      list.appendChild(item);
    });
  }

  // The page's own words (from the theme's strings table), so the script has none of its own.
  function words(name) { return list.getAttribute(name) || ""; }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) input.value = params.get("q");
  status.textContent = words("data-loading");
  fetch(list.getAttribute("data-index")).then(function (response) { return response.json(); }).then(function (data) {
    entries = data.map(function (entry) {
      entry.ft = fold(entry.t);
      entry.fx = fold(entry.x);
      return entry;
    });
    status.textContent = "";
    search();
  }).catch(function () {
    status.textContent = words("data-failed");
  });
})();
