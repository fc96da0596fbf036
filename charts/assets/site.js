// xxgk site behaviour: draw charts from inline options, filter tables.
// No network access: everything the page needs is beside it.
(function () {
  "use strict";
  var drawn = [];
  window.xxgkDraw = function (id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    if (!window.echarts) { el.textContent = "图表脚本 echarts.min.js 未能加载。"; return; }
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(option);
    el.setAttribute("data-drawn", "true");
    drawn.push(chart);
  };
  window.addEventListener("resize", function () {
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
})();
