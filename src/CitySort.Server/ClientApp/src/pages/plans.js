// Plans: the daily plans of the dedicated lines. A date, a district/zone and a category; the Plan button runs
// POST /api/plans/{date} and follows its server-sent events (read with fetch, since EventSource only GETs) in a
// progress bar; the map draws each trip in its vehicle's colour (later trips dashed), stops, facilities, depots and
// unserved sites over the district boundaries; a table lists the vehicles.
import L from 'leaflet';
import './plansLabels.js';
import './plans.css';
import { h, num, tipText } from '../dom.js';
import { bilingual, categoryColour, categoryLabel, lang, t } from '../i18n.js';
import { ApiError, describeFailure, getJson, requestHeaders } from '../api.js';
import { failure, kpi, loading, panel } from './common.js';

const CATEGORIES = ['Kitchen', 'Hazardous', 'Recyclable', 'Other'];
const COLOUR_UNSERVED = '#dc2626';
const COLOUR_DEPOT = '#0f172a';

/** Today in Wenzhou (Asia/Shanghai) as YYYY-MM-DD. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** True when text is a real calendar day written YYYY-MM-DD (ISO 8601), such as 2015-12-01 (not 2015-02-30). */
export function isIsoDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, since Date.UTC reads the years 0-99 as 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * The day the page opens on: the one asked for in the hash when it is a day inside the profile's validity, else today
 * moved into the validity (the last day of an expired profile, the first of one not yet in force). ISO dates compare
 * as strings.
 */
function defaultDate(asked, validity) {
  if (isIsoDate(asked) && inValidity(asked, validity)) return asked;
  const day = today();
  if (validity.from && day < validity.from) return validity.from;
  if (validity.to && day > validity.to) return validity.to;
  return day;
}

function inValidity(day, validity) {
  return (!validity.from || day >= validity.from) && (!validity.to || day <= validity.to);
}

