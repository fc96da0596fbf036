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
          var text = num(v[2], 0) + " " + meta.unit;
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
})();
