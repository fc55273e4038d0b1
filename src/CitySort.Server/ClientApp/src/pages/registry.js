// The registry page (登记维护): the vehicles, facilities and dedicated lines with forms to add, change and retire
// them, and the form to add a site (docs/registry.md). Retired records are listed on request and marked.
import { h, num } from '../dom.js';
import { categoryLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { categoryChip, failure, loading, panel } from './common.js';
import { illustrativeBadge } from './demo.js';
import { editPanel, field, readFields, retire, retiredChip, save, showErrors } from './editForm.js';
import { siteForm } from './siteForm.js';

const CATEGORY_OPTIONS = () => [['', t('none')], ...['Recyclable', 'Hazardous', 'Other', 'Kitchen'].map(c => [c, categoryLabel(c)])];
const STREAM_OPTIONS = () => [['', t('none')], ...['Catering', 'Bulky', 'ConstructionAndRenovation'].map(c => [c, categoryLabel(c)])];
const FACILITY_KINDS = ['WasteToEnergyPlant', 'Landfill', 'KitchenWastePlant', 'HazardousWasteCentre', 'ConstructionWasteSite', 'RecyclingCentre', 'TransferStation'];

export async function renderRegistry(root, query) {
  const includeRetired = query.get('retired') === 'true';
  const retiredToggle = h('label.check', { id: 'show-retired' },
    h('input', {
      type: 'checkbox', checked: includeRetired,
      onchange: (e) => { location.hash = '#/registry' + (e.target.checked ? '?retired=true' : ''); },
    }),
    t('showRetired'));
  const siteEditor = h('div');
  root.append(
    h('div.registry-head',
      h('h1.page-title', t('registryTitle')),
      h('p.sub', t('registryIntro')),
      h('div.edit-toolbar', retiredToggle,
        h('button.btn', {
          type: 'button', id: 'site-add',
          onclick: () => siteEditor.replaceChildren(siteForm(null, (r) => { location.hash = '#/sites/' + encodeURIComponent(r.key); }, () => siteEditor.replaceChildren())),
        }, t('editAddSite')))),
    siteEditor);
  const suffix = includeRetired ? 'includeRetired=true' : '';
  section(root, t('vehicles'), 'vehicles', '/api/vehicles?all=true' + (suffix ? '&' + suffix : ''), vehicleTable, vehicleForm, (v) => v.plate);
  section(root, t('facilities'), 'facilities', '/api/facilities' + (suffix ? '?' + suffix : ''), facilityTable, facilityForm, (f) => f.code);
  section(root, t('lines'), 'lines', '/api/lines' + (suffix ? '?' + suffix : ''), lineTable, lineForm, (l) => l.code);
}

/** One panel: the table of a kind of record, with its add button and the form that opens for add or change. */
function section(root, title, kind, listPath, table, form, keyOf) {
  const editor = h('div');
  const body = h('div', loading());
  const reload = () => load();
  const open = (record) => editor.replaceChildren(form(record, () => { editor.replaceChildren(); reload(); }, () => editor.replaceChildren()));
  const actions = {
    edit: open,
    retire: async (record, errorBox) => {
      const answer = await retire('/api/' + kind + '/' + encodeURIComponent(keyOf(record)), record.version, t('retireConfirm', { key: keyOf(record) }));
      if (answer?.ok) reload();
      else if (answer) showErrors(errorBox, answer.body);
    },
  };
  const load = async () => {
    body.replaceChildren(loading());
    try {
      const list = await getJson(listPath);
      body.replaceChildren(list.length ? h('div.table-wrap.registry-scroll', table(list, actions)) : h('div.state', t('noRows')));
    } catch (error) {
      body.replaceChildren(failure(error, load));
    }
  };
  const el = panel(title,
    h('div.edit-toolbar', h('button.btn', { type: 'button', id: kind + '-add', onclick: () => open(null) }, t('editAdd'))),
    editor, body);
  el.id = 'registry-' + kind;
  root.append(el);
  load();
}

function actionCell(record, actions) {
  if (record.retiredAt) return h('td', retiredChip(record.retiredAt));
  const errorBox = h('div', h('div.form-error', { role: 'alert', hidden: true }));
  return h('td.actions',
    h('button.btn', { type: 'button', 'data-action': 'edit', onclick: () => actions.edit(record) }, t('edit')),
    ' ',
    h('button.btn.danger', { type: 'button', 'data-action': 'retire', onclick: () => actions.retire(record, errorBox) }, t('retire')),
    errorBox);
}

function vehicleTable(list, actions) {
  return h('table.grid.compact', { id: 'vehicles-table' },
    h('thead', h('tr', h('th', t('plate')), h('th', t('district')), h('th', t('hauler')), h('th', t('dedicated')), h('th.num', t('capacityKg')), h('th', ''))),
    h('tbody', list.map(v => h('tr' + (v.retiredAt ? '.retired' : ''), { 'data-key': v.plate },
      h('td.mono', v.plate, ' ', illustrativeBadge(v.isIllustrative)),
      h('td', v.districtCode + (v.areaCode && v.areaCode !== v.districtCode ? ' · ' + v.areaCode : '')),
      h('td', v.haulerName ?? v.haulerCode),
      h('td', v.dedicatedCategory || v.dedicatedStream ? categoryChip(v.dedicatedCategory ?? v.dedicatedStream) : t('none')),
      h('td.num', num(v.capacityKg)),
      actionCell(v, actions)))));
}

function vehicleForm(v, done, cancel) {
  const adding = v == null;
  const x = v ?? {};
  return editPanel(adding ? t('editAddVehicle') : t('editVehicle') + ' ' + x.plate, [
    adding ? field('plate', t('plate'), 'text', '') : null,
    field('districtCode', t('editDistrictCode'), 'text', x.districtCode),
    field('areaCode', t('editAreaCode'), 'text', x.areaCode),
    field('haulerCode', t('editHaulerCode'), 'text', x.haulerCode),
    field('dedicatedCategory', t('dedicated'), 'select', x.dedicatedCategory ?? '', CATEGORY_OPTIONS()),
    field('dedicatedStream', t('editDedicatedStream'), 'select', x.dedicatedStream ?? '', STREAM_OPTIONS()),
    field('capacityKg', t('capacityKg'), 'number', x.capacityKg),
    field('capacityCubicMetres', t('editCapacityM3'), 'number', x.capacityCubicMetres),
    field('sealed', t('editSealed'), 'checkbox', x.sealed),
  ], (form) => ({ ...readFields(form), version: adding ? null : x.version }),
  (body) => adding ? save('POST', '/api/vehicles', body) : save('PUT', '/api/vehicles/' + encodeURIComponent(x.plate), body), done, cancel);
}

function facilityTable(list, actions) {
  return h('table.grid.compact', { id: 'facilities-table' },
    h('thead', h('tr', h('th', t('code')), h('th', t('name')), h('th', t('editAccepts')), h('th.num', t('editGateFee')), h('th.num', t('editDailyCapacity')), h('th', ''))),
    h('tbody', list.map(f => h('tr' + (f.retiredAt ? '.retired' : ''), { 'data-key': f.code },
      h('td.mono', f.code),
      h('td', f.name, ' ', illustrativeBadge(f.isIllustrative)),
      h('td', [...(f.acceptedCategories ?? []), ...(f.acceptedStreams ?? [])].map(c => categoryChip(c))),
      h('td.num', num(f.gateFeeYuanPerTonne, 2)),
      h('td.num', num(f.dailyCapacityTonnes)),
      actionCell(f, actions)))));
}

function facilityForm(f, done, cancel) {
  const adding = f == null;
  const x = f ?? { acceptedCategories: [], acceptedStreams: [] };
  return editPanel(adding ? t('editAddFacility') : t('editFacility') + ' ' + x.code, [
    adding ? field('code', t('code'), 'text', '') : null,
    field('name', t('name'), 'text', x.name),
    field('kind', t('type'), 'select', x.kind ?? 'WasteToEnergyPlant', FACILITY_KINDS.map(k => [k, t('facilityKind_' + k)])),
    field('acceptedCategories', t('editAcceptedCategories'), 'list', x.acceptedCategories),
    field('acceptedStreams', t('editAcceptedStreams'), 'list', x.acceptedStreams),
    field('longitude', t('editLongitude'), 'number', x.longitude),
    field('latitude', t('editLatitude'), 'number', x.latitude),
    field('gateFeeYuanPerTonne', t('editGateFee'), 'number', x.gateFeeYuanPerTonne),
    field('dailyCapacityTonnes', t('editDailyCapacity'), 'number', x.dailyCapacityTonnes),
    field('clause', t('editClause'), 'text', x.clause),
  ], (form) => ({ ...readFields(form), version: adding ? null : x.version }),
  (body) => adding ? save('POST', '/api/facilities', body) : save('PUT', '/api/facilities/' + encodeURIComponent(x.code), body), done, cancel);
}

function lineTable(list, actions) {
  return h('table.grid.compact', { id: 'lines-table' },
    h('thead', h('tr', h('th', t('code')), h('th', t('name')), h('th', t('category')), h('th', t('facility')), h('th', t('plate')), h('th.num', t('editStops')), h('th', ''))),
    h('tbody', list.map(l => h('tr' + (l.retiredAt ? '.retired' : ''), { 'data-key': l.code },
      h('td.mono', l.code),
      h('td', l.name, ' ', illustrativeBadge(l.isIllustrative)),
      h('td', categoryChip(l.category ?? l.stream)),
      h('td.mono', l.facilityCode),
      h('td.mono', l.vehiclePlate ?? ''),
      h('td.num', num(l.stopSiteCodes?.length ?? 0)),
      actionCell(l, actions)))));
}

function lineForm(l, done, cancel) {
  const adding = l == null;
  const x = l ?? { stopSiteCodes: [] };
  return editPanel(adding ? t('editAddLine') : t('editLine') + ' ' + x.code, [
    adding ? field('code', t('code'), 'text', '') : null,
    field('name', t('name'), 'text', x.name),
    field('districtCode', t('editDistrictCode'), 'text', x.districtCode),
    field('areaCode', t('editAreaCode'), 'text', x.areaCode),
    field('category', t('category'), 'select', x.category ?? '', CATEGORY_OPTIONS()),
    field('stream', t('editDedicatedStream'), 'select', x.stream ?? '', STREAM_OPTIONS()),
    field('facilityCode', t('editFacilityCode'), 'text', x.facilityCode),
    field('vehiclePlate', t('plate'), 'text', x.vehiclePlate),
    field('stops', t('editStops'), 'list', x.stopSiteCodes),
  ], (form) => ({ ...readFields(form), version: adding ? null : x.version }),
  (body) => adding ? save('POST', '/api/lines', body) : save('PUT', '/api/lines/' + encodeURIComponent(x.code), body), done, cancel);
}