export async function renderPlans(root, query) {
  // The profile says which days its rules cover (validFrom..validTo); a plan is only made for such a day.
  const profile = await getJson('/api/profile').catch(() => null);
  const validity = { from: profile?.validFrom ?? null, to: profile?.validTo ?? null };
  const state = {
    date: defaultDate(query.get('date'), validity),
    area: query.get('district') ?? '',
    category: CATEGORIES.includes(query.get('category')) ? query.get('category') : '',
  };
  // A text box for YYYY-MM-DD rather than <input type=date>, whose display follows the browser's locale
  // (mm/dd/yyyy in an American browser) instead of the page's language.
  const dateInput = h('input.date-input', {
    type: 'text', id: 'plan-date', value: state.date, inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}', maxlength: 10, 'aria-label': t('planDate'), 'aria-describedby': 'plan-date-help',
  });
  const dateHelp = h('p.sub.plan-date-help', { id: 'plan-date-help' }, t('planDateHelp', { from: validity.from ?? '…', to: validity.to ?? '…' }));
  const areaSelect = h('select', { id: 'plan-area', 'aria-label': t('planArea') }, h('option', { value: '' }, t('planAllAreas')));
  const categorySelect = h('select', { id: 'plan-category', 'aria-label': t('planCategory') },
    h('option', { value: '' }, t('planAllCategories')),
    CATEGORIES.map(c => h('option', { value: c, selected: c === state.category }, categoryLabel(c))));
  const runButton = h('button.btn.primary', { type: 'button', id: 'plan-run' }, t('planRun'));
  const progress = h('div.progress', { id: 'plan-progress', hidden: true }, h('div.progress-bar'), h('span.progress-text'));
  const message = h('div', { id: 'plan-message' });
  const kpis = h('div.kpis.plan-kpis');
  const mapEl = h('div.map.plan-map', { id: 'plan-map', role: 'region', 'aria-label': t('navPlans') });
  const tables = h('div', { id: 'plan-tables' });

  root.append(
    panel(t('plansTitle'),
      h('p.intro', t('plansIntro')),
      h('div.filters',
        h('label', h('span', t('planDate')), dateInput),
        h('label', h('span', t('planArea')), areaSelect),
        h('label', h('span', t('planCategory')), categorySelect),
        h('div.filter-actions', runButton)),
      dateHelp,
      progress, message),
    kpis,
    h('div.map-wrap', mapEl),
    tables);

  const map = L.map(mapEl, { zoomControl: true, attributionControl: false, minZoom: 7, maxZoom: 18, zoomSnap: 0.25 });
  map.setView([27.99, 120.70], 10);
  addLegend(map);
  const planLayer = L.layerGroup().addTo(map);
  let cityBounds = null;
  let running = false;
  // Each load() takes a number; an answer that arrives after a later load() began (or after the date was found
  // invalid) is dropped, so a slow answer for an old date never overwrites what the page now says.
  let loadSeq = 0;

  const syncHash = () => {
    const q = new URLSearchParams();
    q.set('date', state.date);
    if (state.area) q.set('district', state.area);
    if (state.category) q.set('category', state.category);
    history.replaceState(null, '', '#/plans?' + q.toString());
  };
  /** The date typed, or null after saying in the page why it cannot be planned. */
  const checkedDate = () => {
    const value = dateInput.value.trim();
    const problem = !isIsoDate(value) ? t('planBadDate')
      : !inValidity(value, validity) ? t('planOutsideProfile', { date: value, from: validity.from, to: validity.to })
        : null;
    dateInput.setAttribute('aria-invalid', String(problem != null));
    runButton.disabled = problem != null || running;
    if (problem) { message.replaceChildren(h('div.state.error', { role: 'alert', id: 'plan-date-error' }, problem)); return null; }
    return value;
  };
  const onFilter = () => {
    if (checkedDate() == null) { loadSeq++; planLayer.clearLayers(); kpis.replaceChildren(); tables.replaceChildren(); mapEl.dataset.ready = 'true'; return; }
    state.date = dateInput.value.trim();
    state.area = areaSelect.value;
    state.category = categorySelect.value;
    syncHash();
    load();
  };
  dateInput.addEventListener('change', onFilter);
  dateInput.addEventListener('input', () => { if (isIsoDate(dateInput.value.trim()) || dateInput.value.trim().length >= 10) checkedDate(); else runButton.disabled = true; });
  areaSelect.addEventListener('change', onFilter);
  categorySelect.addEventListener('change', onFilter);
  runButton.addEventListener('click', run);

  const [districts, boundaries] = await Promise.allSettled([getJson('/api/districts'), getJson('/api/boundaries')]);
  if (districts.status === 'fulfilled') {
    for (const d of districts.value) {
      areaSelect.append(h('option', { value: d.code, selected: d.code === state.area }, bilingual(d)));
    }
  }
  if (boundaries.status === 'fulfilled' && (boundaries.value.features?.length ?? 0) > 0) {
    const layer = L.geoJSON(boundaries.value, {
      style: (f) => ({
        color: f.properties?.urban ? '#3b82a6' : '#a8b3bd',
        weight: f.properties?.urban ? 1.5 : 0.8,
        fillColor: f.properties?.urban ? '#fbfaf6' : '#e9e7df',
        fillOpacity: 0.92,
      }),
      onEachFeature: (f, l) => l.bindTooltip(tipText(bilingual({ name: f.properties?.name, nameEn: f.properties?.name_en })), { sticky: true, className: 'map-tip' }),
    }).addTo(map);
    layer.bringToBack();
    const urban = L.featureGroup();
    layer.eachLayer(l => { if (l.feature?.properties?.urban) urban.addLayer(l); });
    cityBounds = urban.getLayers().length ? urban.getBounds() : layer.getBounds();
    map.fitBounds(cityBounds, { padding: [16, 16], animate: false });
  }
  mapEl.dataset.boundaries = String(boundaries.status === 'fulfilled' ? (boundaries.value.features?.length ?? 0) : 0);

  await load();
  return () => map.remove();

  function planQuery(extra) {
    const q = new URLSearchParams();
    if (extra) for (const [k, v] of Object.entries(extra)) q.set(k, v);
    if (state.area) q.set('district', state.area);
    if (state.category) q.set('category', state.category);
    return q.toString();
  }

  /** Reads the stored plans of the chosen day and shows them, or says the day has not been planned. */
  async function load() {
    const seq = ++loadSeq;
    planLayer.clearLayers();
    mapEl.dataset.trips = '0';
    mapEl.dataset.ready = 'false';
    kpis.replaceChildren();
    tables.replaceChildren();
    if (!state.date) { message.replaceChildren(h('div.state', t('planBadDate'))); return; }
    if (!running) message.replaceChildren(loading());
    try {
      const [set, geo] = await Promise.all([
        getJson('/api/plans?' + planQuery({ date: state.date })),
        getJson('/api/plans?' + planQuery({ date: state.date, format: 'geojson' })),
      ]);
      if (seq !== loadSeq) return;
      if (!running) message.replaceChildren();
      show(set, geo);
    } catch (error) {
      if (seq !== loadSeq) return;
      if (error instanceof ApiError && error.status === 404) {
        message.replaceChildren(h('div.state.plan-none', { id: 'plan-none' }, t('planNone', { date: state.date })));
      } else {
        message.replaceChildren(failure(error, load));
      }
    } finally {
      if (seq === loadSeq) mapEl.dataset.ready = 'true';
    }
  }

  /** Plans the chosen day, following the server-sent events in the progress bar. */
  async function run() {
    const day = checkedDate();
    if (day == null) return;
    state.date = day;
    running = true;
    runButton.disabled = true;
    runButton.textContent = t('planRunning');
    message.replaceChildren();
    progress.hidden = false;
    const bar = progress.querySelector('.progress-bar');
    const text = progress.querySelector('.progress-text');
    const step = (fraction, label) => {
      progress.classList.toggle('indeterminate', fraction == null);
      bar.style.width = fraction == null ? '100%' : Math.round(fraction * 100) + '%';
      text.textContent = label;
    };
    step(null, t('planStarting'));
    let summary = null;
    let failed = null;
    try {
      await streamEvents('/api/plans/' + encodeURIComponent(state.date) + '?' + planQuery(), (type, data) => {
        if (type === 'progress') {
          const vars = { done: data.done, total: data.total, n: data.done + 1, area: areaName(data.areaCode), category: categoryLabel(data.category), due: num(data.dueSites) };
          step(data.total ? (data.done + (data.finished ? 0 : 0.5)) / data.total : null, t(data.finished ? 'planProgress' : 'planWorking', vars));
        } else if (type === 'summary') {
          summary = data;
        } else if (type === 'error') {
          failed = new ApiError(t('planFailed'), 500, data);
        }
      });
      if (failed) throw failed;
      if (!summary) throw new ApiError(t('planFailed'), 500, null);
      step(1, t('planDone', { plans: summary.planCount, vehicles: summary.vehicleCount, trips: summary.tripCount, due: num(summary.dueSiteCount), unserved: summary.unservedCount }));
      await load();
      message.replaceChildren(
        h('div.state.ok-text.plan-done', { id: 'plan-done' }, t('planDone', { plans: summary.planCount, vehicles: summary.vehicleCount, trips: summary.tripCount, due: num(summary.dueSiteCount), unserved: summary.unservedCount })),
        summary.notes?.length ? h('div.plan-notes-wrap', h('div.plan-notes-title', t('planNotes')), h('ul.plan-notes', summary.notes.map(n => h('li', noteText(n))))) : '');
    } catch (error) {
      message.replaceChildren(failure(error, run));
    } finally {
      running = false;
      runButton.disabled = false;
      runButton.textContent = t('planRun');
      progress.hidden = true;
    }
  }

  function areaName(code) {
    const d = districts.status === 'fulfilled' ? districts.value.find(x => x.code === code) : null;
    return d ? bilingual(d) : code;
  }

  /** Draws the plans on the map and fills the figures and tables. */
  function show(set, geo) {
    const plans = set.plans ?? [];
    if (!plans.length) { message.replaceChildren(h('div.state', t('planEmpty'))); }
    const bounds = L.latLngBounds([]);
    const features = geo.features ?? [];
    const kinds = (k) => features.filter(f => f.properties?.kind === k);
    for (const f of kinds('trip')) {
      const p = f.properties;
      const latLngs = f.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
      L.polyline(latLngs, { color: p.colour, weight: 3, opacity: 0.9, dashArray: p.trip > 1 ? '8 6' : null, className: 'plan-trip' })
        .bindTooltip(tipText(t('tripTip', { plate: p.plate, trip: p.trip, stops: p.stops, load: num(p.loadKg), facility: p.facility }), p.departsAt + '–' + (p.returnsAt ?? p.unloadsAt)), { sticky: true, className: 'map-tip' })
        .addTo(planLayer);
      latLngs.forEach(ll => bounds.extend(ll));
    }
    for (const f of kinds('stop')) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], { radius: 3.5, weight: 1, color: '#ffffff', fillColor: p.colour, fillOpacity: 1, className: 'plan-stop' })
        .bindTooltip(tipText(p.name, p.plate + ' #' + p.trip + '.' + p.sequence, p.arrivesAt, num(p.demandKg) + ' kg'), { className: 'map-tip' })
        .addTo(planLayer);
    }
    for (const f of kinds('facility')) {
      const [lon, lat] = f.geometry.coordinates;
      L.marker([lat, lon], { icon: L.divIcon({ className: 'facility-icon', html: '', iconSize: [12, 12] }), keyboard: false })
        .bindTooltip(tipText(f.properties?.name ?? f.properties?.code), { className: 'map-tip' })
        .addTo(planLayer);
      bounds.extend([lat, lon]);
    }
    for (const f of kinds('depot')) {
      const [lon, lat] = f.geometry.coordinates;
      L.marker([lat, lon], { icon: L.divIcon({ className: 'depot-icon', html: '', iconSize: [14, 14] }), keyboard: false })
        .bindTooltip(tipText(t('legendDepot'), f.properties?.name), { className: 'map-tip' })
        .addTo(planLayer);
      bounds.extend([lat, lon]);
    }
    for (const f of kinds('unserved')) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      L.circleMarker([lat, lon], { radius: 7, weight: 2.5, color: COLOUR_UNSERVED, fillColor: '#fff', fillOpacity: 0.8, className: 'plan-unserved' })
        .bindTooltip(tipText(p.name, categoryLabel(p.category), reasonText(p)), { className: 'map-tip' })
        .addTo(planLayer);
      bounds.extend([lat, lon]);
    }
    map.invalidateSize();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], animate: false });
    else if (cityBounds) map.fitBounds(cityBounds, { padding: [16, 16], animate: false });
    mapEl.dataset.trips = String(kinds('trip').length);

    const trips = plans.flatMap(p => p.trips.map(tr => ({ ...tr, category: p.category, area: p.areaCode })));
    const lastBack = trips.map(tr => tr.returnsToDepotAt).filter(Boolean).sort().at(-1);
    const unserved = plans.flatMap(p => p.unserved.map(u => ({ ...u, category: p.category, area: p.areaCode })));
    kpis.replaceChildren(
      kpi(t('planKpiPlans'), num(plans.length)),
      kpi(t('planKpiVehicles'), num(new Set(trips.map(tr => tr.vehiclePlate)).size)),
      kpi(t('planKpiDue'), num(plans.reduce((a, p) => a + p.dueSiteCount, 0))),
      kpi(t('planKpiUnserved'), num(unserved.length), null, unserved.length ? 'warn' : 'good'),
      kpi(t('planKpiTonnes'), num(plans.reduce((a, p) => a + p.totalLoadKg, 0) / 1000, 1)),
      kpi(t('planKpiLastBack'), lastBack ? clock(lastBack) : '–'));

    tables.replaceChildren(...[
      plans.some(p => p.isIllustrative) ? h('div.demo-notice', { id: 'plans-illustrative' }, t('plansIllustrative')) : null,
      plans.length ? panel(t('planVehicles'), vehicleTable(trips)) : null,
      unserved.length ? panel(t('planUnserved'), unservedTable(unserved)) : null].filter(Boolean));
  }

  function vehicleTable(trips) {
    const byPlate = new Map();
    for (const tr of trips) {
      if (!byPlate.has(tr.vehiclePlate)) byPlate.set(tr.vehiclePlate, []);
      byPlate.get(tr.vehiclePlate).push(tr);
    }
    const rows = [...byPlate.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    return h('div.table-wrap', h('table.grid.compact', { id: 'plan-vehicles' },
      h('thead', h('tr',
        h('th', t('planPlate')), h('th', t('planArea')), h('th', t('planCategory')), h('th.num', t('planTrips')),
        h('th.num', t('planLoadKg')), h('th.num', t('planDistanceKm')), h('th', t('planStart')), h('th', t('planEnd')))),
      h('tbody', rows.map(([plate, list]) => {
        list.sort((a, b) => a.vehicleTrip - b.vehicleTrip);
        const last = list.at(-1);
        return h('tr',
          h('td.mono', plate),
          h('td', areaName(list[0].area)),
          h('td', h('span.cat', h('span.swatch', { style: { background: categoryColour(list[0].category) } }), categoryLabel(list[0].category))),
          h('td.num', num(list.length)),
          h('td.num', num(list.reduce((a, x) => a + x.loadKg, 0))),
          h('td.num', num(list.reduce((a, x) => a + x.distanceMetres, 0) / 1000, 1)),
          h('td', clock(list[0].departsAt)),
          h('td', clock(last.returnsToDepotAt ?? last.unloadedAt)));
      }))));
  }

  function unservedTable(unserved) {
    return h('div.table-wrap', h('table.grid.compact', { id: 'plan-unserved' },
      h('thead', h('tr', h('th', t('site')), h('th', t('planArea')), h('th', t('planCategory')), h('th.num', 'kg'), h('th', t('reason')))),
      h('tbody', unserved.map(u => h('tr',
        h('td', h('a', { href: '#/sites/' + encodeURIComponent(u.siteCode) }, u.siteName), h('div.sub.mono', u.siteCode)),
        h('td', areaName(u.area)),
        h('td', categoryLabel(u.category)),
        h('td.num', num(u.demandKg)),
        h('td', { dataset: { reasonCode: u.reasonCode ?? '' } }, reasonText(u)))))));
  }

  /** A note of the planning run in the page language (the notes of docs/planning.md), else as the server wrote it. */
  function noteText(note) {
    let m = /^(\S+): (\d+) site\(s\) are due for (\w+) but the area has no dedicated \w+ vehicle; not planned\.$/.exec(note);
    if (m) return t('noteNoVehicle', { area: areaName(m[1]), n: m[2], category: categoryLabel(m[3]) });
    m = /^(\S+): no facility in the registry accepts (\w+)/.exec(note);
    if (m) return t('noteNoFacility', { area: areaName(m[1]), category: categoryLabel(m[2]) });
    if (/^Nothing to plan on /.test(note)) return t('noteNothing');
    return note;
  }
}

