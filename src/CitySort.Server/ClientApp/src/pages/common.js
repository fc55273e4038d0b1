// Pieces shared by the pages: loading and error states, cards, the site-type and compliance chips.
import { h } from '../dom.js';
import { categoryColour, categoryLabel, t } from '../i18n.js';

/** A loading placeholder. */
export function loading() {
  return h('div.state.loading', h('span.spinner'), t('loading'));
}

/** A failure shown in words, with a retry button that runs again. */
export function failure(error, retry) {
  return h('div.state.error', { role: 'alert' },
    h('div', error?.message ?? t('errServer')),
    retry ? h('button.btn', { type: 'button', onclick: retry }, t('retry')) : null);
}

/** A panel with a title. */
export function panel(title, ...body) {
  return h('section.panel',  title ? h('h2.panel-title', title) : null, h('div.panel-body', ...body));
}

/** A KPI tile. */
export function kpi(label, value, note, tone) {
  return h('div.kpi' + (tone ? '.' + tone : ''), h('div.kpi-label', label), h('div.kpi-value', value), note ? h('div.kpi-note', note) : null);
}

/** The compliance chip of a site. */
export function complianceChip(compliant) {
  return compliant
    ? h('span.chip.ok', t('compliant'))
    : h('span.chip.bad', t('nonCompliant'));
}

/** A coloured chip for a waste category or special stream. */
export function categoryChip(category) {
  return h('span.cat', h('span.swatch', { style: { background: categoryColour(category) } }), categoryLabel(category));
}

/** Runs load() into container with loading and error states; returns what show() returns. */
export async function withData(container, load, show) {
  container.replaceChildren(loading());
  try {
    const data = await load();
    container.replaceChildren();
    return await show(data);
  } catch (error) {
    container.replaceChildren(failure(error, () => withData(container, load, show)));
    return null;
  }
}

/** A panel that spans the whole width of a grid. */
export function widePanel(title, ...body) {
  const el = panel(title, ...body);
  el.classList.add('wide');
  return el;
}
