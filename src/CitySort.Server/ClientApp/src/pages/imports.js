// Imports: upload a divisions, communities, sites, boundaries, weigh tickets or pickups file, see the report and every problem.
import { h, num } from '../dom.js';
import { t } from '../i18n.js';
import { uploadFile } from '../api.js';
import { failure, panel } from './common.js';
import { demoRemovalPanel } from './demo.js';

const KINDS = ['divisions', 'communities', 'sites', 'boundaries', 'facilities', 'haulers', 'vehicles', 'lines', 'tickets', 'pickups'];

export async function renderImports(root) {
  const kind = h('select', { id: 'import-kind', 'aria-label': t('importKind') }, KINDS.map(k => h('option', { value: k }, t('kind_' + k))));
  const file = h('input', { id: 'import-file', type: 'file', accept: '.csv,.txt,.geojson,.json', 'aria-label': t('chooseFile') });
  // The datum of a boundary file's coordinates is stated by the clerk, never guessed (docs/formats.md).
  const datum = h('select', { id: 'import-datum', 'aria-label': t('importDatum'), 'aria-describedby': 'import-datum-help' },
    h('option', { value: '' }, t('importDatumChoose')),
    h('option', { value: 'gcj02' }, t('importDatumGcj')),
    h('option', { value: 'wgs84' }, t('importDatumWgs')));
  const datumField = h('label', { id: 'import-datum-field' }, h('span', t('importDatum')), datum);
  const datumHelp = h('p.note', { id: 'import-datum-help' }, t('importDatumHelp'));
  const showDatum = () => { const on = kind.value === 'boundaries'; datumField.hidden = !on; datumHelp.hidden = !on; datum.setAttribute('aria-required', String(on)); };
  kind.addEventListener('change', showDatum);
  const button = h('button.btn.primary', { type: 'submit', id: 'import-submit' }, t('upload'));
  const progress = h('div.progress', { hidden: true }, h('div.progress-bar'), h('span.progress-text'));
  const result = h('div', { id: 'import-result' });
  const form = h('form.import-form', { onsubmit: (e) => { e.preventDefault(); run(); } },
    h('label', h('span', t('importKind')), kind),
    datumField,
    h('label.grow', h('span', t('chooseFile')), file),
    h('div.filter-actions', button));
  root.append(panel(t('importsTitle'), h('p.intro', t('importsIntro')), form, datumHelp, progress, result));
  showDatum();

  async function run() {
    result.replaceChildren();
    const chosen = file.files?.[0];
    if (!chosen) { result.append(h('div.state.error', { role: 'alert' }, t('noFileChosen'))); return; }
    if (kind.value === 'boundaries' && !datum.value) { result.append(h('div.state.error', { role: 'alert', id: 'import-datum-missing' }, t('importDatumMissing'))); datum.focus(); return; }
    button.disabled = true;
    progress.hidden = false;
    const bar = progress.querySelector('.progress-bar');
    const text = progress.querySelector('.progress-text');
    const show = (fraction) => {
      if (fraction == null) { progress.classList.add('indeterminate'); bar.style.width = '100%'; text.textContent = t('processing'); }
      else { progress.classList.remove('indeterminate'); bar.style.width = Math.round(fraction * 100) + '%'; text.textContent = t('uploading', { p: Math.round(fraction * 100) }); }
    };
    show(0);
    try {
      const query = kind.value === 'boundaries' ? '?datum=' + encodeURIComponent(datum.value) : '';
      const { status, body } = await uploadFile('/api/imports/' + kind.value + query, chosen, show);
      result.replaceChildren(status === 422 ? rejected(body) : report(body));
    } catch (error) {
      result.replaceChildren(failure(error));
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  }
}

function problemsOf(body) {
  return body?.problems ?? body?.report?.problems ?? [];
}

function rejected(body) {
  const problems = problemsOf(body);
  return h('div.import-report.rejected',
    h('div.state.error', { role: 'alert' }, t('importRejected', { n: problems.length })),
    problemsTable(problems));
}

const REPORT_FIELDS = ['file', 'kind', 'rowsRead', 'inserted', 'updated', 'unchanged'];

function report(body) {
  const rows = REPORT_FIELDS.filter(k => body?.[k] != null).map(k => [t('report_' + k), k === 'kind' ? t('kind_' + String(body[k]).toLowerCase()) : body[k]]);
  return h('div.import-report.ok',
    h('div.state.ok-text', t('importDone')),
    h('table.grid.compact', h('thead', h('tr', h('th', t('reportField')), h('th', t('value')))),
      h('tbody', rows.map(([k, v]) => h('tr', h('td', k), h('td', typeof v === 'number' ? num(v) : String(v)))))),
    problemsOf(body).length ? problemsTable(problemsOf(body)) : null,
    body?.registryHoldsDemo ? demoRemovalPanel() : null);
}

function problemsTable(problems) {
  if (!problems.length) return null;
  return h('div.table-wrap', h('table.grid.compact', { id: 'import-problems' },
    h('thead', h('tr', h('th', t('location')), h('th', t('field')), h('th', t('reason')))),
    h('tbody', problems.map(p => h('tr',
      h('td.mono', p.location ?? [p.file, p.line, p.column].filter(x => x != null).join(':')),
      h('td.mono', p.field ?? ''),
      h('td', p.message ?? p.reason ?? p.detail ?? ''))))));
}
