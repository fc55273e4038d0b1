// Overview: each district on a map drawn offline (no tile server): boundaries from /api/boundaries, sites as
// canvas circle markers coloured by compliance, facilities as squares, a legend; district figures beside it.
import L from 'leaflet';
import { h, num, pct, tipText } from '../dom.js';
import { bilingual, siteTypeLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { failure, kpi, loading, panel } from './common.js';
import { createDistrictMap, drawBoundaries, drawFacilities } from './districtMap.js';

const COLOUR_OK = '#16a34a';
const COLOUR_GAP = '#dc2626';
const COLOUR_FACILITY = '#7c3aed';

export async function renderOverview(root, query) {
  const selected = query.get('district') ?? '';
  const side = h('div.side');
  const mapEl = h('div.map', { id: 'map', role: 'region', 'aria-label': t('navOverview') });
  const notice = h('div.map-notice');
  const filterBar = h('div.chips');
  root.append(h('div.overview', side, h('div.map-wrap', filterBar, mapEl, notice)));

  const map = createDistrictMap(mapEl, { preferCanvas: false });
  const canvas = L.canvas({ padding: 0.3 });
  addLegend(map);

  side.append(loading());
  let districts = [];
  try {
    districts = await getJson('/api/districts');
  } catch (error) {
    side.replaceChildren(failure(error, () => { location.reload(); }));
  }
  renderFilter(filterBar, districts, selected);
  if (districts.length) renderSide(side, districts, selected);
  const fleetQuery = selected ? '?district=' + encodeURIComponent(selected) : '';
  Promise.all([getJson('/api/vehicles' + fleetQuery), getJson('/api/lines' + fleetQuery)])
    .then(([vehicles, lines]) => side.querySelector('.kpis')?.append(
      kpi(t('fleetVehicles'), num(vehicles.length)),
      kpi(t('fleetLines'), num(lines.length))))
    .catch(() => { /* the fleet tiles are a convenience; the map still works */ });

  const [boundaries, points, facilities] = await Promise.allSettled([
    getJson('/api/boundaries'),
    getJson('/api/sites/points' + (selected ? '?district=' + encodeURIComponent(selected) : '')),
    getJson('/api/facilities'),
  ]);

  const drawn = drawBoundaries(map, boundaries.status === 'fulfilled' ? boundaries.value : null, districts.find(d => d.code === selected));
  let bounds = drawn.bounds;
  const featureCount = drawn.count;
  if (featureCount === 0) {
    notice.append(h('div.note', t('mapNoBoundaries')));
  }
  mapEl.dataset.boundaries = String(featureCount);

  let siteCount = 0;
  if (points.status === 'fulfilled') {
    const siteBounds = L.latLngBounds([]);
    for (const p of points.value) {
      if (p.latitude == null || p.longitude == null) continue;
      const marker = L.circleMarker([p.latitude, p.longitude], {
        renderer: canvas, radius: 4, weight: 1, color: p.isIllustrative ? '#475569' : '#ffffff', opacity: 0.9, dashArray: p.isIllustrative ? '2 2' : null,
        fillColor: p.compliant ? COLOUR_OK : COLOUR_GAP, fillOpacity: 0.9,
      });
      marker.bindTooltip(() => tipText(p.name, siteTypeLabel(p.type), p.compliant ? t('compliant') : t('nonCompliant'), p.isIllustrative ? t('illustrative') : null), { className: 'map-tip' });
      marker.on('click', () => { location.hash = '#/sites/' + encodeURIComponent(p.code); });
      marker.addTo(map);
      siteBounds.extend([p.latitude, p.longitude]);
      siteCount++;
    }
    if ((!bounds || districts.find(d => d.code === selected)?.kind === 'Area') && siteCount) bounds = siteBounds;
    if (!siteCount) notice.append(h('div.note', t('mapNoSites')));
  } else {
    notice.append(failure(points.reason));
  }
  mapEl.dataset.siteMarkers = String(siteCount);

  if (facilities.status === 'fulfilled') drawFacilities(map, facilities.value);

  if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16] });
  mapEl.dataset.ready = 'true';
  return () => map.remove();
}

function addLegend(map) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => h('div.legend',
    h('div.legend-title', t('legend')),
    h('div.legend-row', h('span.dot', { style: { background: COLOUR_OK } }), t('legendCompliant')),
    h('div.legend-row', h('span.dot', { style: { background: COLOUR_GAP } }), t('legendGaps')),
    h('div.legend-row', h('span.square', { style: { background: COLOUR_FACILITY } }), t('legendFacility')),
    h('div.legend-row', h('span.area.urban'), t('legendUrban')),
    h('div.legend-row', h('span.area'), t('legendOther')));
  legend.addTo(map);
}

function renderFilter(bar, districts, selected) {
  const link = (code, label) => h('a.chip-link' + (code === selected ? '.active' : ''), { href: '#/' + (code ? '?district=' + encodeURIComponent(code) : '') }, label);
  bar.replaceChildren(link('', t('districtAll')), ...districts.map(d => link(d.code, bilingual(d))));
}

function renderSide(side, districts, selected) {
  const shown = selected ? districts.filter(d => d.code === selected) : districts;
  const sum = (k) => shown.filter(d => d.kind !== 'Area').reduce((a, d) => a + (d[k] ?? 0), 0);
  const sites = sum('siteCount');
  const compliant = sum('compliantSiteCount');
  side.replaceChildren(
    h('div.kpis',
      kpi(t('streets'), num(sum('streetCount'))),
      kpi(t('communities'), num(sum('communityCount'))),
      kpi(t('sites'), num(sites)),
      kpi(t('complianceShare'), sites ? pct(compliant / sites) : '–', null, sites && compliant / sites >= 0.5 ? 'good' : 'warn')),
    panel(t('overviewDistricts'),
      h('table.grid.compact',
        h('thead', h('tr', h('th', t('district')), h('th.num', t('streets')), h('th.num', t('communities')), h('th.num', t('sites')))),
        h('tbody', shown.map(d => h('tr',
          h('td', d.kind === 'Area'
            ? h('span', bilingual(d), ' ', h('span.tag', t('area')))
            : h('a', { href: '#/sites?district=' + encodeURIComponent(d.code) }, bilingual(d))),
          h('td.num', num(d.streetCount)),
          h('td.num', num(d.communityCount)),
          h('td.num', num(d.siteCount))))))));
}
