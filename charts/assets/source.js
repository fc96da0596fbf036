// xxgk source page: loads one report's data (sources/AB/ID.js, a plain
// script, so it works from file://), shows the report's text with every
// stored figure marked on its span, and highlights the figures named in
// the address (#r=ID&k=KEY1,KEY2). Every piece of report text is put in as
// a text node, never as HTML.
(function () {
  "use strict";
  var L = window.xxgkLabels || { keys: {}, fallback: {} };
  var page = null;
  var status = document.getElementById("source-status");

  function word(domain, code) {
    if (!code) { return ""; }
    var d = L[domain] || {};
    return d[code] || (L.fallback && L.fallback[domain]) || "";
  }
  function keyLabel(k) { return (L.keys[k] && L.keys[k][0]) || L.fallback.key || ""; }
  function keyUnit(k) { return (L.keys[k] && L.keys[k][1]) || ""; }
  // figure turns a compact figure of the data file ([key, value, start,
  // end, how, rule, unit, printed]) into an object; its table, row and
  // column come from the key (the labels of spec/metrics.tsv), as the
  // national forms print them.
  function figure(a, form) {
    var info = L.keys[a[0]] || [];
    var how = a[4] || "t";
    var f = { k: a[0], v: a[1], s: a[2], e: a[3], rule: a[5] || null, unit: a[6] || null, p: a[7] === undefined ? null : a[7],
      kind: how === "e" ? "empty" : how === "n" ? "not_applicable" : "number",
      src: how === "p" ? "prose" : "table" };
    if (f.src === "table") {
      f.tbl = form === "legacy" && info[2] ? "legacy" : info[2] || "";
      f.row = info[3] || "";
      f.col = info[4] || "";
    }
    return f;
  }
  // mechanism names how a figure was read: its rule, the rule's family,
  // then where it was read (the same order as labels.Mechanism).
  function mechanism(f) {
    var m = L.mechanism || {};
    if (f.rule) {
      if (m[f.rule]) { return m[f.rule]; }
      var fam = f.rule.split(".")[0];
      if (f.rule.indexOf(".") > 0 && m[fam]) { return m[fam]; }
    }
    return m[f.src] || L.fallback.mechanism || "";
  }
  function num(v) { return Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 }); }
  function valueText(f) {
    if (f.kind !== "number" || f.v === null || f.v === undefined) { return word("value_kind", f.kind); }
    return (f.a ? "约 " : "") + num(f.v);
  }
  function where(f) {
    var parts = [];
    if (f.tbl) { parts.push(word("table", f.tbl)); }
    if (f.row && f.col) { parts.push(f.row + " × " + f.col); } else if (f.row || f.col) { parts.push(f.row || f.col); }
    return parts.join(" · ") || word("source", f.src);
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function params() {
    var out = { r: "", k: [] };
    window.location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) { return; }
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === "r") { out.r = v; }
      if (k === "k") { out.k = v.split(",").filter(function (x) { return /^[a-z0-9_.]+$/.test(x); }); }
    });
    return out;
  }
  function link(key) { return "#r=" + page.id + "&k=" + encodeURIComponent(key); }

  // utf16 maps byte offsets of the UTF-8 text to string indices; an offset
  // inside a character maps to the next character.
  function utf16(text, offsets) {
    var map = {}, b = 0, i = 0, j = 0;
    offsets.sort(function (x, y) { return x - y; });
    while (j < offsets.length) {
      while (j < offsets.length && offsets[j] <= b) { map[offsets[j]] = i; j++; }
      if (i >= text.length) { break; }
      var c = text.charCodeAt(i);
      if (c < 0x80) { b += 1; i += 1; } else if (c < 0x800) { b += 2; i += 1; } else if (c >= 0xd800 && c <= 0xdbff) { b += 4; i += 2; } else { b += 3; i += 1; }
    }
    for (; j < offsets.length; j++) { map[offsets[j]] = text.length; }
    return map;
  }

  function drawIdent(agencyHref) {
    var dl = document.getElementById("ident");
    function row(label, value, asciiOK, href) {
      if (value === null || value === undefined || value === "") { return; }
      dl.appendChild(el("dt", label));
      var dd = el("dd");
      var v = href ? el("a", String(value)) : el("span", String(value));
      if (href) { v.href = href; }
      if (asciiOK) { v.setAttribute("data-ascii-ok", ""); }
      dd.appendChild(v);
      dl.appendChild(dd);
    }
    row("机关", page.agency, false, agencyHref);
    row("年度", page.year + " 年");
    row("期间", word("period", page.period));
    row("格式", word("form", page.form));
    row("层级", word("level", page.level));
    row("发布日期", page.published, true);
    row("原始地址", page.url || page.source_url, true, page.url || page.source_url);
    row("文件", page.path, true);
    row("内容哈希", page.id, true);
    row("文件大小", num(Math.round(page.size / 1024 * 10) / 10) + " KB");
    row("收录的数字", page.figures ? page.figures.length + " 个" : "0 个");
    if (page.current === false) { row("版本", "同一文件后来的内容已取代这一版本"); }
    if (page.preferred === false) { row("选用", "同一机关同一年度另有选用的报告，本报告的数字不进入比较"); }
    document.getElementById("source-id").hidden = false;
  }

  // drawText shows the text with every figure marked on its span and the
  // sentences the report repeats (reps: [start, end, how, title] in bytes)
  // underlined, each piece a text node.
  function drawText(figs, reps) {
    var box = document.getElementById("text");
    var text = page.text;
    var offsets = [];
    figs.forEach(function (f) { offsets.push(f.s, f.e); });
    reps.forEach(function (r) { offsets.push(r[0], r[1]); });
    var map = utf16(text, offsets.slice());
    var spans = figs.map(function (f) { return { f: f, s: map[f.s], e: map[f.e] }; }).filter(function (x) { return x.e > x.s; });
    var repSpans = reps.map(function (r) { return { s: map[r[0]], e: map[r[1]], how: r[2], title: r[3] }; }).filter(function (x) { return x.e > x.s; });
    var cuts = [0, text.length];
    spans.forEach(function (x) { cuts.push(x.s, x.e); });
    repSpans.forEach(function (x) { cuts.push(x.s, x.e); });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var anchored = {};
    for (var i = 0; i + 1 < cuts.length; i++) {
      var p = cuts[i], q = cuts[i + 1];
      var piece = text.slice(p, q);
      var cover = spans.filter(function (x) { return x.s <= p && x.e >= q; });
      var rep = repSpans.filter(function (x) { return x.s <= p && x.e >= q; })[0];
      var into = box;
      if (rep) {
        into = el("span", null, "rep rep-" + rep.how);
        into.title = rep.title;
        box.appendChild(into);
      }
      if (!cover.length) { into.appendChild(document.createTextNode(piece)); continue; }
      var m = el("mark", piece);
      var keys = cover.map(function (x) { return x.f.k; });
      m.setAttribute("data-k", " " + keys.join(" ") + " ");
      m.title = cover.map(function (x) {
        return keyLabel(x.f.k) + "：" + valueText(x.f) + " " + keyUnit(x.f.k) + "（" + mechanism(x.f) + "）";
      }).join("\n");
      keys.forEach(function (k) { if (!anchored[k]) { anchored[k] = true; if (!m.id) { m.id = "f-" + k; } } });
      into.appendChild(m);
    }
    document.body.setAttribute("data-repeated", String(repSpans.length));
    return anchored;
  }

  // drawGrades shows the report's grades (label and value pairs in
  // Chinese) and says how many of its sentences are marked as repeated.
  function drawGrades(grades, hasText) {
    var note = document.getElementById("quality-note");
    var dl = document.getElementById("quality");
    var summary = document.getElementById("checks-summary");
    var list = document.getElementById("quality-checks");
    if (!grades) { return; }
    summary.textContent = grades.summary ? grades.summary + "。" : "这份报告没有可核验的数字。";
    (grades.checks || []).forEach(function (c) {
      var li = el("li");
      li.appendChild(el("span", c[0] + " · " + c[1], "check-kind"));
      li.appendChild(document.createTextNode("：" + c[2]));
      list.appendChild(li);
    });
    if (!grades.rows || !grades.rows.length) {
      note.textContent = page.preferred === false ? "同一机关同一年度另有选用的报告，本报告不作质量评价。" :
        page.period !== "year" ? "半年报告不作质量评价。" : "这份报告没有质量评价。";
    } else {
      (grades.rows || []).forEach(function (r) {
        dl.appendChild(el("dt", r[0]));
        dl.appendChild(el("dd", r[1]));
      });
      var n = (grades.repeated || []).length;
      note.textContent = !n ? "原文中没有与本机关上年报告或同类机关报告相同的句子（各机关共用的套话不计）。" :
        hasText ? "原文中有 " + n + " 句与本机关上年报告或同类机关报告相同，已加蓝色底线标出。" :
        "原文中有 " + n + " 句与本机关上年报告或同类机关报告相同；原文未保存，无法标出。";
    }
    document.getElementById("source-quality").hidden = false;
  }

  function drawGrids(figs) {
    var byTable = {}, order = [];
    figs.forEach(function (f) {
      if (f.src !== "table" || !f.tbl || !f.row || !f.col) { return; }
      if (!byTable[f.tbl]) { byTable[f.tbl] = []; order.push(f.tbl); }
      byTable[f.tbl].push(f);
    });
    if (!order.length) { return; }
    var box = document.getElementById("grids");
    order.forEach(function (t) {
      var fs = byTable[t].slice().sort(function (a, b) { return (a.s || 0) - (b.s || 0); });
      var rows = [], cols = [], cell = {};
      fs.forEach(function (f) {
        if (rows.indexOf(f.row) < 0) { rows.push(f.row); }
        if (cols.indexOf(f.col) < 0) { cols.push(f.col); }
        cell[f.row + "\u0000" + f.col] = f;
      });
      box.appendChild(el("h3", word("table", t)));
      var wrap = el("div", null, "scroll");
      var table = el("table", null, "data grid");
      var head = el("tr");
      head.appendChild(el("th", ""));
      cols.forEach(function (c) { head.appendChild(el("th", c, "num")); });
      var thead = el("thead");
      thead.appendChild(head);
      table.appendChild(thead);
      var body = el("tbody");
      rows.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("th", r));
        cols.forEach(function (c) {
          var f = cell[r + "\u0000" + c];
          var td = el("td", null, "num");
          if (f) {
            var a = el("a", valueText(f));
            a.href = link(f.k);
            a.title = keyLabel(f.k);
            td.id = "g-" + f.k;
            td.appendChild(a);
          }
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
      table.appendChild(body);
      wrap.appendChild(table);
      box.appendChild(wrap);
    });
    document.getElementById("source-tables").hidden = false;
  }

  function drawFigures(figs, hasText) {
    var body = document.querySelector("#figures tbody");
    figs.forEach(function (f) {
      var tr = el("tr");
      tr.id = "l-" + f.k;
      var a = el("a", keyLabel(f.k));
      a.href = link(f.k);
      var th = el("th");
      th.appendChild(a);
      tr.appendChild(th);
      var fix = page.fixes[f.k];
      if (fix) {
        // The extracted value stays in the list, with what the analysis uses instead.
        var C = L.correction || {};
        tr.className = "corrected";
        tr.appendChild(el("td", valueText(f) + " → " + (fix[1] === null ? (C.blank || "") : num(fix[1])) + " " + (C.mark || ""), "num"));
      } else {
        tr.appendChild(el("td", valueText(f), "num"));
      }
      tr.appendChild(el("td", f.unit ? "原文单位：" + f.unit : keyUnit(f.k)));
      tr.appendChild(el("td", mechanism(f)));
      tr.appendChild(el("td", where(f)));
      var snippet = f.p;
      if ((snippet === null || snippet === undefined) && hasText && f.e > f.s) {
        var m = utf16(page.text, [f.s, f.e]);
        snippet = page.text.slice(m[f.s], m[f.e]);
      }
      snippet = (snippet || "").replace(/\s+/g, " ");
      if (snippet.length > 120) { snippet = snippet.slice(0, 120) + "……"; }
      tr.appendChild(el("td", snippet, "quote"));
      body.appendChild(tr);
    });
    document.getElementById("source-figures").hidden = false;
  }

  function highlight() {
    var ps = params();
    document.querySelectorAll(".hit").forEach(function (e) { e.classList.remove("hit"); });
    var first = null, found = 0;
    ps.k.forEach(function (k) {
      var marks = document.querySelectorAll("mark[data-k~=\"" + k + "\"]");
      marks.forEach(function (m) { m.classList.add("hit"); });
      if (marks.length) { found++; first = first || document.getElementById("f-" + k) || marks[0]; }
      ["g-", "l-"].forEach(function (p) {
        var e = document.getElementById(p + k);
        if (e) { e.classList.add("hit"); if (!marks.length && !first) { first = e; } }
      });
    });
    document.body.setAttribute("data-hit", String(found));
    if (first) { first.scrollIntoView({ block: "center" }); }
    if (ps.k.length && page) {
      status.textContent = found === ps.k.length ? "已在原文中标出所查看的数字（橙色）。" :
        (found ? "部分数字已在原文中标出（橙色）；其余数字的位置未记录，见下方清单。" : "所查看数字在原文中的位置未记录，见下方清单。");
    }
  }

  // The human corrections of the report's figures (etl/correct): a table
  // of key, corrected value, extracted value and the reader's reason, all
  // set as text.
  function drawCorrections(list) {
    if (!list || !list.length) { return; }
    var C = L.correction || {};
    var sec = document.getElementById("source-corrections");
    sec.querySelector("h2").textContent = C.mark || "";
    var head = sec.querySelector("thead tr");
    [C.metric, C.corrected, C.extracted, C.why].forEach(function (h, i) { head.appendChild(el("th", h || "", i === 1 || i === 2 ? "num" : "")); });
    var body = sec.querySelector("tbody");
    // A report field (agency, year, period, form) has words on both sides.
    function field(k, v) {
      if (v === null) { return C.none || ""; }
      if (k === "period") { return (L.period && L.period[v]) || v; }
      if (k === "form") { return (L.form && L.form[v]) || v; }
      return v;
    }
    list.forEach(function (c) {
      var tr = el("tr", null, "corrected");
      tr.id = "c-" + c[0];
      var th = el("th");
      if (typeof c[1] === "string") {
        th.textContent = C["field_" + c[0]] || c[0];
        tr.appendChild(th);
        tr.appendChild(el("td", field(c[0], c[1])));
        tr.appendChild(el("td", field(c[0], c[2])));
      } else {
        var a = el("a", keyLabel(c[0]));
        a.href = link(c[0]);
        th.appendChild(a);
        tr.appendChild(th);
        tr.appendChild(el("td", c[1] === null ? (C.blank || "") : num(c[1]), "num"));
        tr.appendChild(el("td", c[2] === null ? (C.none || "") : num(c[2]), "num"));
      }
      tr.appendChild(el("td", c[3] || ""));
      body.appendChild(tr);
    });
    sec.hidden = false;
  }

  // The text and the figures come packed (ident.packed "gzip"): base64 of
  // the gzip of [text, figures], inflated here by the browser.
  function unpack(b64) {
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  window.xxgkSource = function (ident, text, figures, grades, corrections) {
    if (ident && ident.packed === "gzip") {
      unpack(text).then(function (d) {
        delete ident.packed;
        window.xxgkSource(ident, d[0], d[1], grades, corrections);
      }, function () { status.textContent = "这份报告的原文数据无法解开：请换用较新的浏览器。"; });
      return;
    }
    page = ident;
    if (!page) { status.textContent = "没有这份报告的数据。"; return; }
    page.text = text;
    page.figures = [];
    page.fixes = {};
    (corrections || []).forEach(function (c) { page.fixes[c[0]] = c; });
    (figures || []).forEach(function (row) {
      for (var i = 1; i < row.length; i++) {
        var c = row[i];
        // [column, value, start, length, …] → [key, value, start, end, …]
        var a = [row[0] + "." + c[0], c[1], c[2], c[2] === null || c[3] === null ? null : c[2] + c[3]].concat(c.slice(4));
        page.figures.push(figure(a, page.form));
      }
    });
    page.figures.sort(function (x, y) { return x.k < y.k ? -1 : x.k > y.k ? 1 : 0; });
    var agencyHref = page.agency_href;
    document.getElementById("title").textContent = page.agency + " " + page.year + " 年" +
      (page.period === "h1" ? "上半年" : "") + "政府信息公开工作年度报告";
    document.title = page.agency + " " + page.year + " 年 · 原文";
    drawIdent(agencyHref);
    var figs = page.figures || [];
    var hasText = typeof page.text === "string" && page.text.length > 0;
    drawGrids(figs);
    if (hasText) {
      var len = new TextEncoder().encode(page.text).length;
      var reps = ((grades && grades.repeated) || []).filter(function (r) { return r[1] > r[0] && r[1] <= len; });
      drawText(figs.filter(function (f) { return f.s !== null && f.e !== null && f.e > f.s && f.e <= len; }), reps);
      document.getElementById("source-text").hidden = false;
      status.textContent = "下面是报告原文；收录的数字标在原文上。";
    } else {
      status.textContent = "这份报告由交换格式导入，原文未保存：下面只列出每个数字所在的句子或单元格。";
    }
    drawGrades(grades, hasText);
    drawFigures(figs, hasText);
    drawCorrections(corrections);
    highlight();
    if (window.xxgkAddDownloads) { window.xxgkAddDownloads(document); }
    document.body.setAttribute("data-ready", "true");
  };

  var ps = params();
  if (!/^[0-9a-f]{8,64}$/.test(ps.r)) {
    status.textContent = "地址中没有报告编号：请从机关页面或数字的链接进入。";
    return;
  }
  window.addEventListener("hashchange", function () {
    var now = params();
    if (page && now.r === page.id) { highlight(); } else { window.location.reload(); }
  });
  var s = document.createElement("script");
  s.src = "sources/" + ps.r.slice(0, 2) + "/" + ps.r + ".js";
  s.onerror = function () { status.textContent = "没有找到这份报告的原文数据。"; };
  document.body.appendChild(s);
})();