/** 'HH:mm:ss' (or 'HH:mm') as 'HH:mm'. */
function clock(value) {
  return value ? String(value).slice(0, 5) : '–';
}

/**
 * The server's reason for an unserved site in the page language: the API gives each reason in English (reason) and
 * Chinese (reasonZh) with its kind (reasonCode, docs/planning.md "Unserved sites"), so nothing is read from the words.
 */
function reasonText(u) {
  if (!u?.reason) return '';
  return lang() === 'en' ? u.reason : (u.reasonZh || u.reason);
}

/**
 * POSTs to path and calls onEvent(type, data) for each server-sent event (HTML Living Standard, "Server-sent
 * events": lines 'event:' and 'data:', events separated by a blank line). Rejects with an ApiError in words when
 * the request fails.
 */
async function streamEvents(path, onEvent) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers: requestHeaders('text/event-stream') });
  } catch {
    throw new ApiError(t('errNetwork'), 0, null);
  }
  if (!response.ok || !response.body) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON */ }
    throw new ApiError(describeFailure(response.status, problem), response.status, problem);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const dispatch = (block) => {
    let type = 'message';
    const data = [];
    for (const line of block.split(/\r\n|\r|\n/)) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (!data.length) return;
    let parsed;
    try { parsed = JSON.parse(data.join('\n')); } catch { parsed = data.join('\n'); }
    onEvent(type, parsed);
  };
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      throw new ApiError(t('errNetwork'), 0, null);
    }
    if (chunk.done) break;
    buffer += chunk.value;
    let at;
    while ((at = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const sep = buffer.slice(at).match(/^\r?\n\r?\n/)[0];
      dispatch(buffer.slice(0, at));
      buffer = buffer.slice(at + sep.length);
    }
  }
  if (buffer.trim()) dispatch(buffer);
}

function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => h('div.legend', { id: 'plan-legend' },
    h('div.legend-title', t('legend')),
    CATEGORIES.map(c => h('div.legend-row', h('span.line', { style: { background: categoryColour(c) } }), t('legendTrip', { category: categoryLabel(c) }))),
    h('div.legend-row', h('span.line.dashed'), t('legendLaterTrip')),
    h('div.legend-row', h('span.dot', { style: { background: '#475569' } }), t('legendStop')),
    h('div.legend-row', h('span.square', { style: { background: '#7c3aed' } }), t('legendFacility')),
    h('div.legend-row', h('span.square', { style: { background: COLOUR_DEPOT } }), t('legendDepot')),
    h('div.legend-row', h('span.ring'), t('legendUnserved')));
  legend.addTo(map);
}
