// Site detail: what the site is, its bins, and each gap against its bin rule with the clause id.
import { h, num } from '../dom.js';
import { bilingual, placementLabel, siteTypeLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { categoryChip, complianceChip, panel, withData } from './common.js';
import { illustrativeBadge } from './demo.js';
import { retiredChip, showErrors } from './editForm.js';
import { retireSite, siteForm } from './siteForm.js';

export async function renderSite(root, code) {
  const body = h('div');
  root.append(h('a.back', { href: '#/sites' }, '← ' + t('backToSites')), body);
  await withData(body, () => getJson('/api/sites/' + encodeURIComponent(code)), (site) => {
    const reload = () => { root.replaceChildren(); renderSite(root, code); };
    const editor = h('div', { id: 'site-editor' });
    const actionError = h('div.form-error', { role: 'alert', hidden: true });
    const actions = site.retiredAt ? null : h('div.edit-toolbar',
      h('button.btn.primary', {
        type: 'button', id: 'site-edit',
        onclick: () => editor.replaceChildren(siteForm(site, reload, () => editor.replaceChildren())),
      }, t('editSite')),
      h('button.btn.danger', {
        type: 'button', id: 'site-retire',
        onclick: async () => {
          const answer = await retireSite(site);
          if (answer?.ok) reload();
          else if (answer) showErrors(actionError.parentElement, answer.body);
        },
      }, t('retireSite')),
      actionError);
    body.append(
      h('div.site-head',
        h('div',
          h('h1.page-title', site.name, ' ', complianceChip(site.compliant), ' ', illustrativeBadge(site.isIllustrative), ' ', retiredChip(site.retiredAt)),
          h('div.sub', [site.code, siteTypeLabel(site.type), bilingual({ name: site.districtName, nameEn: site.districtNameEn }), bilingual({ name: site.streetName, nameEn: site.streetNameEn }), site.communityName].filter(Boolean).join(' · '))),
        site.ruleClause ? h('span.clause', t('rule') + ' ' + site.ruleClause) : null),
      site.retiredAt ? h('div.state.retired-note', { id: 'site-retired' }, t('retiredNote')) : '',
      actions ?? '',
      editor,
      h('div.two-col',
        panel(t('siteDetail'), h('dl.facts',
          fact(t('address'), site.address),
          fact(t('households'), site.households != null ? num(site.households) : null),
          fact(t('staff'), site.staff != null ? num(site.staff) : null),
          fact(t('floors'), site.floors != null ? num(site.floors) : null),
          fact(t('coordinates'), site.latitude != null ? site.latitude.toFixed(6) + ', ' + site.longitude.toFixed(6) : null),
          fact(t('datum'), site.datum === 'Gcj02' ? t('datumGcj') : t('datumWgs')),
          fact(t('propertyManagement'), yesNo(site.hasPropertyManagement)),
          fact(t('canteen'), yesNo(site.hasCanteen)),
          site.type === 'ResidentialCompound' ? fact(t('wetDryPilot'), yesNo(site.isWetDryPilot)) : null,
          site.type === 'PublicPlace' ? fact(t('baggedZone'), yesNo(site.isBaggedZone)) : null,
          fact(t('collectedSorted'), yesNo(site.collectedSorted)))),
        panel(t('gaps'), gaps(site.gaps ?? []))),
      panel(t('bins'), bins(site.bins ?? [])));
  });
}

function yesNo(v) {
  return v == null ? null : v ? t('yes') : t('no');
}

function fact(label, value) {
  if (value == null || value === '') return null;
  return [h('dt', label), h('dd', value)];
}

function gaps(list) {
  if (!list.length) return h('div.state.ok-text', t('noGaps'));
  return h('ul.gaps', { id: 'site-gaps' }, list.map(g => h('li',
    h('span.clause', g.clause ?? ''),
    h('span', bilingual(g, 'message')))));
}

function bins(list) {
  if (!list.length) return h('div.state', t('noBins'));
  return h('table.grid.compact',
    h('thead', h('tr', h('th', t('category')), h('th', t('placement')), h('th.num', t('count')), h('th.num', t('volumeLitres')), h('th', t('bagged')))),
    h('tbody', list.map(b => h('tr',
      h('td', categoryChip(b.category ?? b.stream)),
      h('td', placementLabel(b.placement)),
      h('td.num', num(b.count)),
      h('td.num', num(b.volumeLitres)),
      h('td', b.bagged ? t('yes') : t('no'))))));
}
