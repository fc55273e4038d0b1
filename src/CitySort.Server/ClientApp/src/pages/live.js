// Live: the collection chain as it happens (W96-A6). Vehicles move on the district map as their GPS fixes arrive
// over SignalR (/hubs/live, "vehiclePosition": the server keeps each vehicle's latest fix by device time); the KPI
// cards, the charts and the lists of violations and rejections are fetched again, debounced, when the server says
// that intake batches were committed ("batchCommitted"). Everything from outside (plates, names, reasons, payloads)
// is rendered as text nodes; illustrative data carries a visible badge.
import L from 'leaflet';
import { HubConnectionBuilder, LogLevel } from '@microsoft/signalr';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import './live.css';
import { h, num, pct, tipText } from '../dom.js';
import { bilingual, categoryColour, categoryLabel, lang, t } from '../i18n.js';
import { getJson } from '../api.js';
import { failure, panel } from './common.js';
import { createDistrictMap, drawBoundaries, drawFacilities } from './districtMap.js';

echarts.use([BarChart, LineChart, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

const REFETCH_DELAY_MS = 600;
const CHART_DAYS = 14;
const CATEGORY_ORDER = ['Other', 'Kitchen', 'Recyclable', 'Hazardous', 'Catering', 'Bulky', 'ConstructionAndRenovation'];
const FACILITY_COLOURS = ['#0b5f8a', '#e07b16', '#7c3aed', '#2f9e44', '#d23b2f', '#0891b2', '#a16207', '#64748b', '#be185d', '#4d7c0f', '#1e40af'];

/** The Asia/Shanghai calendar day (the business day) of an instant, as YYYY-MM-DD. */
function shanghaiDay(instant) {
  const d = instant instanceof Date ? instant : new Date(instant);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The Asia/Shanghai clock time of an instant, HH:mm:ss. */
function shanghaiClock(instant) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(instant));
}

/** YYYY-MM-DD plus n days. */
function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export async function renderLive(root, query) {
  const fixedDay = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date') : null;
  const state = { day: fixedDay ?? shanghaiDay(new Date()), follow: !fixedDay, illustrative: false, disposed: false };
  const vehicles = new Map();
  const facilityByCode = new Map();
  const isTransferStation = (code) => facilityByCode.get(code)?.kind === 'TransferStation';
  const facilityName = (code) => { const f = facilityByCode.get(code); return f ? bilingual(f) || String(code) : String(code); };
  const markers = new Map();
  const charts = [];

  const badge = h('span.badge.illustrative', { id: 'live-illustrative', hidden: true, title: t('liveIllustrativeNote') }, t('liveIllustrative'));
  const status = h('span.live-status', { id: 'live-status', 'data-state': 'connecting' }, t('liveConnecting'));
  const dayInput = h('input', { type: 'date', id: 'live-day', value: state.day, 'aria-label': t('liveDay') });
  const followBox = h('input', { type: 'checkbox', id: 'live-follow', checked: state.follow });
  const batchNote = h('span.note', { id: 'live-batch' });
  const kpiBox = h('div.kpis.live-kpis', { id: 'live-kpis' });
  const kpiMessage = h('div', { id: 'live-kpi-message' });
  const mapEl = h('div.map.live-map', { id: 'live-map', role: 'region', 'aria-label': t('liveMapTitle'), 'data-vehicles': '0', 'data-moves': '0' });
  const mapNotice = h('div.map-notice');
  const categoryChartEl = h('div.chart.live-chart', { id: 'live-chart-category' });
  const facilityChartEl = h('div.chart.live-chart', { id: 'live-chart-facility' });
  const coverageChartEl = h('div.chart.live-chart', { id: 'live-chart-coverage' });
  const violationsBox = h('div', { id: 'live-violations' });
  const rejectionsBox = h('div', { id: 'live-rejections' });
  const vehicleCount = h('span.kpi-value', { id: 'live-vehicle-count' }, '0');
  const lastFix = h('span.kpi-note', { id: 'live-last-fix' }, '–');

  root.append(
    h('div.live-head',
      h('h1.page-title', t('liveTitle')), badge, status),
    h('p.intro', t('liveIntro')),
    h('div.filters',
      h('label', h('span', t('liveDay')), dayInput),
      h('label.inline', followBox, h('span', t('liveFollow'))),
      batchNote),
    h('div.live-top',
      h('div.map-wrap', mapEl, mapNotice),
      h('div.live-side',
        h('div.kpis.live-fleet',
          h('div.kpi', h('div.kpi-label', t('liveVehicles')), vehicleCount, h('div.kpi-note', t('liveLastFix') + ' '), lastFix)),
        panel(t('liveKpis'), kpiMessage, kpiBox))),
    h('div.live-charts',
      panel(t('liveTonnageByCategory'), categoryChartEl),
      panel(t('liveTonnageByFacility'), facilityChartEl),
      panel(t('liveCoverageDaily'), coverageChartEl)),
    h('div.two-col',
      panel(t('liveViolations'), violationsBox),
      panel(t('liveRejections'), rejectionsBox)));

  const map = createDistrictMap(mapEl);
  const vehicleLayer = L.layerGroup().addTo(map);
  for (const [el] of [[categoryChartEl], [facilityChartEl], [coverageChartEl]]) {
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    charts.push(chart);
  }
  const onResize = () => charts.forEach(c => c.resize());
  window.addEventListener('resize', onResize);

  const [boundaries, facilities, fleet, positions] = await Promise.allSettled([
    getJson('/api/boundaries'), getJson('/api/facilities'), getJson('/api/vehicles?all=true'), getJson('/api/vehicles/positions'),
  ]);
  if (state.disposed) return () => {};
  const drawn = drawBoundaries(map, boundaries.status === 'fulfilled' ? boundaries.value : null, null);
  if (drawn.bounds && drawn.bounds.isValid()) map.fitBounds(drawn.bounds, { padding: [16, 16], animate: false });
  if (facilities.status === 'fulfilled') drawFacilities(map, facilities.value);
  if (fleet.status === 'fulfilled') for (const v of fleet.value) vehicles.set(v.plate, v);
  if (facilities.status === 'fulfilled') for (const f of facilities.value) facilityByCode.set(f.code, f);
  if (positions.status === 'fulfilled') {
    for (const p of positions.value) place(p);
    const latest = positions.value.map(p => p.deviceTime).sort().at(-1);
    if (state.follow && latest) setDay(shanghaiDay(latest));
  } else {
    mapNotice.append(failure(positions.reason));
  }
  showVehicleCount();
  mapEl.dataset.ready = 'true';

  dayInput.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dayInput.value)) return;
    state.day = dayInput.value;
    state.follow = false;
    followBox.checked = false;
    history.replaceState(null, '', '#/live?date=' + state.day);
    refresh();
  });
  followBox.addEventListener('change', () => {
    state.follow = followBox.checked;
    if (state.follow) history.replaceState(null, '', '#/live');
  });

  let refetchTimer = null;
  let fetching = null;
  let again = false;
  const connection = new HubConnectionBuilder()
    .withUrl('/hubs/live')
    .withAutomaticReconnect()
    .configureLogging(LogLevel.None)
    .build();
  connection.on('vehiclePosition', (p) => { place(p); showVehicleCount(); });
  connection.on('batchCommitted', (m) => {
    batchNote.textContent = t('liveBatch', { a: num(m?.acceptedCount ?? 0), r: num(m?.rejectedCount ?? 0) });
    const days = Array.isArray(m?.businessDays) ? m.businessDays.filter(d => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort() : [];
    if (state.follow && days.length && days.at(-1) > state.day) setDay(days.at(-1));
    scheduleRefresh();
  });
  connection.onreconnecting(() => setStatus('reconnecting', t('liveReconnecting')));
  connection.onreconnected(() => { setStatus('connected', t('liveConnected')); scheduleRefresh(); });
  connection.onclose(() => { if (!state.disposed) setStatus('disconnected', t('liveDisconnected')); });
  connection.start()
    .then(() => { if (!state.disposed) setStatus('connected', t('liveConnected')); })
    .catch(() => { if (!state.disposed) setStatus('disconnected', t('liveDisconnected')); });

  await refresh();

  return () => {
    state.disposed = true;
    clearTimeout(refetchTimer);
    connection.stop().catch(() => { /* already stopped */ });
    window.removeEventListener('resize', onResize);
    charts.forEach(c => c.dispose());
    map.remove();
  };

  function setStatus(value, text) {
    status.dataset.state = value;
    status.textContent = text;
  }

  function setDay(day) {
    state.day = day;
    dayInput.value = day;
  }

  function markIllustrative(flag) {
    if (flag && !state.illustrative) {
      state.illustrative = true;
      badge.hidden = false;
    }
  }

  /** Puts (or moves) the vehicle's marker at its latest position; the server already applied the latest-fix rule. */
  function place(p) {
    if (!p || typeof p.plate !== 'string' || !Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) return;
    markIllustrative(p.isIllustrative === true);
    let entry = markers.get(p.plate);
    if (entry && entry.position.deviceTime && p.deviceTime && Date.parse(p.deviceTime) <= Date.parse(entry.position.deviceTime)) return;
    if (!entry) {
      const category = vehicles.get(p.plate)?.dedicatedCategory ?? null;
      const dot = h('span.live-vehicle' + (category ? '' : '.fleet'), { style: { background: categoryColour(category ?? 'Other') } });
      dot.dataset.plate = p.plate;
      const icon = L.divIcon({ className: 'live-vehicle-icon', html: dot, iconSize: [14, 14] });
      const marker = L.marker([p.latitude, p.longitude], { icon, keyboard: false, title: '' }).addTo(vehicleLayer);
      entry = { marker, dot, position: p, category };
      marker.bindTooltip(() => vehicleTip(entry), { className: 'map-tip' });
      markers.set(p.plate, entry);
    } else {
      entry.marker.setLatLng([p.latitude, p.longitude]);
      entry.position = p;
      mapEl.dataset.moves = String(Number(mapEl.dataset.moves) + 1);
    }
    entry.dot.dataset.lat = String(p.latitude);
    entry.dot.dataset.lon = String(p.longitude);
    entry.dot.dataset.time = String(p.deviceTime ?? '');
    entry.dot.classList.toggle('illustrative', p.isIllustrative === true);
  }

  function vehicleTip(entry) {
    const p = entry.position;
    return tipText(
      p.plate,
      entry.category ? categoryLabel(entry.category) : t('liveFleetOther'),
      p.deviceTime ? shanghaiDay(p.deviceTime) + ' ' + shanghaiClock(p.deviceTime) : null,
      p.speedKmh != null ? t('liveSpeed', { v: num(p.speedKmh, 0) }) : null,
      p.isIllustrative ? t('liveIllustrative') : null);
  }

  function showVehicleCount() {
    mapEl.dataset.vehicles = String(markers.size);
    vehicleCount.textContent = num(markers.size);
    const latest = [...markers.values()].map(e => e.position.deviceTime).filter(Boolean).sort().at(-1);
    lastFix.textContent = latest ? shanghaiDay(latest) + ' ' + shanghaiClock(latest) : '–';
    if (!markers.size && !mapNotice.querySelector('#live-no-vehicles')) {
      mapNotice.append(h('div.note', { id: 'live-no-vehicles' }, t('liveNoVehicles')));
    } else if (markers.size) {
      mapNotice.querySelector('#live-no-vehicles')?.remove();
    }
  }

  function scheduleRefresh() {
    clearTimeout(refetchTimer);
    refetchTimer = setTimeout(() => { refresh(); }, REFETCH_DELAY_MS);
  }

  /** Fetches the KPIs, charts, violations and rejections of the chosen day; one fetch at a time, the last request wins. */
  async function refresh() {
    if (fetching) { again = true; return fetching; }
    fetching = (async () => {
      const day = state.day;
      const from = addDays(day, -(CHART_DAYS - 1));
      const [today, series, violations, rejections] = await Promise.allSettled([
        getJson('/api/kpis?' + new URLSearchParams({ from: day, to: day, groupBy: 'day' })),
        getJson('/api/kpis?' + new URLSearchParams({ from, to: day, groupBy: 'day' })),
        getJson('/api/violations?' + new URLSearchParams({ from: day, to: day })),
        getJson('/api/rejections'),
      ]);
      if (state.disposed) return;
      showKpis(today);
      showCharts(series, from, day);
      showViolations(violations, day);
      showRejections(rejections);
      root.dataset.refreshed = String(Number(root.dataset.refreshed ?? 0) + 1);
    })();
    try {
      await fetching;
    } finally {
      fetching = null;
      if (again && !state.disposed) { again = false; scheduleRefresh(); }
    }
  }

  function showKpis(result) {
    kpiMessage.replaceChildren();
    if (result.status !== 'fulfilled') {
      kpiBox.replaceChildren();
      kpiMessage.append(failure(result.reason, refresh));
      return;
    }
    const figures = (result.value?.periods ?? []).flatMap(p => p.figures ?? []);
    figures.forEach(f => markIllustrative(f.isIllustrative === true));
    // The city's figures, one card each (the tonnage per category and facility goes to the charts, summed into one card).
    const cityWide = figures.filter(f => f.districtCode == null && f.facilityCode == null && f.vehiclePlate == null && f.kpi !== 'CollectedTonnage');
    const collected = figures.filter(f => f.kpi === 'CollectedTonnage' && f.districtCode == null && !isTransferStation(f.facilityCode));
    const shown = collected.length
      ? [...cityWide, { kpi: 'CollectedTonnage', value: collected.reduce((a, f) => a + Number(f.value ?? 0), 0), unit: 't', clauseId: collected[0].clauseId, isIllustrative: collected.some(f => f.isIllustrative) }]
      : cityWide;
    if (!shown.length) {
      kpiBox.replaceChildren();
      kpiMessage.append(h('div.state', { id: 'live-no-kpis' }, t('liveNoKpis')));
      return;
    }
    kpiBox.replaceChildren(...shown.map(kpiCard));
  }

  function kpiCard(f) {
    const tone = f.met === true ? '.good' : f.met === false ? '.warn' : '';
    const label = t('kpi_' + f.kpi) === 'kpi_' + f.kpi ? String(f.kpi) : t('kpi_' + f.kpi);
    const card = h('div.kpi.live-kpi' + tone,
      h('div.kpi-label', label, f.category ? ' · ' + categoryLabel(f.category) : ''),
      h('div.kpi-value', formatValue(f.value, f.unit)),
      f.target != null ? h('div.kpi-note', t('liveTargetLine', { cmp: comparison(f.targetComparison), target: formatValue(f.target, f.unit) })) : null,
      h('div.kpi-tags',
        f.clauseId ? h('span.clause', String(f.clauseId)) : null,
        f.met === true ? h('span.chip.ok', t('liveMet')) : f.met === false ? h('span.chip.bad', t('liveNotMet')) : null,
        f.isIllustrative ? h('span.badge.illustrative.small', t('liveIllustrative')) : null));
    card.dataset.kpi = String(f.kpi);
    card.dataset.value = String(f.value ?? '');
    return card;
  }

  function showCharts(result, from, to) {
    const days = [];
    for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
    const figures = result.status === 'fulfilled'
      ? (result.value?.periods ?? []).flatMap(p => (p.figures ?? []).map(f => ({ ...f, period: String(p.period).slice(0, 10) })))
      : [];
    // Net tonnes weighed per category and facility; a transfer station's receipts are weighed again at the plant, so
    // the category chart counts the receiving plants only.
    const tonnes = figures.filter(f => f.kpi === 'CollectedTonnage' && f.districtCode == null && f.vehiclePlate == null);
    const byCategory = tonnes.filter(f => f.category != null && !isTransferStation(f.facilityCode));
    const byFacility = tonnes.filter(f => f.facilityCode != null);
    const categories = CATEGORY_ORDER.filter(c => byCategory.some(f => f.category === c))
      .concat([...new Set(byCategory.map(f => f.category))].filter(c => !CATEGORY_ORDER.includes(c)));
    stackedBars(charts[0], categoryChartEl, days, categories.map(c => ({
      name: categoryLabel(c), colour: categoryColour(c), values: days.map(d => sum(byCategory, f => f.period === d && f.category === c)),
    })));
    const facilityCodes = [...new Set(byFacility.map(f => f.facilityCode))].sort();
    stackedBars(charts[1], facilityChartEl, days, facilityCodes.map((code, i) => ({
      name: facilityName(code), colour: FACILITY_COLOURS[i % FACILITY_COLOURS.length], values: days.map(d => sum(byFacility, f => f.period === d && f.facilityCode === code)),
    })));
    const coverage = figures.filter(f => f.kpi === 'Coverage' && f.districtCode == null && f.category == null && f.facilityCode == null);
    coverageLine(charts[2], coverageChartEl, days, days.map(d => coverage.find(f => f.period === d)?.value ?? null), coverage.find(f => f.target != null)?.target ?? null);
  }

  function showViolations(result, day) {
    if (result.status !== 'fulfilled') { violationsBox.replaceChildren(failure(result.reason, refresh)); return; }
    const list = (Array.isArray(result.value) ? result.value : result.value?.items ?? [])
      .filter(v => !v.businessDay || String(v.businessDay).slice(0, 10) === day);
    if (!list.length) { violationsBox.replaceChildren(h('div.state', t('liveNoViolations'))); return; }
    violationsBox.replaceChildren(h('div.table-wrap.live-list', h('table.grid.compact', { id: 'live-violation-table' },
      h('thead', h('tr', h('th', t('liveKind')), h('th', t('liveVehicle')), h('th', t('site')), h('th', t('description')), h('th', t('liveEvidence')), h('th', t('liveStatus')))),
      h('tbody', list.slice(0, 100).map(v => h('tr',
        h('td', h('div', String(v.kind ?? '')), v.clauseId ? h('span.clause', String(v.clauseId)) : null),
        h('td.mono', String(v.vehiclePlate ?? '')),
        h('td', h('div.mono', String(v.siteCode ?? v.facilityCode ?? ''))),
        h('td', lang() === 'en' ? String(v.description ?? v.descriptionZh ?? '') : String(v.descriptionZh ?? v.description ?? '')),
        h('td', h('ul.evidence', (v.evidence ?? []).map(e => h('li.mono',
          String(e.kind ?? ''), ' ', String(e.eventId ?? ''), ' · ', String(e.deviceId ?? ''), e.deviceTime ? ' · ' + shanghaiClock(e.deviceTime) : '')))),
        h('td', statusLabel(v.status))))))));
  }

  function showRejections(result) {
    if (result.status !== 'fulfilled') { rejectionsBox.replaceChildren(failure(result.reason, refresh)); return; }
    const list = (Array.isArray(result.value) ? result.value : result.value?.items ?? [])
      .slice().sort((a, b) => String(b.receivedAt ?? '').localeCompare(String(a.receivedAt ?? '')));
    if (!list.length) { rejectionsBox.replaceChildren(h('div.state', t('liveNoRejections'))); return; }
    rejectionsBox.replaceChildren(h('div.table-wrap.live-list', h('table.grid.compact', { id: 'live-rejection-table' },
      h('thead', h('tr', h('th', t('liveWhen')), h('th', t('liveDevice')), h('th', t('liveOutcome')), h('th', t('reason')), h('th', t('livePayload')))),
      h('tbody', list.slice(0, 100).map(r => h('tr',
        h('td', r.receivedAt ? shanghaiClock(r.receivedAt) : ''),
        h('td', h('div.mono', String(r.deviceId ?? '')), r.clientId ? h('div.sub.mono', t('liveClient', { id: String(r.clientId) })) : null,
          h('div.sub.mono', String(r.source ?? '')), r.eventId ? h('div.sub.mono', String(r.eventId)) : null),
        h('td', outcomeLabel(r.outcome)),
        h('td', h('div.mono', String(r.reasonCode ?? '')), h('div', lang() === 'en' ? String(r.reason ?? r.reasonZh ?? '') : String(r.reasonZh ?? r.reason ?? '')),
          Number(r.droppedCount ?? 0) > 0 ? h('div.sub', t('liveDropped', { n: num(Number(r.droppedCount)) })) : null),
        h('td', h('code.payload', { title: payloadText(r.payload) }, truncate(payloadText(r.payload), 160)))))))));
  }
}

