/**
 * The script report.html runs: draws the stage funnel and the length histogram with uPlot
 * from the numbers in `#report-data`, and opens an example document when a drift flag links to
 * it. Plain ES5-ish JavaScript kept as a string so the page needs no build step; it reads only
 * numbers and labels from JSON and writes them to canvases (never to innerHTML).
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.tagName === 'DETAILS') { target.open = true; target.scrollIntoView(); }
  }
  window.addEventListener('hashchange', openTarget);
  openTarget();
  if (typeof uPlot !== 'function') return;
  var colors = ['#1a73e8', '#c62828', '#2e7d32'];
  function chart(element, labels, series) {
    var xs = labels.map(function (_, i) { return i; });
    var count = series.length;
    var crowded = element.clientWidth / labels.length < 60;
    var options = {
      width: Math.max(240, element.clientWidth), height: 240,
      legend: { show: count > 1 }, cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      axes: [
        { splits: function () { return xs; }, values: function () { return labels; }, rotate: crowded ? -90 : -40, size: crowded ? 110 : 80, gap: 4 },
        { size: 50 }
      ],
      series: [{ label: 'x' }].concat(series.map(function (s, i) {
        return { label: s.label, fill: colors[i] + 'cc', stroke: colors[i], width: 1, points: { show: false },
          paths: uPlot.paths.bars({ size: [count > 1 ? 0.4 : 0.7, 60], align: count > 1 ? (i === 0 ? -1 : 1) : 0 }) };
      }))
    };
    var plot = new uPlot(options, [xs].concat(series.map(function (s) { return s.values; })), element);
    element.setAttribute('data-rendered', 'true');
    return plot;
  }
  var charts = [];
  var funnel = document.getElementById('funnel-chart');
  if (funnel) charts.push([funnel, chart(funnel, data.funnel.labels, [{ label: 'documents left', values: data.funnel.left }])]);
  var lengths = document.getElementById('length-chart');
  if (lengths) charts.push([lengths, chart(lengths, data.lengths.labels, [{ label: 'kept', values: data.lengths.kept }, { label: 'rejected', values: data.lengths.rejected }])]);
  window.addEventListener('resize', function () {
    charts.forEach(function (pair) { pair[1].setSize({ width: Math.max(240, pair[0].clientWidth), height: 240 }); });
  });
})();
`
