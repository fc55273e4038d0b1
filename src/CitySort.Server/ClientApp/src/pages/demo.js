// The illustrative (demo) records: a banner on every page while any exist, a badge on their rows and markers, and
// the removal the Imports page offers (POST /api/demo/remove).
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { describeFailure, getJson, requestHeaders } from '../api.js';

/** A badge that marks one illustrative record; null for a real one. */
export function illustrativeBadge(isIllustrative) {
  return isIllustrative ? h('span.chip.demo', { title: t('illustrativeTitle') }, t('illustrative')) : null;
}

/** The banner shown on every page while the registry holds illustrative records (filled once /api/demo answers). */
export function demoBanner() {
  const banner = h('div.demo-banner', { id: 'demo-banner', role: 'status', hidden: true });
  getJson('/api/demo').then((status) => {
    if (!status?.present) return;
    banner.replaceChildren(
      h('strong', t('illustrative')),
      h('span', t('demoBanner', { sites: status.sites, vehicles: status.vehicles })),
      h('a', { href: '#/imports' }, t('demoBannerLink')));
    banner.hidden = false;
  }).catch(() => { /* no banner when the status cannot be read */ });
  return banner;
}

/** Removes every illustrative record; resolves with the removal, or rejects with words when the server refused. */
export async function removeDemo() {
  const response = await fetch('/api/demo/remove', { method: 'POST', headers: requestHeaders() });
  let body = null;
  try { body = await response.json(); } catch { /* not JSON */ }
  if (!response.ok) throw new Error(describeFailure(response.status, body));
  return body;
}

/** The panel of the Imports page: why the demo is there, and the button that removes it. */
export function demoRemovalPanel(onRemoved) {
  const result = h('div', { id: 'demo-remove-result' });
  const button = h('button.btn.danger', {
    type: 'button', id: 'demo-remove',
    onclick: async () => {
      if (!window.confirm(t('demoRemoveConfirm'))) return;
      button.disabled = true;
      try {
        const removal = await removeDemo();
        result.replaceChildren(h('div.state.ok-text', t('demoRemoved', { sites: removal.removed.sites })));
        document.getElementById('demo-banner')?.setAttribute('hidden', '');
        onRemoved?.();
      } catch (error) {
        result.replaceChildren(h('div.state.error', { role: 'alert' }, error.message));
        button.disabled = false;
      }
    },
  }, t('demoRemove'));
  return h('div.demo-notice', { id: 'demo-notice' }, h('p', t('demoImportNotice')), button, result);
}