function statusLabel(status) {
  const key = 'status_' + status;
  return t(key) === key ? String(status ?? '') : t(key);
}

function outcomeLabel(outcome) {
  const key = 'outcome_' + outcome;
  return t(key) === key ? String(outcome ?? '') : t(key);
}

function payloadText(payload) {
  if (payload == null) return '';
  return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

function truncate(text, n) {
  return text.length > n ? text.slice(0, n) + '…' : text;
}

function sum(list, predicate) {
  const matching = list.filter(predicate);
  return matching.length ? matching.reduce((a, f) => a + Number(f.value ?? 0), 0) : 0;
}

function comparison(c) {
  const value = String(c ?? '').toLowerCase();
  if (['atleast', 'greaterorequal', '>=', 'min', 'minimum', 'gte'].includes(value)) return '≥';
  if (['atmost', 'lessorequal', '<=', 'max', 'maximum', 'lte'].includes(value)) return '≤';
  if (['equal', '=', 'eq'].includes(value)) return '=';
  return String(c ?? '');
}

function formatValue(value, unit) {
  if (value == null) return '–';
  const u = String(unit ?? '');
  const lower = u.toLowerCase();
  if (['share', 'ratio', 'fraction', 'rate'].includes(lower)) return pct(Number(value));
  if (lower === '%' || lower === 'percent') return num(Number(value), 1) + '%';
  if (lower === 't' || lower === 'tonnes') return num(Number(value), 1) + ' t';
  if (lower === 'kg') return num(Number(value), 0) + ' kg';
  return num(Number(value), 2) + (u ? ' ' + u : '');
}

/** A tooltip body (DOM nodes, never HTML strings) for an axis tooltip of ECharts. */
function axisTip(params, format) {
  const rows = (Array.isArray(params) ? params : [params]).filter(p => p.value != null);
  return h('div.chart-tip',
    h('div.chart-tip-title', rows[0]?.axisValue ?? ''),
    rows.map(p => h('div', h('span.swatch', { style: { background: p.color } }), ' ', String(p.seriesName ?? ''), ': ', format(p.value))));
}

function stackedBars(chart, el, days, series) {
  el.dataset.series = String(series.length);
  el.dataset.total = String(series.reduce((a, s) => a + s.values.reduce((x, v) => x + v, 0), 0));
  chart.setOption({
    animation: false,
    grid: { left: 56, right: 16, top: series.length ? 40 : 16, bottom: 28 },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', formatter: (params) => axisTip(params, v => num(v, 1) + ' t') },
    xAxis: { type: 'category', data: days.map(d => d.slice(5)) },
    yAxis: { type: 'value', name: 't', axisLabel: { formatter: (v) => num(v, 0) } },
    graphic: series.length ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: t('liveNoChartData'), fill: '#94a3b8', fontSize: 13 } }],
    series: series.map(s => ({ type: 'bar', name: s.name, stack: 'total', data: s.values.map(v => Math.round(v * 10) / 10), itemStyle: { color: s.colour }, barMaxWidth: 28 })),
  }, { notMerge: true });
}

function coverageLine(chart, el, days, values, target) {
  el.dataset.points = String(values.filter(v => v != null).length);
  const percent = values.map(v => (v == null ? null : Math.round(Number(v) * 1000) / 10));
  const hasData = percent.some(v => v != null);
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 24, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis', formatter: (params) => axisTip(params, v => num(v, 1) + '%') },
    xAxis: { type: 'category', data: days.map(d => d.slice(5)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    graphic: hasData ? [] : [{ type: 'text', left: 'center', top: 'middle', style: { text: t('liveNoChartData'), fill: '#94a3b8', fontSize: 13 } }],
    series: [{
      type: 'line', name: t('kpi_Coverage'), data: percent, connectNulls: true, symbolSize: 7, itemStyle: { color: '#0b5f8a' },
      markLine: target == null ? undefined : {
        symbol: 'none', silent: true, lineStyle: { color: '#b45309', type: 'dashed' },
        label: { formatter: t('target') + ' ' + num(target * 100, 0) + '%', position: 'insideEndTop' },
        data: [{ yAxis: target * 100 }],
      },
    }],
  }, { notMerge: true });
}
