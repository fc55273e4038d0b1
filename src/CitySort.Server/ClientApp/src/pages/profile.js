// The policy profile in readable form: each section of the profile as a table, with the clause ids beside the
// numbers; categories with their bin colours. Sections the page does not know are still shown, generically.
import { h } from '../dom.js';
import { bilingual, categoryColour, categoryLabel, placementLabel, siteTypeLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { panel, withData } from './common.js';

/** Section keys of the profile with their titles, in reading order. */
const SECTIONS = [
  ['categories', 'profileCategories'],
  ['specialStreams', 'profileStreams'],
  ['binRules', 'profileBinRules'],
  ['collectionModes', 'profileCollection'],
  ['targets', 'profileTargets'],
  ['peopleRatios', 'profilePeople'],
  ['people', 'profilePeople'],
  ['money', 'profileMoney'],
  ['moneyRules', 'profileMoney'],
  ['assessment', 'profileAssessment'],
  ['assessmentRules', 'profileAssessment'],
  ['wageTiers', 'profileWages'],
  ['minimumWage', 'profileWages'],
  ['areas', 'profileAreas'],
  ['settings', 'profileSettings'],
];

export async function renderProfile(root) {
  const body = h('div', { id: 'profile' });
  root.append(body);
  await withData(body, () => getJson('/api/profile'), (profile) => {
    const title = bilingual(profile) || bilingual(profile, 'title') || profile.id || t('profileTitle');
    body.append(h('div.site-head', h('div',
      h('h1.page-title', t('profileTitle') + ' · ' + title),
      h('div.sub', [profile.id, profile.version != null ? t('profileVersion') + ' ' + profile.version : null, profile.effectiveFrom].filter(Boolean).join(' · ')))));
    const shown = new Set(['id', 'version', 'name', 'nameZh', 'nameEn', 'title', 'titleZh', 'titleEn', 'effectiveFrom', 'formatVersion', 'schemaVersion', '$schema']);
    const grid = h('div.profile-grid');
    for (const [key, label] of SECTIONS) {
      if (profile[key] == null) continue;
      shown.add(key);
      grid.append(panel(t(label), section(key, profile[key])));
    }
    for (const [key, value] of Object.entries(profile)) {
      if (shown.has(key) || value == null) continue;
      grid.append(panel(humanise(key), generic(value)));
    }
    body.append(grid);
  });
}

function humanise(key) {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase());
}

function section(key, value) {
  if (key === 'categories' && Array.isArray(value)) {
    return h('table.grid.compact',
      h('thead', h('tr', h('th', t('clause')), h('th', t('category')), h('th', t('colour')))),
      h('tbody', value.map(c => h('tr',
        h('td', h('span.clause', c.clauseId ?? '')),
        h('td', h('span.cat', h('span.swatch', { style: { background: c.colourHex ?? c.colorHex ?? c.hex ?? categoryColour(c.id ?? c.category) } }), bilingual(c) || categoryLabel(c.id ?? c.category))),
        h('td', bilingual(c, 'colour') || c.colour || c.colourName || '')))));
  }
  return generic(value);
}

/** Renders any JSON value readably: arrays of objects as tables, objects as definition lists. */
function generic(value, depth = 0) {
  if (value == null) return '–';
  if (Array.isArray(value)) {
    if (!value.length) return t('none');
    if (value.every(v => v !== null && typeof v !== 'object')) return value.map(v => display(v)).join('、');
    const columns = [...new Set(value.flatMap(v => (v && typeof v === 'object' ? Object.keys(v) : [])))];
    return h('div.table-wrap', h('table.grid.compact',
      h('thead', h('tr', columns.map(c => h('th', humanise(c))))),
      h('tbody', value.map(v => h('tr', columns.map(c => h('td', cell(c, v?.[c], depth))))))));
  }
  if (typeof value === 'object') {
    return h('dl.facts', Object.entries(value).map(([k, v]) => [h('dt', humanise(k)), h('dd', cell(k, v, depth))]));
  }
  return display(value);
}

function cell(key, value, depth) {
  if (value == null) return '–';
  if (typeof value === 'object') return depth > 2 ? JSON.stringify(value) : generic(value, depth + 1);
  if (/clause/i.test(key)) return h('span.clause', String(value));
  if (/^(siteType|type)$/.test(key)) return siteTypeLabel(value);
  if (/category|stream/i.test(key)) return categoryLabel(value);
  if (/placement/i.test(key)) return placementLabel(value);
  return display(value);
}

function display(v) {
  if (typeof v === 'boolean') return v ? t('yes') : t('no');
  return String(v);
}
