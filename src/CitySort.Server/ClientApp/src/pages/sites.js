// Sites table: filters (district, street, type, compliance, search) kept in the hash, and paging.
import { h, num } from '../dom.js';
import { bilingual, siteTypeLabel, siteTypes, t } from '../i18n.js';
import { getJson } from '../api.js';
import { complianceChip, failure, loading, panel } from './common.js';
import { illustrativeBadge } from './demo.js';

const PAGE_SIZE = 25;

export async function renderSites(root, query) {
  const state = {
    district: query.get('district') ?? '',
    street: query.get('street') ?? '',
    type: query.get('type') ?? '',
    compliant: query.get('compliant') ?? '',
    q: query.get('q') ?? '',
    page: Math.max(1, Number(query.get('page') ?? '1') || 1),
  };
  const go = (changes) => {
    const next = { ...state, ...changes };
    if (!('page' in changes)) next.page = 1;
    if ('district' in changes) next.street = '';
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
    location.hash = '#/sites' + (params.toString() ? '?' + params : '');
  };

  const districtSelect = h('select', { id: 'filter-district', 'aria-label': t('district'), onchange: (e) => go({ district: e.target.value }) },
    h('option', { value: '' }, t('districtAll')));
  const streetSelect = h('select', { id: 'filter-street', 'aria-label': t('street'), disabled: !state.district, onchange: (e) => go({ street: e.target.value }) },
    h('option', { value: '' }, t('streetAll')));
  const typeSelect = h('select', { id: 'filter-type', 'aria-label': t('siteType'), onchange: (e) => go({ type: e.target.value }) },
    h('option', { value: '' }, t('typeAll')),
    siteTypes().map(s => h('option', { value: s, selected: s === state.type }, siteTypeLabel(s))));
  const complianceSelect = h('select', { id: 'filter-compliant', 'aria-label': t('compliance'), onchange: (e) => go({ compliant: e.target.value }) },
    h('option', { value: '' }, t('complianceAll')),
    h('option', { value: 'true', selected: state.compliant === 'true' }, t('compliant')),
    h('option', { value: 'false', selected: state.compliant === 'false' }, t('nonCompliant')));
  const search = h('input', { id: 'filter-q', type: 'search', placeholder: t('search'), value: state.q, 'aria-label': t('search') });
  const form = h('form.filters', {
    onsubmit: (e) => { e.preventDefault(); go({ q: search.value.trim() }); },
  },
  h('label', h('span', t('district')), districtSelect),
  h('label', h('span', t('street')), streetSelect),
  h('label', h('span', t('siteType')), typeSelect),
  h('label', h('span', t('compliance')), complianceSelect),
  h('label.grow', h('span', t('filter')), search),
  h('div.filter-actions', h('button.btn.primary', { type: 'submit' }, t('filter')), h('a.btn', { href: '#/sites' }, t('reset'))));

  const results = h('div.results');
  root.append(panel(t('navSites'), form, results));

  getJson('/api/districts?all=true').then(districts => {
    for (const d of districts.filter(x => x.kind !== 'Area')) {
      districtSelect.append(h('option', { value: d.code, selected: d.code === state.district }, bilingual(d)));
    }
  }).catch(() => { /* the table still works with codes typed in the hash */ });
  if (state.district) {
    getJson('/api/districts/' + encodeURIComponent(state.district) + '/streets').then(streets => {
      for (const s of streets) streetSelect.append(h('option', { value: s.code, selected: s.code === state.street }, bilingual(s)));
    }).catch(() => { /* leave the street filter empty */ });
  }

  const params = new URLSearchParams({ page: String(state.page), pageSize: String(PAGE_SIZE) });
  for (const k of ['district', 'street', 'type', 'compliant', 'q']) if (state[k]) params.set(k, state[k]);
  results.append(loading());
  try {
    const page = await getJson('/api/sites?' + params);
    results.replaceChildren(table(page), pager(page, go));
  } catch (error) {
    results.replaceChildren(failure(error, () => renderSites(root.replaceChildren() ?? root, query)));
  }
}

function table(page) {
  if (!page.items.length) return h('div.state', t('noRows'));
  return h('div.table-wrap', h('table.grid', { id: 'sites-table' },
    h('thead', h('tr',
      h('th', t('code')), h('th', t('name')), h('th', t('siteType')), h('th', t('district')), h('th', t('street')),
      h('th.num', t('households') + ' / ' + t('staff')), h('th', t('compliance')), h('th.num', t('gapCount')))),
    h('tbody', page.items.map(s => h('tr.clickable', { onclick: () => { location.hash = '#/sites/' + encodeURIComponent(s.code); } },
      h('td.mono', s.code),
      h('td', h('a', { href: '#/sites/' + encodeURIComponent(s.code) }, s.name), ' ', illustrativeBadge(s.isIllustrative), s.address ? h('div.sub', s.address) : null),
      h('td', siteTypeLabel(s.type)),
      h('td', bilingual({ name: s.districtName, nameEn: s.districtNameEn })),
      h('td', bilingual({ name: s.streetName, nameEn: s.streetNameEn })),
      h('td.num', num(s.households ?? s.staff)),
      h('td', complianceChip(s.compliant)),
      h('td.num', num(s.gapCount)))))));
}

function pager(page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return h('div.pager',
    h('button.btn', { type: 'button', disabled: page.page <= 1, onclick: () => go({ page: page.page - 1 }) }, t('previous')),
    h('span.pager-text', t('pageOf', { page: page.page, pages, total: num(page.total) })),
    h('button.btn', { type: 'button', disabled: page.page >= pages, onclick: () => go({ page: page.page + 1 }) }, t('next')));
}
