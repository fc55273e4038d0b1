// The district map shared by the overview and live pages: a Leaflet map drawn offline (no tile server) with the
// imported district boundaries in a pane below the markers, and tooltips built from DOM text nodes (names come
// from imports and devices: they are data, never markup).
import L from 'leaflet';
import { tipText } from '../dom.js';
import { bilingual, t } from '../i18n.js';

/** Creates the map in el, centred on Wenzhou, with the 'boundaries' pane below the overlay pane. */
export function createDistrictMap(el, options = {}) {
  const map = L.map(el, { zoomControl: true, attributionControl: false, minZoom: 7, maxZoom: 18, ...options });
  map.setView([27.99, 120.70], 10);
  // Boundaries in a pane below the overlay pane, so markers are always drawn above the land.
  map.createPane('boundaries');
  map.getPane('boundaries').style.zIndex = '350';
  return map;
}

/** The name of a boundary feature as { name, nameEn } for bilingual(). */
export function featureName(f) {
  const p = f.properties ?? {};
  return { name: p.name ?? p.nameZh ?? '', nameEn: p.name_en ?? p.nameEn };
}

/** The district code of a boundary feature. */
export function featureCode(f) {
  const p = f.properties ?? {};
  return String(p.code ?? p.adcode ?? p.districtCode ?? '');
}

/** Whether a feature is in focus: the selected district, or every urban district when none is selected. */
export function isFocus(f, selectedDistrict) {
  if (selectedDistrict) return featureCode(f) === selectedDistrict.code;
  return f.properties?.urban === true;
}

/** The style of a boundary: urban districts light with a blue outline, the selected one emphasised. */
export function boundaryStyle(f, selectedDistrict) {
  const urban = f.properties?.urban === true;
  const focused = selectedDistrict && featureCode(f) === selectedDistrict.code;
  return {
    color: focused ? '#0b5f8a' : urban ? '#3b82a6' : '#a8b3bd',
    weight: focused ? 2.5 : urban ? 1.5 : 0.8,
    fillColor: urban ? '#fbfaf6' : '#e9e7df',
    fillOpacity: focused ? 1 : 0.92,
  };
}

/**
 * Draws the boundaries GeoJSON (from /api/boundaries) in the 'boundaries' pane; returns { layer, bounds, count },
 * bounds framing the selected district or the urban districts (null when there is no feature).
 */
export function drawBoundaries(map, geojson, selectedDistrict) {
  const count = geojson?.features?.length ?? 0;
  if (!count) return { layer: null, bounds: null, count: 0 };
  const layer = L.geoJSON(geojson, {
    pane: 'boundaries',
    style: (f) => boundaryStyle(f, selectedDistrict),
    onEachFeature: (f, l) => l.bindTooltip(() => tipText(bilingual(featureName(f))), { sticky: true, className: 'map-tip' }),
  }).addTo(map);
  const focus = L.featureGroup();
  layer.eachLayer(l => { if (isFocus(l.feature, selectedDistrict)) focus.addLayer(l); });
  const bounds = focus.getLayers().length ? focus.getBounds() : layer.getBounds();
  return { layer, bounds, count };
}

/** Draws the facilities (from /api/facilities) as purple squares with their name and kind as text. */
export function drawFacilities(map, facilities) {
  for (const f of facilities ?? []) {
    if (f.latitude == null || f.longitude == null) continue;
    const icon = L.divIcon({ className: 'facility-icon', html: '', iconSize: [12, 12] });
    L.marker([f.latitude, f.longitude], { icon, keyboard: false })
      .bindTooltip(() => tipText(bilingual(f) + (f.kind ? ' · ' + f.kind : '') + (f.isIllustrative ? ' · ' + t('illustrative') : '')), { className: 'map-tip' })
      .addTo(map);
  }
}
