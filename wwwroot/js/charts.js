// The only JavaScript of the dashboard's charts: ApexCharts (4.7.0, the global from
// lib/apexcharts/apexcharts.min.js) driven by the ApexChart Blazor component. New data updates the
// series in place (no re-creation: no flicker, and a user's zoom is kept).
const charts = new WeakMap();

const formats = {
  percent: (v) => (v === null || v === undefined ? '' : (v * 100).toFixed(2) + '%'),
  pvalue: (v) => (v === null || v === undefined ? '' : v < 0.001 ? v.toExponential(1) : v.toFixed(3)),
  count: (v) => (v === null || v === undefined ? '' : Math.round(v).toLocaleString()),
  ratio: (v) => (v === null || v === undefined ? '' : (v >= 0 ? '+' : '') + (v * 100).toFixed(1) + '%'),
  number: (v) => (v === null || v === undefined ? '' : v.toFixed(3)),
};

// With categories (score bins) the series are overlaid histograms: stepped areas, one value per category.
function isHistogram(spec) {
  return Array.isArray(spec.categories) && spec.categories.length > 0;
}

function toSeries(spec) {
  if (isHistogram(spec)) {
    return spec.series.map((s) => ({ name: s.name, type: 'area', color: s.color || undefined, data: s.points.map((p) => p.y) }));
  }
  return spec.series.map((s) => ({
    name: s.name,
    type: s.band ? 'rangeArea' : 'line',
    color: s.color || undefined,
    data: s.points.map((p) => (s.band ? { x: p.x, y: [p.low, p.high] } : { x: p.x, y: p.y })),
  }));
}

function toAnnotations(spec) {
  return {
    yaxis: spec.thresholds.map((t) => ({
      y: t.value,
      borderColor: t.color,
      strokeDashArray: 4,
      label: { text: t.label, borderColor: t.color, style: { color: '#fff', background: t.color } },
    })),
    xaxis: spec.markers.map((m) => ({
      x: m.at,
      borderColor: m.color,
      label: { text: m.label, orientation: 'horizontal', borderColor: m.color, style: { color: '#fff', background: m.color } },
    })),
  };
}

function toOptions(spec) {
  const format = formats[spec.unit] || formats.count;
  return isHistogram(spec) ? toHistogramOptions(spec, format) : toTimeOptions(spec, format);
}

function toHistogramOptions(spec, format) {
  return {
    chart: {
      type: 'area',
      height: spec.height,
      animations: { enabled: false },
      toolbar: { show: true, tools: { download: true, zoom: false, zoomin: false, zoomout: false, pan: false, reset: false } },
      fontFamily: 'inherit',
      background: 'transparent',
    },
    theme: { mode: spec.dark ? 'dark' : 'light' },
    title: { text: spec.title, style: { fontSize: '14px' } },
    series: toSeries(spec),
    stroke: { curve: 'stepline', width: 2 },
    fill: { type: 'solid', opacity: 0.18 },
    markers: { size: 0 },
    dataLabels: { enabled: false },
    legend: { show: true, position: 'top', horizontalAlign: 'right' },
    xaxis: { type: 'category', categories: spec.categories, title: { text: spec.xTitle }, tickAmount: 10, labels: { rotate: -45 } },
    yaxis: { title: { text: spec.yTitle }, min: spec.yMin ?? 0, max: spec.yMax ?? undefined, labels: { formatter: format } },
    tooltip: { shared: true, y: { formatter: format } },
    annotations: toAnnotations(spec),
    noData: { text: spec.noData },
  };
}

function toTimeOptions(spec, format) {
  const bands = spec.series.some((s) => s.band);
  return {
    chart: {
      type: bands ? 'rangeArea' : 'line',
      height: spec.height,
      animations: { enabled: false },
      zoom: { enabled: true, type: 'x', autoScaleYaxis: true },
      toolbar: { show: true, tools: { download: true, zoom: true, zoomin: true, zoomout: true, pan: true, reset: true } },
      fontFamily: 'inherit',
      background: 'transparent',
    },
    theme: { mode: spec.dark ? 'dark' : 'light' },
    title: { text: spec.title, style: { fontSize: '14px' } },
    series: toSeries(spec),
    stroke: { curve: 'straight', width: spec.series.map((s) => (s.band ? 0 : 2)) },
    fill: { opacity: spec.series.map((s) => (s.band ? 0.22 : 1)) },
    // Points are drawn while a series is sparse (a lone point has no line), hidden once it is dense.
    markers: { size: spec.series.every((s) => s.points.length < 40) ? 3 : 0 },
    dataLabels: { enabled: false },
    legend: { show: true, position: 'top', horizontalAlign: 'right' },
    xaxis: { type: 'datetime', title: { text: spec.xTitle }, labels: { datetimeUTC: false } },
    yaxis: {
      title: { text: spec.yTitle },
      logarithmic: spec.logarithmic,
      min: spec.yMin ?? undefined,
      max: spec.yMax ?? undefined,
      labels: { formatter: format },
    },
    tooltip: { shared: !bands, x: { format: 'yyyy-MM-dd HH:mm' }, y: { formatter: format } },
    annotations: toAnnotations(spec),
    noData: { text: spec.noData },
  };
}

// data-renders / data-updates count what happened to a chart, so a test can tell an in-place
// update (no flicker, zoom kept) from a re-creation.
function count(element, name) {
  element.dataset[name] = String(Number(element.dataset[name] || 0) + 1);
}

export async function render(element, spec) {
  destroy(element);
  const chart = new ApexCharts(element, toOptions(spec));
  charts.set(element, chart);
  await chart.render();
  element.dataset.updates = element.dataset.updates || '0';
  count(element, 'renders');
}

export async function update(element, spec) {
  const chart = charts.get(element);
  if (!chart) {
    return render(element, spec);
  }
  const zoomed = chart.w.globals.zoomed ? [chart.w.globals.minX, chart.w.globals.maxX] : null;
  await chart.updateOptions({ annotations: toAnnotations(spec), theme: { mode: spec.dark ? 'dark' : 'light' } }, false, false, false);
  await chart.updateSeries(toSeries(spec), false);
  if (zoomed) {
    chart.zoomX(zoomed[0], zoomed[1]);
  }
  count(element, 'updates');
}

export function destroy(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
