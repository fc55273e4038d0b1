// The form that adds or changes a site with its bins (PUT /api/sites/{code}, POST /api/sites) and the retirement of
// a site, used on the site page and the registry page (docs/registry.md).
import { h } from '../dom.js';
import { categoryLabel, placementLabel, siteTypeLabel, siteTypes, t } from '../i18n.js';
import { editPanel, field, readFields, retire, save } from './editForm.js';

const KINDS = [['Recyclable', 'category'], ['Hazardous', 'category'], ['Other', 'category'], ['Kitchen', 'category'],
  ['Catering', 'stream'], ['Bulky', 'stream'], ['ConstructionAndRenovation', 'stream']];
const PLACEMENTS = ['Site', 'EveryFloor', 'PublicArea', 'BuildingEntrance', 'Canteen', 'CollectionPoint'];

/** The site form; site is the site's detail (GET /api/sites/{code}) to change it, or null to add one. */
export function siteForm(site, done, cancel) {
  const adding = site == null;
  const s = site ?? { type: 'ResidentialCompound', bins: [], floors: 0 };
  const bins = h('div.bin-rows', { id: 'edit-bins' });
  const renumber = () => [...bins.children].forEach((row, i) => { row.dataset.field = 'bins[' + i + ']'; });
  const addRow = (bin) => { bins.append(binRow(bin ?? { category: 'Recyclable', placement: 'Site', count: 1, volumeLitres: 240 }, renumber)); renumber(); };
  for (const bin of s.bins ?? []) addRow(bin);

  const fields = [
    adding ? field('code', t('code'), 'text', '') : null,
    field('name', t('name'), 'text', s.name),
    field('type', t('siteType'), 'select', s.type, siteTypes().map(v => [v, siteTypeLabel(v)])),
    field('districtCode', t('editDistrictCode'), 'text', s.districtCode),
    field('streetCode', t('editStreetCode'), 'text', s.streetCode),
    field('communityCode', t('editCommunityCode'), 'text', s.communityCode),
    field('address', t('address'), 'text', s.address),
    field('longitude', t('editLongitude'), 'number', s.longitude),
    field('latitude', t('editLatitude'), 'number', s.latitude),
    field('datum', t('datum'), 'select', 'Wgs84', [['Wgs84', t('datumWgs')], ['Gcj02', t('editDatumGcj')]]),
    field('households', t('households'), 'number', s.households),
    field('staff', t('staff'), 'number', s.staff),
    field('floors', t('floors'), 'number', s.floors),
    field('hasPropertyManagement', t('propertyManagement'), 'checkbox', s.hasPropertyManagement),
    field('hasCanteen', t('canteen'), 'checkbox', s.hasCanteen),
    field('isWetDryPilot', t('wetDryPilot'), 'checkbox', s.isWetDryPilot),
    field('isBaggedZone', t('baggedZone'), 'checkbox', s.isBaggedZone),
    field('isKitchenWasteHeavy', t('editKitchenHeavy'), 'checkbox', s.isKitchenWasteHeavy),
    field('collectedSorted', t('collectedSorted'), 'checkbox', s.collectedSorted),
    h('div.field.wide', { 'data-field': 'bins' },
      h('span.field-label', t('bins')),
      bins,
      h('button.btn', { type: 'button', id: 'edit-add-bin', onclick: () => addRow() }, t('editAddBin')),
      h('span.field-error', { role: 'alert', hidden: true })),
  ];
  const toBody = (form) => ({
    ...readFields(form),
    bins: [...bins.children].map(readBin),
    version: adding ? null : s.version,
  });
  const send = (body) => adding ? save('POST', '/api/sites', body) : save('PUT', '/api/sites/' + encodeURIComponent(s.code), body);
  return editPanel(adding ? t('editAddSite') : t('editSite'), fields, toBody, send, done, cancel);
}

/** Retires the site after a confirmation; resolves with the server's answer or null. */
export function retireSite(site) {
  return retire('/api/sites/' + encodeURIComponent(site.code), site.version, t('retireSiteConfirm', { code: site.code }));
}

function binRow(bin, renumber) {
  const kind = bin.category ?? bin.stream ?? 'Recyclable';
  const row = h('div.bin-row', { 'data-row': 'bin', 'data-id': bin.id ? String(bin.id) : '' },
    h('select', { name: 'kind', 'aria-label': t('category') }, KINDS.map(([k]) => h('option', { value: k, selected: k === kind }, categoryLabel(k)))),
    h('select', { name: 'placement', 'aria-label': t('placement') }, PLACEMENTS.map(p => h('option', { value: p, selected: p === bin.placement }, placementLabel(p)))),
    h('input', { type: 'number', name: 'count', 'aria-label': t('count'), value: bin.count ?? 0, min: 0 }),
    h('input', { type: 'number', name: 'volumeLitres', 'aria-label': t('volumeLitres'), value: bin.volumeLitres ?? 240, min: 1 }),
    h('label.check', h('input', { type: 'checkbox', name: 'bagged', checked: !!bin.bagged }), t('bagged')),
    h('button.btn', { type: 'button', title: t('editRemoveBin'), onclick: () => { row.remove(); renumber(); } }, t('editRemoveBin')),
    h('span.field-error', { role: 'alert', hidden: true }));
  return row;
}

function readBin(row) {
  const value = (name) => row.querySelector(`[name="${name}"]`);
  const kind = value('kind').value;
  const isStream = KINDS.find(([k]) => k === kind)?.[1] === 'stream';
  return {
    id: row.dataset.id ? Number(row.dataset.id) : null,
    category: isStream ? null : kind,
    stream: isStream ? kind : null,
    placement: value('placement').value,
    count: Number(value('count').value || 0),
    volumeLitres: Number(value('volumeLitres').value || 0),
    bagged: value('bagged').checked,
  };
}
