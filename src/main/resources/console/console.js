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
      if (kind === "series") {
        var palette = ["--link", "--up", "--degraded", "--down", "--maintenance", "--unknown"];
        opts = { width: width, height: 280, axes: [axis, axis], series: [{}].concat(d.series.map(function (s, i) {
          return { label: s.label, stroke: i < palette.length ? css(palette[i]) : "hsl(" + (i * 47 % 360) + ",60%,50%)", spanGaps: false };
        })) };
        cols = [d.t].concat(d.series.map(function (s) { return s.values; }));
      } else if (kind === "latency") {
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
  // a refused command (409) or a bad form (400) comes back as a fragment that says why: swap it in like a success
  if (window.htmx) {
    htmx.config.responseHandling = [{ code: "204", swap: false }, { code: "[23]..", swap: true },
      { code: "(400|409)", swap: true, error: false }, { code: "[45]..", swap: false, error: true }, { code: "...", swap: false }];
    document.addEventListener("htmx:responseError", function (ev) {
      var x = ev.detail.xhr, msg = "HTTP " + x.status;
      try { msg += ": " + JSON.parse(x.responseText).error; } catch (e) { /* not JSON */ }
      var box = document.getElementById("request-error");
      if (!box) {
        box = document.createElement("p"); box.id = "request-error"; box.className = "error"; box.setAttribute("role", "alert");
        document.getElementById("main").prepend(box);
      }
      box.textContent = "The server refused the change (" + msg + "). Reload the page and try again.";
    });
  }
  // a section that refreshes itself (a deployment in flight) waits while a reason is being written in it
  window.stewardIdle = function () {
    var r = document.getElementById("command-reason");
    return !r || (r.value === "" && document.activeElement !== r);
  };
  var keys = { g: null };
  var jumps = { o: "/ui", i: "/ui/incidents", a: "/ui/alerts", s: "/ui/silences", m: "/ui/maintenance", d: "/ui/deployments", e: "/ui/explore", u: "/ui/audit" };
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) { return; }
    if (keys.g && jumps[ev.key]) { window.location.href = jumps[ev.key]; keys.g = null; return; }
    keys.g = ev.key === "g" ? Date.now() : null;
    if (ev.key === "/") { var q = document.querySelector("[data-focus-key='/']"); if (q) { ev.preventDefault(); q.focus(); } }
  });
  if (document.readyState === "complete") { charts(); } else { window.addEventListener("load", charts); }
})();
