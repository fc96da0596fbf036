// xxgk site behaviour: draw charts from inline options, open a figure's
// source on click, filter tables, switch the overview year, print whole.
// No network access: everything the page needs is beside it.
(function () {
  "use strict";
  var drawn = [];
  function num(v, digits) {
    return Number(v).toLocaleString("zh-CN", { maximumFractionDigits: digits });
  }
  // tooltip shows each value with its unit; a rate with one decimal and the
  // n it was computed over. Names are put in as text, never as HTML; the
  // coloured marker is ECharts' own markup.
  function tooltip(meta, option) {
    return function (params) {
      if (!Array.isArray(params)) { params = [params]; }
      var div = document.createElement("div");
      function line(marker, text) {
        if (div.childNodes.length) { div.appendChild(document.createElement("br")); }
        if (marker) {
          var m = document.createElement("span");
          m.innerHTML = marker;
          div.appendChild(m);
        }
        div.appendChild(document.createTextNode(text));
      }
      params.forEach(function (p, i) {
        var v = p.value;
        if (meta.heat) {
          var x = option.xAxis.data[v[0]], y = option.yAxis.data[v[1]];
          var text = num(v[2], meta.dec || 0) + " " + meta.unit;
          var hn = meta.hn && meta.hn[p.dataIndex];
          if (hn !== undefined && hn !== null) { text += "（n = " + num(hn, 0) + "）"; }
          var vm = option.visualMap;
          if (vm && vm.pieces) {
            vm.pieces.forEach(function (pc) { if (pc.value === v[2]) { text = pc.label; } });
          }
          line("", y + " · " + x + " 年：" + text);
          return;
        }
        if (i === 0) { line("", String(p.axisValueLabel || p.name)); }
        if (v === "-" || v === undefined || v === null) {
          line(p.marker, p.seriesName + "：空白");
          return;
        }
        var n = meta.n && meta.n[p.seriesIndex] && meta.n[p.seriesIndex][p.dataIndex];
        var s = meta.pct ? Number(v).toFixed(1) + "%" : num(v, 4) + " " + meta.unit;
        if (n !== undefined && n !== null) { s += "（n = " + num(n, 0) + "）"; }
        line(p.marker, p.seriesName + "：" + s);
      });
      return div;
    };
  }
  // lookup finds the link of a figure in the page's tables: the row named
  // as the series, the column headed by the category.
  function lookup(sel, name, cat) {
    var tables = document.querySelectorAll(sel);
    for (var t = 0; t < tables.length; t++) {
      var head = tables[t].tHead && tables[t].tHead.rows[0];
      if (!head) { continue; }
      var col = -1;
      for (var c = 0; c < head.cells.length; c++) {
        if (head.cells[c].textContent.indexOf(cat) === 0) { col = c; break; }
      }
      if (col < 0) { continue; }
      var rows = tables[t].tBodies[0].rows;
      for (var r = 0; r < rows.length; r++) {
        if (rows[r].cells[0].textContent === name) {
          var a = rows[r].cells[col] && rows[r].cells[col].querySelector("a");
          return a ? a.getAttribute("href") : "";
        }
      }
    }
    return "";
  }
  window.xxgkDraw = function (id, option, meta) {
    var el = document.getElementById(id);
    if (!el) { return; }
    if (!window.echarts) { el.textContent = "图表脚本 echarts.min.js 未能加载。"; return; }
    var chart = window.echarts.init(el, null, { renderer: "svg", locale: "ZH" });
    meta = meta || {};
    option.tooltip = option.tooltip || {};
    option.tooltip.formatter = tooltip(meta, option);
    chart.setOption(option);
    // A click opens the figure's source: the link of its cell in the data
    // table under the chart (a row per series, a cell per point; a row per
    // bar in a ranking), or of the heatmap cell.
    var table = el.parentNode.querySelector(".chart-data tbody");
    chart.on("click", function (p) {
      var href = "";
      if (meta.heat) {
        href = meta.links && meta.links[0] && meta.links[0][p.dataIndex];
      } else if (meta.from) {
        href = lookup(meta.from, p.seriesName, String(p.name));
      } else if (table) {
        var ranking = option.yAxis && option.yAxis.type === "category";
        var row = table.rows[ranking ? p.dataIndex : p.seriesIndex];
        var cell = row && row.cells[ranking ? 1 : p.dataIndex + 1];
        var a = cell && cell.querySelector("a");
        href = a ? a.getAttribute("href") : "";
      }
      if (href) { window.location.href = href; }
    });
    el.setAttribute("data-drawn", "true");
    el.xxgkChart = chart;
    drawn.push(chart);
  };
  window.addEventListener("resize", function () {
    drawn.forEach(function (c) { c.resize(); });
  });
  // Printing shows every chart's data and draws charts at the paper's width.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
    drawn.forEach(function (c) { c.resize(); });
  });
  document.addEventListener("input", function (ev) {
    var box = ev.target;
    if (!box.classList || !box.classList.contains("filter")) { return; }
    var table = document.getElementById(box.getAttribute("data-table"));
    if (!table) { return; }
    var q = box.value.trim().toLowerCase();
    var rows = table.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      rows[i].style.display = !q || rows[i].textContent.toLowerCase().indexOf(q) >= 0 ? "" : "none";
    }
  });
  document.addEventListener("change", function (ev) {
    var sel = ev.target;
    if (sel.classList && sel.classList.contains("year-select") && sel.value) {
      window.location.href = sel.value;
    }
  });

  // ---- CSV downloads ----
  //
  // Every table of the site (and the data table of every chart) gets a
  // download button that writes the table as CSV in the browser, from the
  // page itself: no server, so it works from file://. The file is UTF-8
  // with a byte-order mark (Excel then reads the Chinese right), lines end
  // in CR LF, headers are the table's own (Chinese) with the unit in them,
  // a blank (—) is an empty cell, never 0, and numbers lose their
  // thousands separators. A table of figures by row × year (data-csv=long)
  // becomes one line per figure with its marks as columns: approximate
  // (约数), mapped from a legacy table (旧表口径换算), its n and its report.
  // Other tables keep their shape; a column headed data-flags gets the two
  // mark columns beside it.
  //
  // Formulas: a text cell that starts with = + - @, a tab or a carriage
  // return would run as a formula in a spreadsheet (an agency name is
  // untrusted text). It is written with an apostrophe in front, and so is
  // text that starts with an apostrophe, so a program undoes the escaping
  // exactly by removing one leading apostrophe from text cells (the rule
  // of xxgk's dataset export). Numbers are never escaped: -3 stays -3.
  var BOM = "\ufeff";
  function isNumber(s) { return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s); }
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    if (!isNumber(s) && /^[=+\-@\t\r']/.test(s)) { s = "'" + s; }
    if (/[",\r\n]/.test(s)) { s = "\"" + s.replace(/"/g, "\"\"") + "\""; }
    return s;
  }
  function csvText(rows) {
    return BOM + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  // safeName makes a file name of a title: no path separators, reserved or
  // control characters.
  function safeName(s) {
    s = String(s).replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "_").replace(/\s+/g, " ").trim();
    if (s.length > 80) { s = s.slice(0, 80); }
    return (s.replace(/^[._ ]+/, "") || "数据") + ".csv";
  }
  function download(name, rows) {
    var blob = new Blob([csvText(rows)], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = safeName(name);
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 2000);
  }
  // textOf is what a cell says, without what is not data: summaries of
  // collapsed parts, buttons and parts marked nocsv; a link to a report
  // that says only 原文 gives the report's id.
  function textOf(node) {
    var out = "";
    node.childNodes.forEach(function (c) {
      if (c.nodeType === 3) { out += c.nodeValue; return; }
      if (c.nodeType !== 1 || c.tagName === "SUMMARY" || c.tagName === "BUTTON" || c.classList.contains("nocsv")) { return; }
      if (c.tagName === "BR") { out += " "; return; }
      if (c.tagName === "A" && c.textContent.trim() === "原文") {
        out += reportOf(c) || "原文";
        return;
      }
      out += textOf(c);
    });
    return out;
  }
  function clean(s) { return s.replace(/\s+/g, " ").trim(); }
  function reportOf(a) {
    var m = /source\.html#r=([0-9a-f]+)/.exec(a.getAttribute("href") || "");
    return m ? m[1] : "";
  }
  // figure reads a cell of figures: its value as the CSV writes it and its
  // marks.
  function figure(td) {
    var t = clean(textOf(td));
    var f = { v: t, approx: false, mapped: td.classList.contains("mapped"), pct: false, blank: false,
      n: td.getAttribute("data-n") || "", report: "" };
    var a = td.querySelector('a[href*="source.html#r="]');
    if (a) { f.report = reportOf(a); }
    if (t === "—" || t === "") { f.v = ""; f.blank = true; f.mapped = false; return f; }
    var u = t.replace(/^约\s*/, "");
    var pct = /%$/.test(u);
    if (pct) { u = u.slice(0, -1).trim(); }
    u = u.replace(/,/g, "").replace(/^\+/, "");
    if (isNumber(u)) {
      f.v = u;
      f.pct = pct;
      f.approx = /^约/.test(t);
    }
    return f;
  }
  function headOf(table) {
    var r = table.tHead && table.tHead.rows[0];
    return r ? Array.prototype.slice.call(r.cells) : [];
  }
  function isNum(c) { return c.classList.contains("num"); }
  function bodyRows(table) {
    var out = [];
    Array.prototype.forEach.call(table.tBodies, function (b) {
      Array.prototype.forEach.call(b.rows, function (r) { out.push(Array.prototype.slice.call(r.cells)); });
    });
    return out;
  }
  function withUnit(h, unit) { return unit && h.indexOf("（" + unit + "）") < 0 ? h + "（" + unit + "）" : h; }
  // longRows: one line per figure of a table of figures by row × column.
  function longRows(table) {
    var head = headOf(table), labels = 0;
    while (labels < head.length && !isNum(head[labels])) { labels++; }
    var unit = table.getAttribute("data-unit") || "";
    var body = bodyRows(table);
    var figs = body.map(function (cells) { return cells.slice(labels).map(figure); });
    var hasN = false, hasReport = false, allPct = true, anyValue = false;
    figs.forEach(function (fs) {
      fs.forEach(function (f) {
        hasN = hasN || f.n !== "";
        hasReport = hasReport || f.report !== "";
        if (!f.blank) { anyValue = true; allPct = allPct && f.pct; }
      });
    });
    if (!unit && anyValue && allPct) { unit = "%"; }
    var names = head.slice(0, labels).map(function (h, i) {
      var t = clean(textOf(h));
      return i === 0 && (t === "" || /^单位：/.test(t)) ? table.getAttribute("data-label") || "项目" : t;
    });
    var out = [names.concat([table.getAttribute("data-col") || "列", withUnit("数值", unit), "约数", "旧表口径换算"],
      hasN ? ["机关数 n"] : [], hasReport ? ["报告编号"] : [])];
    var cols = head.slice(labels).map(function (h) { return clean(textOf(h)); });
    body.forEach(function (cells, i) {
      var lab = cells.slice(0, labels).map(function (c) { return clean(textOf(c)); });
      figs[i].forEach(function (f, j) {
        var line = lab.concat([cols[j] || "", f.v, f.blank ? "" : f.approx ? "是" : "否", f.blank ? "" : f.mapped ? "是" : "否"]);
        if (hasN) { line.push(f.n); }
        if (hasReport) { line.push(f.report); }
        out.push(line);
      });
    });
    return out;
  }
  // wideRows: the table as shown, figures cleaned, marks beside the
  // columns headed data-flags.
  function wideRows(table) {
    var head = headOf(table), body = bodyRows(table);
    var cols = head.map(function (h) { return { name: clean(textOf(h)), num: isNum(h), flags: h.hasAttribute("data-flags") }; });
    var grid = body.map(function (cells) {
      return cols.map(function (c, j) {
        var td = cells[j];
        if (!td) { return { v: "", blank: true }; }
        return c.num || c.flags ? figure(td) : { v: clean(textOf(td)), text: true };
      });
    });
    cols.forEach(function (c, j) {
      if (!c.num) { return; }
      var any = false, all = true;
      grid.forEach(function (r) { var f = r[j]; if (f && !f.blank && !f.text) { any = true; all = all && f.pct; } });
      if (any && all) { c.name = withUnit(c.name, "%"); }
    });
    var names = [];
    cols.forEach(function (c) {
      names.push(c.name);
      if (c.flags) { names.push(c.name + "·约数", c.name + "·旧表口径换算"); }
    });
    var out = [names];
    grid.forEach(function (r) {
      var line = [];
      cols.forEach(function (c, j) {
        var f = r[j];
        line.push(f.v);
        if (c.flags) { line.push(f.blank ? "" : f.approx ? "是" : "否", f.blank ? "" : f.mapped ? "是" : "否"); }
      });
      out.push(line);
    });
    return out;
  }
  function tableRows(table) { return table.getAttribute("data-csv") === "long" ? longRows(table) : wideRows(table); }
  // titleOf names a table's file: the page's title, its section's
  // heading, the collapsed part and the sub-heading it is in.
  function titleOf(table) {
    var parts = [];
    var h1 = document.getElementById("title");
    if (h1) { parts.push(clean(h1.textContent)); }
    var sec = table.closest("section");
    var h2 = sec && sec.querySelector("h2");
    if (h2) { parts.push(clean(h2.textContent)); }
    var det = table.closest("details:not(.chart-data)");
    var sum = det && det.querySelector("summary");
    if (sum) { parts.push(clean(sum.textContent).split("（")[0]); }
    var box = table.closest(".scroll");
    var prev = box && box.previousElementSibling;
    if (prev && prev.classList.contains("csv")) { prev = prev.previousElementSibling; }
    if (prev && /^H[34]$/.test(prev.tagName)) { parts.push(clean(prev.textContent)); }
    return parts.join("-");
  }
  // xxgkAddDownloads puts a download button on every table under root that
  // has none yet; pages that draw tables later (the source page) call it
  // again.
  window.xxgkAddDownloads = function (root) {
    (root || document).querySelectorAll("table.data").forEach(function (t) {
      if (t.getAttribute("data-csv") === "own" || t.xxgkCSV || !t.tHead) { return; }
      t.xxgkCSV = true;
      var chart = t.closest("details.chart-data");
      var b = document.createElement("button");
      b.type = "button";
      b.className = "csv";
      b.textContent = chart ? "下载图表数据（CSV）" : "下载表格（CSV）";
      b.addEventListener("click", function () { download(titleOf(t), tableRows(t)); });
      var at = chart || t.closest(".scroll") || t;
      at.parentNode.insertBefore(b, at);
    });
  };
  window.xxgkCSV = { download: download, text: csvText, rows: tableRows };
  window.xxgkAddDownloads(document);
})();
