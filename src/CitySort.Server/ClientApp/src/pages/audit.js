// The audit trail (GET /api/audit): filters by record kind, key, actor and time kept in the hash, paging, and the CSV
// export of the same filter. Every value is set as text; the JSON before and after are shown as text in <pre>.
import { h, num } from '../dom.js';
import { t } from '../i18n.js';
import { getJson } from '../api.js';
import { panel, withData } from './common.js';
import './auditLabels.js';

const PAGE_SIZE = 50;
const FIELDS = ['entity', 'key', 'actor', 'from', 'to'];

export async function renderAudit(root, query) {
  const state = Object.fromEntries(FIELDS.map(f => [f, query.get(f) ?? '']));
  state.page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const params = (extra) => {
    const p = new URLSearchParams();
    for (const f of FIELDS) if (state[f]) p.set(f, f === 'from' || f === 'to' ? new Date(state[f]).toISOString() : state[f]);
    for (const [k, v] of Object.entries(extra ?? {})) p.set(k, String(v));
    return p;
  };
  const go = (changes) => {
    const next = { ...state, ...changes };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== '' && !(k === 'page' && v === 1)) p.set(k, String(v));
    location.hash = '#/audit' + (p.toString() ? '?' + p : '');
  };

  const inputs = Object.fromEntries(FIELDS.map(f => [f, h('input', {
    id: 'audit-' + f, type: f === 'from' || f === 'to' ? 'datetime-local' : 'text', value: state[f], 'aria-label': t('audit' + f[0].toUpperCase() + f.slice(1)),
  })]));
  const form = h('form.filters', {
    onsubmit: (e) => { e.preventDefault(); go({ ...Object.fromEntries(FIELDS.map(f => [f, inputs[f].value.trim()])), page: 1 }); },
  },
  FIELDS.map(f => h('label', h('span', t('audit' + f[0].toUpperCase() + f.slice(1))), inputs[f])),
  h('div.filter-actions',
    h('button.btn.primary', { type: 'submit' }, t('filter')),
    h('a.btn', { href: '#/audit' }, t('reset')),
    h('a.btn', { id: 'audit-export', href: '/api/audit?' + params({ format: 'csv' }), download: 'audit.csv' }, t('auditExport'))));

  const results = h('div.results');
  root.append(h('h1.page-title', t('auditTitle')), h('p.note', t('auditIntro')), panel(null, form, results));
  await withData(results, () => getJson('/api/audit?' + params({ page: state.page, pageSize: PAGE_SIZE })), (page) => {
    if (!page.items.length) {
      results.append(h('div.state', t('auditEmpty')));
      return;
    }
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    results.append(
      h('div.table-wrap', h('table.grid.audit-table', { id: 'audit-table' },
        h('thead', h('tr', ['auditAt', 'auditActor', 'auditOrigin', 'auditAction', 'auditEntity', 'auditKey', 'auditBefore', 'auditAfter'].map(k => h('th', t(k))))),
        h('tbody', page.items.map(e => h('tr', { 'data-id': e.id },
          h('td.nowrap', new Date(e.at).toLocaleString(document.documentElement.lang)),
          h('td', e.actor),
          h('td', e.origin),
          h('td', t('auditAction_' + e.action) === 'auditAction_' + e.action ? e.action : t('auditAction_' + e.action)),
          h('td', e.entity),
          h('td', h('code', e.key)),
          h('td', e.beforeJson ? h('pre.audit-json', pretty(e.beforeJson)) : '–'),
          h('td', e.afterJson ? h('pre.audit-json', pretty(e.afterJson)) : '–')))))),
      h('div.pager',
        h('span', t('auditTotal', { total: num(page.total) })),
        h('button.btn', { type: 'button', disabled: state.page <= 1, onclick: () => go({ page: state.page - 1 }) }, t('auditPrev')),
        h('span', state.page + ' / ' + pages),
        h('button.btn', { type: 'button', disabled: state.page >= pages, onclick: () => go({ page: state.page + 1 }) }, t('auditNext'))));
  });
}

function pretty(json) {
  try { return JSON.stringify(JSON.parse(json), null, 1); } catch { return json; }
}
