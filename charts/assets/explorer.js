// xxgk explorer: pick agencies, metrics and years; see a table and charts
// of them, every number linked to its source; the selection lives in the
// address (#a=AGENCY,…&m=METRIC,…&y=FROM-TO), so a link reproduces it.
//
// Its data are plain scripts (file:// allows no fetch): explore/index.js
// calls xxgkExploreIndex with every agency and the words it needs, and
// explore/dN.js calls xxgkExplore with the figures of one province (or
// part of one). A data file is loaded only when a chosen agency is in it.
// Nothing is computed here: values, rates and their counts come from the
// named queries; the page only lays them out. Every name is put in as
// text, never as HTML.
(function () {
  "use strict";
  var X = null;          // the index
  var byId = {};         // agency id → index entry
  var rows = {};         // agency id → its figures, once its file is loaded
  var loaded = {}, waiting = {};
  var state = { a: [], m: [], from: 0, to: 0 };
  var sort = { col: -1, dir: 1 };
  var drawn = [];
  var SHOWN = 30;        // search results listed
  var LINES = 6;         // up to this many agencies share one line chart
  var MULTIPLES = 36;    // small multiples drawn at most
  var CHARTS = 8;        // charts drawn at most (one per indicator)

  function $(id) { return document.getElementById(id); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function num(v) { return Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 }); }

  // ---- the index and the data files ----

  window.xxgkExploreIndex = function (ix) {
    X = ix;
    X.agencies = X.agencies.map(function (a) {
      var e = { id: a[0], name: a[1], prov: a[2], city: a[3], level: a[4], kind: a[5], group: a[6], file: a[7], excluded: a[8] };
      byId[e.id] = e;
      return e;
    });
    X.indicators = [];
    X.byCode = {};
    X.metrics.forEach(function (m, i) { m.kind = "metric"; m.no = i; X.indicators.push(m); X.byCode[m.code] = m; });
    X.rates.forEach(function (r, i) { r.kind = "rate"; r.no = i; r.unit = "%"; r.section = "比率"; X.indicators.push(r); X.byCode[r.code] = r; });
    init();
  };

  window.xxgkExplore = function (n, list) {
    list.forEach(function (r) {
      var a = { y0: r[1], reps: r[2], forms: r[3], m: {}, r: {} };
      r[4].forEach(function (m) { a.m[X.metrics[m[0]].code] = { v: m[1], k: m[2], bits: m[3] }; });
      r[5].forEach(function (q) { a.r[X.rates[q[0]].code] = { v: q[1], num: q[2], den: q[3] }; });
      rows[r[0]] = a;
    });
    loaded[n] = true;
    (waiting[n] || []).forEach(function (f) { f(); });
    delete waiting[n];
  };

  // need loads the data files of the chosen agencies, then calls done.
  function need(ids, done) {
    var files = {};
    ids.forEach(function (id) { if (byId[id]) { files[byId[id].file] = true; } });
    var todo = Object.keys(files).filter(function (n) { return !loaded[n]; });
    if (!todo.length) { done(); return; }
    var left = todo.length;
    todo.forEach(function (n) {
      var first = !waiting[n];
      waiting[n] = waiting[n] || [];
      waiting[n].push(function () { if (--left === 0) { done(); } });
      if (!first) { return; }
      var s = document.createElement("script");
      s.src = "explore/d" + n + ".js";
      s.onerror = function () { $("x-status").textContent = "探索页的第 " + n + " 个数据文件没有载入。"; loaded[n] = true; waiting[n].forEach(function (f) { f(); }); delete waiting[n]; };
      document.body.appendChild(s);
    });
  }

  // ---- one figure ----

  // figure is what the table shows for an agency, indicator and year: the
  // value, whether it was approximate or mapped, its link and, when blank,
  // why (no report that year, the legacy form has no such item, not given).
  function figure(id, ind, year) {
    var a = rows[id], f = { v: null, approx: false, mapped: false, href: "", why: "", report: "", form: "" };
    var i = a ? year - a.y0 : -1;
    if (!a || i < 0 || i >= a.reps.length || a.forms[i] < 0) {
      f.why = X.blank.no_report;
      return f;
    }
    f.report = a.reps[i];
    f.form = X.forms[a.forms[i]] || "";
    if (ind.kind === "rate") {
      var q = a.r[ind.code];
      if (q) { f.num = q.num[i]; f.den = q.den[i]; }
      if (!q || q.v[i] === null) { f.why = "分母为 0 或空白"; return f; }
      f.v = q.v[i];
      var keys = [];
      ind.num.concat([ind.den]).forEach(function (m) {
        var s = a.m[m];
        if (s && s.k[i] !== null) { keys.push(X.rules[s.k[i]][0]); }
      });
      f.href = link(f.report, keys.join(","));
      return f;
    }
    var s = a.m[ind.code];
    if (!s || s.v[i] === null) {
      f.why = a.forms[i] === X.legacy_form && !ind.legacy ? X.blank.not_in_form : X.blank.not_reported;
      return f;
    }
    f.v = s.v[i];
    f.approx = Math.floor(s.bits / Math.pow(2, i)) % 2 === 1;
    var rule = X.rules[s.k[i]];
    f.mapped = rule[1] === 1;
    f.href = link(f.report, rule[0]);
    return f;
  }
  function link(report, keys) {
    if (!report) { return ""; }
    return "source.html#r=" + report + (keys ? "&k=" + keys : "");
  }
  function text(ind, f) {
    if (f.v === null) { return "—"; }
    if (ind.kind === "rate") { return Number(f.v).toFixed(1) + "%"; }
    return (f.approx ? "约 " : "") + num(f.v);
  }

  // ---- the address ----

  function readHash() {
    var h = {};
    window.location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i > 0) { h[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); }
    });
    var seen = {};
    state.a = (h.a || "").split(",").filter(function (id) { var ok = byId[id] && !seen[id]; seen[id] = true; return ok; });
    state.m = (h.m || "").split(",").filter(function (c) { return X.byCode[c]; });
    var ys = (h.y || "").split("-").map(Number);
    var lo = X.years[0] || 0, hi = X.years[X.years.length - 1] || 0;
    state.from = ys[0] >= lo && ys[0] <= hi ? ys[0] : Math.max(lo, hi - 4);
    state.to = ys[1] >= state.from && ys[1] <= hi ? ys[1] : hi;
  }
  function writeHash() {
    var h = "#a=" + state.a.join(",") + "&m=" + state.m.join(",") + "&y=" + state.from + "-" + state.to;
    if (window.location.hash !== h) { history.replaceState(null, "", h); }
  }

  // ---- picking agencies ----

  function option(sel, value, label) {
    var o = el("option", label);
    o.value = value;
    sel.appendChild(o);
  }
  function matches() {
    var q = $("x-search").value.trim(), p = $("x-province").value, c = $("x-city").value,
      l = $("x-level").value, k = $("x-kind").value;
    return X.agencies.filter(function (a) {
      return (!q || a.name.indexOf(q) >= 0) && (p === "" || String(a.prov) === p) && (c === "" || String(a.city) === c) &&
        (l === "" || String(a.level) === l) && (k === "" || String(a.kind) === k);
    });
  }
  function where(a) {
    var parts = [];
    if (a.prov >= 0) { parts.push(X.provinces[a.prov]); }
    if (a.city >= 0) { parts.push(X.cities[a.city][1]); }
    if (a.level >= 0) { parts.push(X.levels[a.level]); }
    if (a.kind >= 0) { parts.push(X.kinds[a.kind]); }
    return parts.join(" · ");
  }
  function showResults() {
    var list = matches(), ul = $("x-results");
    ul.textContent = "";
    var chosen = {};
    state.a.forEach(function (id) { chosen[id] = true; });
    list.slice(0, SHOWN).forEach(function (a) {
      var li = el("li");
      li.appendChild(el("span", a.name, "pick-name"));
      if (a.excluded) { li.appendChild(el("span", a.excluded, "tag")); }
      li.appendChild(el("span", where(a), "note"));
      var b = el("button", chosen[a.id] ? "已选" : "添加");
      b.type = "button";
      b.disabled = !!chosen[a.id];
      b.setAttribute("data-id", a.id);
      b.addEventListener("click", function () { add([a.id]); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    $("x-count").textContent = "符合条件的机关 " + list.length + " 个" + (list.length > SHOWN ? "（列出前 " + SHOWN + " 个）" : "") + "。";
    var ranked = list.filter(function (a) { return !a.excluded; }).length;
    $("x-add-all").textContent = "添加全部符合条件的机关（" + ranked + " 个" + (ranked < list.length ? "，不含名称未识别或不完整的" : "") + "）";
    $("x-add-all").disabled = ranked === 0;
  }
  function cities() {
    var sel = $("x-city"), p = $("x-province").value;
    sel.textContent = "";
    option(sel, "", "全部城市");
    X.cities.forEach(function (c, i) { if (p === "" || String(c[0]) === p) { option(sel, String(i), c[1]); } });
  }
  function add(ids) {
    var have = {};
    state.a.forEach(function (id) { have[id] = true; });
    ids.forEach(function (id) { if (!have[id] && byId[id]) { state.a.push(id); have[id] = true; } });
    changed();
  }
  function showChosen() {
    var ul = $("x-chosen");
    ul.textContent = "";
    state.a.forEach(function (id) {
      var a = byId[id], li = el("li");
      li.appendChild(el("span", a.name));
      var b = el("button", "×");
      b.type = "button";
      b.setAttribute("aria-label", "移除 " + a.name);
      b.addEventListener("click", function () { state.a = state.a.filter(function (x) { return x !== id; }); changed(); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    $("x-n").textContent = String(state.a.length);
  }

  // ---- picking metrics and years ----

  function buildMetrics() {
    var box = $("x-metrics");
    X.sections.forEach(function (sec) {
      var inds = X.indicators.filter(function (i) { return i.section === sec; });
      if (!inds.length) { return; }
      var fs = el("fieldset");
      fs.appendChild(el("legend", sec));
      inds.forEach(function (ind) {
        var lab = el("label", null, "check");
        var cb = el("input");
        cb.type = "checkbox";
        cb.value = ind.code;
        cb.setAttribute("data-code", ind.code);
        cb.addEventListener("change", function () {
          state.m = X.indicators.filter(function (i) {
            var c = box.querySelector('input[data-code="' + i.code + '"]');
            return c && c.checked;
          }).map(function (i) { return i.code; });
          changed();
        });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(" " + ind.label + "（" + ind.unit + "）"));
        if (ind.formula) { lab.title = ind.formula; }
        fs.appendChild(lab);
      });
      box.appendChild(fs);
    });
  }
  function showPicks() {
    $("x-metrics").querySelectorAll("input[data-code]").forEach(function (cb) { cb.checked = state.m.indexOf(cb.value) >= 0; });
    $("x-from").value = String(state.from);
    $("x-to").value = String(state.to);
  }

  // ---- the table ----

  function years() {
    var out = [];
    for (var y = state.from; y <= state.to; y++) { out.push(y); }
    return out;
  }
  function chosenIndicators() { return state.m.map(function (c) { return X.byCode[c]; }); }

  function showTable() {
    var box = $("x-table");
    box.textContent = "";
    var inds = chosenIndicators(), ys = years();
    if (!state.a.length || !inds.length) {
      $("x-status").textContent = !state.a.length ? "请先选择机关。" : "请选择至少一个指标。";
      $("x-csv").disabled = true;
      return;
    }
    var table = el("table", null, "data");
    table.id = "x-data";
    table.setAttribute("data-csv", "own");
    var tr = el("tr");
    var heads = ["机关", "指标", "单位"].concat(ys.map(String));
    heads.forEach(function (h, c) {
      var th = el("th", null, c >= 3 ? "num" : "");
      var b = el("button", h, "sort");
      b.type = "button";
      b.addEventListener("click", function () { sort.dir = sort.col === c ? -sort.dir : 1; sort.col = c; showTable(); });
      th.appendChild(b);
      if (sort.col === c) { th.setAttribute("aria-sort", sort.dir > 0 ? "ascending" : "descending"); }
      tr.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(tr);
    table.appendChild(thead);
    var lines = [];
    state.a.forEach(function (id) {
      inds.forEach(function (ind) {
        lines.push({ id: id, ind: ind, figs: ys.map(function (y) { return figure(id, ind, y); }) });
      });
    });
    if (sort.col >= 0) {
      lines.sort(function (p, q) {
        var c = sort.col, x, y;
        if (c === 0) { x = byId[p.id].name; y = byId[q.id].name; } else if (c === 1) { x = p.ind.label; y = q.ind.label; } else if (c === 2) { x = p.ind.unit; y = q.ind.unit; } else {
          x = p.figs[c - 3].v; y = q.figs[c - 3].v;
          if (x === null && y === null) { return 0; }
          if (x === null) { return 1; } // blanks last either way
          if (y === null) { return -1; }
          return (x - y) * sort.dir;
        }
        return x < y ? -sort.dir : x > y ? sort.dir : 0;
      });
    }
    var body = el("tbody");
    lines.forEach(function (ln) {
      var tr = el("tr");
      var a = byId[ln.id];
      var th = el("th");
      var an = el("a", a.name);
      an.href = "agencies/" + a.id + ".html";
      th.appendChild(an);
      tr.appendChild(th);
      var mt = el("td");
      var ml = el("a", ln.ind.label);
      ml.href = "metrics/" + ln.ind.code + ".html";
      mt.appendChild(ml);
      tr.appendChild(mt);
      tr.appendChild(el("td", ln.ind.unit));
      ln.figs.forEach(function (f, j) {
        var td = el("td", null, "num");
        td.setAttribute("data-a", ln.id);
        td.setAttribute("data-m", ln.ind.code);
        td.setAttribute("data-y", String(ys[j]));
        td.setAttribute("data-v", f.v === null ? "" : String(f.v));
        if (f.v === null) {
          td.textContent = "—";
          td.title = f.why;
          td.className += " blank";
        } else {
          var l = el("a", text(ln.ind, f));
          if (f.href) { l.href = f.href; }
          td.appendChild(l);
          if (f.mapped) { td.className += " mapped"; td.title = "由旧表口径换算"; }
          if (f.num !== undefined && f.num !== null) { td.title = num(f.num) + " / " + num(f.den); }
          if (f.approx) { td.setAttribute("data-approx", ""); }
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    box.appendChild(table);
    $("x-status").textContent = state.a.length + " 个机关 × " + inds.length + " 个指标，" + state.from + "–" + state.to + " 年。点击数字查看原文，点击列名排序。";
    $("x-csv").disabled = false;
  }

  // ---- the charts ----

  function showCharts() {
    drawn.forEach(function (c) { c.dispose(); });
    drawn = [];
    var box = $("x-charts");
    box.textContent = "";
    var inds = chosenIndicators().slice(0, CHARTS), ys = years();
    if (!state.a.length || !window.echarts) { return; }
    inds.forEach(function (ind, k) {
      var card = el("section", null, "card chart-card");
      card.appendChild(el("h2", ind.label + "（" + ind.unit + "）"));
      var many = state.a.length > LINES;
      var ids = many ? state.a.slice(0, MULTIPLES) : state.a;
      card.appendChild(el("p", many ? "机关较多，每个机关一幅小图（纵轴相同）" + (state.a.length > MULTIPLES ? "，只画前 " + MULTIPLES + " 个，全部见上方表格" : "") + "。点击数据点查看原文。" :
        "空白年份为断点，不是 0。点击数据点查看原文。", "note"));
      var div = el("div", null, "chart");
      div.id = "x-chart-" + k;
      var cols = Math.min(4, Math.max(1, Math.floor((box.clientWidth || 800) / 260)));
      var rowsN = Math.ceil(ids.length / cols);
      div.style.height = (many ? 40 + rowsN * 150 : 380) + "px";
      card.appendChild(div);
      var b = el("button", "下载图表数据（CSV）", "csv");
      b.type = "button";
      b.addEventListener("click", function () { download([ind]); });
      card.appendChild(b);
      box.appendChild(card);
      var figs = ids.map(function (id) { return ys.map(function (y) { return figure(id, ind, y); }); });
      var data = figs.map(function (fs) { return fs.map(function (f) { return f.v === null ? "-" : f.v; }); });
      var opt = { animation: false, aria: { enabled: true }, textStyle: { fontFamily: "\"Microsoft YaHei\", \"PingFang SC\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif" } };
      var yAxis = { type: "value", name: ind.unit, minInterval: ind.kind === "rate" || ind.unit === "万元" ? undefined : 1 };
      if (ind.kind === "rate") { yAxis.axisLabel = { formatter: "{value}%" }; }
      opt.tooltip = { trigger: many ? "item" : "axis", formatter: tip(ind, ids, figs, ys) };
      if (!many) {
        opt.legend = { type: "scroll", top: 0 };
        opt.grid = { left: 8, right: 24, top: 40, bottom: 8, containLabel: true };
        opt.xAxis = { type: "category", data: ys.map(String), name: "年份" };
        opt.yAxis = yAxis;
        opt.series = ids.map(function (id, i) { return { type: "line", name: byId[id].name, data: data[i], connectNulls: false, symbolSize: 8 }; });
      } else {
        var hi = 0;
        data.forEach(function (d) { d.forEach(function (v) { if (v !== "-" && v > hi) { hi = v; } }); });
        opt.grid = [], opt.xAxis = [], opt.yAxis = [], opt.series = [], opt.title = [];
        ids.forEach(function (id, i) {
          var c = i % cols, r = Math.floor(i / cols), w = 100 / cols;
          opt.grid.push({ left: (c * w + 3) + "%", width: (w - 6) + "%", top: 40 + r * 150, height: 90, containLabel: false });
          opt.title.push({ text: byId[id].name, left: (c * w + 1) + "%", top: 18 + r * 150, textStyle: { fontSize: 12, fontWeight: "normal", width: 200, overflow: "truncate" } });
          opt.xAxis.push({ type: "category", gridIndex: i, data: ys.map(String), axisLabel: { fontSize: 10 } });
          var ya = { type: "value", gridIndex: i, max: hi || 1, axisLabel: { fontSize: 10 }, splitNumber: 2 };
          if (ind.kind === "rate") { ya.axisLabel.formatter = "{value}%"; }
          opt.yAxis.push(ya);
          opt.series.push({ type: "line", name: byId[id].name, xAxisIndex: i, yAxisIndex: i, data: data[i], connectNulls: false, symbolSize: 6 });
        });
      }
      var chart = window.echarts.init(div, null, { renderer: "svg", locale: "ZH" });
      chart.setOption(opt);
      chart.on("click", function (p) {
        var f = figs[p.seriesIndex] && figs[p.seriesIndex][p.dataIndex];
        if (f && f.href) { window.location.href = f.href; }
      });
      div.setAttribute("data-drawn", "true");
      div.xxgkChart = chart;
      drawn.push(chart);
    });
  }
  // tip shows a point's value with its unit and marks, as text.
  function tip(ind, ids, figs, ys) {
    return function (ps) {
      if (!Array.isArray(ps)) { ps = [ps]; }
      var div = document.createElement("div");
      ps.forEach(function (p, i) {
        var f = figs[p.seriesIndex] && figs[p.seriesIndex][p.dataIndex];
        if (!f) { return; }
        if (i === 0) { div.appendChild(document.createTextNode(ys[p.dataIndex] + " 年")); }
        div.appendChild(document.createElement("br"));
        var s = byId[ids[p.seriesIndex]].name + "：" + (f.v === null ? "空白（" + f.why + "）" : text(ind, f) + (ind.kind === "rate" ? "" : " " + ind.unit));
        if (f.mapped) { s += "（旧表口径换算）"; }
        if (ind.kind === "rate" && f.den !== undefined && f.den !== null) { s += "（n = " + num(f.den) + "）"; }
        div.appendChild(document.createTextNode(s));
      });
      return div;
    };
  }

  // ---- the download of the selection ----

  // selection is the chosen agencies × years as rows, one column per
  // indicator (its unit in the header) with its marks: approximate and
  // mapped for a metric, the numerator and denominator of a rate. A blank
  // is an empty cell.
  function selection(inds) {
    var head = ["机关", "省份", "城市", "层级", "机关类别", "同类组", "年份", "报告格式", "报告编号"];
    inds.forEach(function (ind) {
      if (ind.kind === "rate") {
        head.push(ind.label + "（%）", ind.label + "·分子（件）", ind.label + "·分母（件）");
      } else {
        head.push(ind.label + "（" + ind.unit + "）", ind.label + "·约数", ind.label + "·旧表口径换算");
      }
    });
    var out = [head];
    state.a.forEach(function (id) {
      var a = byId[id];
      years().forEach(function (y) {
        var line = [a.name, a.prov >= 0 ? X.provinces[a.prov] : "", a.city >= 0 ? X.cities[a.city][1] : "", a.level >= 0 ? X.levels[a.level] : "",
          a.kind >= 0 ? X.kinds[a.kind] : "", a.group >= 0 ? X.groups[a.group][1] : "", String(y)];
        var r = report(id, y);
        line.push(r.form, r.id);
        inds.forEach(function (ind) {
          var f = figure(id, ind, y);
          if (ind.kind === "rate") {
            line.push(f.v === null ? "" : String(f.v), f.num === undefined || f.num === null ? "" : String(f.num), f.den === undefined || f.den === null ? "" : String(f.den));
          } else {
            line.push(f.v === null ? "" : String(f.v), f.v === null ? "" : f.approx ? "是" : "否", f.v === null ? "" : f.mapped ? "是" : "否");
          }
        });
        out.push(line);
      });
    });
    return out;
  }
  // report is the annual report of an agency in a year: its form and id
  // ("" when there is none).
  function report(id, year) {
    var a = rows[id], i = a ? year - a.y0 : -1;
    if (!a || i < 0 || i >= a.reps.length || a.forms[i] < 0) { return { form: "", id: "" }; }
    return { form: X.forms[a.forms[i]] || "", id: a.reps[i] };
  }
  function download(inds) {
    var name = "探索-" + inds.map(function (i) { return i.label; }).join("、") + "-" + state.from + "-" + state.to;
    window.xxgkCSV.download(name, selection(inds));
  }

  // ---- wiring ----

  function changed() {
    writeHash();
    showChosen();
    showResults();
    showPicks();
    document.body.setAttribute("data-explorer", "loading");
    need(state.a, function () {
      showTable();
      showCharts();
      document.body.setAttribute("data-explorer", "ready");
    });
  }
  function init() {
    X.provinces.forEach(function (p, i) { option($("x-province"), String(i), p); });
    X.levels.forEach(function (l, i) { option($("x-level"), String(i), l); });
    X.kinds.forEach(function (k, i) { option($("x-kind"), String(i), k); });
    X.groups.forEach(function (g, i) { option($("x-group"), String(i), g[1]); });
    X.years.forEach(function (y) { option($("x-from"), String(y), y + " 年"); option($("x-to"), String(y), y + " 年"); });
    cities();
    buildMetrics();
    ["x-search", "x-level", "x-kind", "x-city"].forEach(function (id) { $(id).addEventListener("input", showResults); });
    $("x-province").addEventListener("input", function () { cities(); showResults(); });
    // Adding many at once leaves out the agencies kept out of rankings (a
    // name not recognised or not saying where): they can be added one by one.
    $("x-add-all").addEventListener("click", function () {
      add(matches().filter(function (a) { return !a.excluded; }).map(function (a) { return a.id; }));
    });
    $("x-add-group").addEventListener("click", function () {
      var g = $("x-group").value;
      if (g === "") { return; }
      add(X.agencies.filter(function (a) { return String(a.group) === g && !a.excluded; }).map(function (a) { return a.id; }));
    });
    $("x-clear").addEventListener("click", function () { state.a = []; changed(); });
    $("x-from").addEventListener("change", function () { state.from = Number(this.value); if (state.to < state.from) { state.to = state.from; } changed(); });
    $("x-to").addEventListener("change", function () { state.to = Number(this.value); if (state.from > state.to) { state.from = state.to; } changed(); });
    $("x-csv").addEventListener("click", function () { download(chosenIndicators()); });
    window.addEventListener("hashchange", function () { readHash(); changed(); });
    window.addEventListener("resize", function () { drawn.forEach(function (c) { c.resize(); }); });
    readHash();
    changed();
  }
  // The index is loaded after this script; if it never comes, say so.
  window.addEventListener("load", function () {
    if (!X) { $("x-missing").hidden = false; document.body.setAttribute("data-explorer", "missing"); }
  });
})();
