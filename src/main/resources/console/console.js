// Steward console: charts (uPlot) from the JSON the page embeds, and keyboard shortcuts.
(function () {
  "use strict";
  function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }
  function charts() {
    var data = document.getElementById("chart-data");
    if (!data || typeof uPlot === "undefined") { return; }
    var d = JSON.parse(data.textContent);
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var kind = el.getAttribute("data-chart");
      var width = Math.max(280, el.clientWidth);
      var axis = { stroke: css("--muted"), grid: { stroke: css("--line") }, ticks: { stroke: css("--line") } };
      var opts, cols;
      if (kind === "latency") {
        opts = { width: width, height: 220, axes: [axis, axis], series: [{}, { label: "p50", stroke: css("--up") },
          { label: "p95", stroke: css("--degraded") }, { label: "p99", stroke: css("--down") }] };
        cols = [d.t, d.p50, d.p95, d.p99];
      } else {
        opts = { width: width, height: 220, axes: [axis, axis], scales: { y: { range: [0, 100] } },
          series: [{}, { label: "success %", stroke: css("--up"), fill: css("--up-bg") }] };
        cols = [d.t, d.uptime];
      }
      if (d.t.length === 0) { el.textContent = "No rollups in this range yet."; el.classList.add("muted"); return; }
      new uPlot(opts, cols, el);
    });
  }
  var keys = { g: null };
  var jumps = { o: "/ui", i: "/ui/incidents", a: "/ui/alerts", s: "/ui/silences", m: "/ui/maintenance", e: "/ui/explore", u: "/ui/audit" };
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) { return; }
    if (keys.g && jumps[ev.key]) { window.location.href = jumps[ev.key]; keys.g = null; return; }
    keys.g = ev.key === "g" ? Date.now() : null;
    if (ev.key === "/") { var q = document.querySelector("[data-focus-key='/']"); if (q) { ev.preventDefault(); q.focus(); } }
  });
  if (document.readyState === "complete") { charts(); } else { window.addEventListener("load", charts); }
})();
