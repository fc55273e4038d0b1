// The policy profile in readable form: sources, categories with their bin colours, bin rules per site type,
// collection modes, targets with due dates, people ratios, money, assessment, minimum-wage tiers, areas and the
// implementer's settings, each row with its clause id.
import { h, num, pct } from '../dom.js';
import { bilingual, categoryLabel, lang, placementLabel, siteTypeLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { panel, widePanel, withData } from './common.js';

const WHEN = {
  Always: ['始终', 'always'],
  HighRise: ['高层建筑', 'high-rise buildings'],
  WetDryPilot: ['干湿分类试点小区', 'wet/dry pilot compounds'],
  HasCanteen: ['设有食堂', 'where there is a canteen'],
  KitchenWasteHeavy: ['厨余垃圾产生量大', 'where much kitchen waste arises'],
  BaggedZone: ['主要道路、广场、天桥、地下通道、商业街', 'main roads, squares, footbridges, underpasses, commercial streets'],
};
const METHODS = {
  FixedPoint: ['定点', 'fixed points'],
  Appointment: ['预约', 'appointment'],
  DoorToDoor: ['上门回收', 'door to door'],
  ExistingHauler: ['现有收运体系', 'existing hauler'],
  Franchise: ['特许经营', 'franchise holder'],
};
const pick = (map, key) => (map[key] ? map[key][lang() === 'en' ? 1 : 0] : String(key));
const clause = (id) => (id ? h('span.clause', id) : '');
const yuan = (v) => (v == null ? null : num(v) + (lang() === 'en' ? ' yuan' : ' 元'));
const stream = (x) => categoryLabel(x.category ?? x.stream);

export async function renderProfile(root) {
  const body = h('div', { id: 'profile' });
  root.append(body);
  await withData(body, () => getJson('/api/profile'), (p) => {
    body.append(
      h('div.site-head', h('div',
        h('h1.page-title', bilingual(p.title)),
        h('div.sub', [p.id, t('profileVersion') + ' ' + p.version, (p.validFrom ?? '') + ' – ' + (p.validTo ?? '')].join(' · ')))),
      h('div.profile-grid',
        panel(t('profileSources'), table([t('clause'), t('name')], (p.sources ?? []).map(s => [clause(s.id), [s.number ? s.number + ' ' : '', bilingual(s.title)]]))),
        panel(t('profileCategories'), table([t('clause'), t('category'), t('colour'), t('description')], [
          ...(p.categories ?? []).map(c => [clause(c.clause), h('span.cat', h('span.swatch', { style: { background: c.binColour?.hex ?? '#999' } }), bilingual(c.name)), bilingual(c.binColour), bilingual(c.description)]),
          ...(p.specialStreams ?? []).map(s => [clause(s.clause), bilingual(s.name), '–', bilingual(s.description)]),
        ])),
        panel(t('profileTargets'), table([t('clause'), t('due'), t('target'), t('value')], (p.targets ?? []).map(x => [clause(x.id), x.due ?? '', bilingual(x.description), targetFigure(x, p)]))),
        widePanel(t('profileBinRules'), (p.siteTypes ?? []).map(binRule)),
        panel(t('profileCollection'), table([t('clause'), t('category'), t('methods'), t('collector')], (p.collectionModes ?? []).map(m => [
          clause(m.clause),
          [...(m.categories ?? []), ...(m.streams ?? [])].map(categoryLabel).join('、'),
          (m.methods ?? []).map(x => pick(METHODS, x)).join('、'),
          [bilingual(m.collector), m.destination ? ' → ' + bilingual(m.destination) : '',
            m.sameDayClearance ? h('span.tag', t('sameDay')) : null, m.sealedTransport ? h('span.tag', t('sealed')) : null, m.mixingForbidden ? h('span.tag', t('noMixing')) : null],
        ]))),
        panel(t('profilePeople'), people(p.people)),
        panel(t('profileMoney'), table([t('clause'), t('description'), t('value')], (p.money ?? []).map(m => [clause(m.clause), bilingual(m.description), moneyFigure(m)]))),
        panel(t('profileAssessment'), table([t('clause'), t('description'), t('value')], (p.assessment ?? []).map(a => [clause(a.clause), bilingual(a.description), a.feeShare != null ? pct(a.feeShare, 0) : '']))),
        panel(t('profileWages'), (p.minimumWage ?? []).map(s => h('div',
          h('div.sub', clause(s.clause), ' ', t('effective') + ' ' + (s.period?.from ?? '')),
          table([t('tier'), t('monthly'), t('hourly'), t('areas')], (s.tiers ?? []).map(x => [String(x.tier), num(x.monthlyYuan), num(x.partTimeHourlyYuan, 1), bilingual(x.description)]))))),
        panel(t('profileAreas'), (p.areas ?? []).map(a => h('div',
          h('p', clause(a.clause), ' ', h('b', bilingual(a.name)), a.shortName ? '（' + bilingual(a.shortName) + '）' : ''),
          table([t('street'), t('code')], (a.streets ?? []).map(s => [bilingual(s.name), s.codes.join(' / ')])),
          a.note ? h('p.note', bilingual(a.note)) : null))),
        widePanel(t('profileSettings'), table([t('clause'), t('name'), t('value'), t('description')], Object.values(p.settings ?? {}).map(s => [
          clause(s.clause), h('span.mono', s.name), settingValue(s.value), [bilingual(s.note), s.isIllustrative ? h('span.tag', t('illustrative')) : null],
        ])))));
  });
}

function table(headers, rows) {
  if (!rows.length) return h('div.state', t('none'));
  return h('div.table-wrap', h('table.grid.compact',
    h('thead', h('tr', headers.map(x => h('th', x)))),
    h('tbody', rows.map(r => h('tr', r.map(c => h('td', c)))))));
}

function binRule(rule) {
  return h('div.rule',
    h('h3.rule-title', clause(rule.clause), ' ', siteTypeLabel(rule.siteType)),
    table([t('category'), t('placement'), t('when'), t('count'), t('note')], (rule.bins ?? []).map(b => [
      stream(b),
      (b.placements ?? []).map(placementLabel).join('、'),
      pick(WHEN, b.when),
      b.perFloor ? t('perFloor') : '≥ ' + num(b.minCount) + (b.allBagged ? ' · ' + t('bagged') : ''),
      bilingual(b.note),
    ])),
    (rule.notes ?? []).map(n => h('p.note', bilingual(n))));
}

function targetFigure(x, p) {
  const parts = [];
  if (x.minShare != null) parts.push('≥ ' + pct(x.minShare, 0));
  if (x.siteTypes?.length) parts.push(x.siteTypes.map(siteTypeLabel).join('、'));
  if (x.total != null) parts.push(t('total') + ' ' + num(x.total));
  if (x.splits?.length) {
    parts.push(x.splits.map(s => {
      const d = s.districtCode ? (p.districts ?? []).find(k => k.code === s.districtCode) : null;
      const a = s.areaId ? (p.areas ?? []).find(k => k.id === s.areaId) : null;
      return (d ? bilingual(d.name) : a ? bilingual(a.shortName ?? a.name) : '') + ' ' + num(s.count);
    }).join('，'));
  }
  if (x.reductionShare != null) parts.push('−' + pct(x.reductionShare, 0));
  if (x.baseline?.tonnes != null) parts.push(t('baseline') + ' ' + num(x.baseline.tonnes) + ' t');
  return parts.join(' · ');
}

function moneyFigure(m) {
  const parts = [];
  if (m.shareNumerator != null && m.shareDenominator) parts.push(m.shareNumerator + '/' + m.shareDenominator);
  if (m.amountYuan != null) parts.push(yuan(m.amountYuan));
  if (m.approxTotalYuan != null) parts.push('≈ ' + yuan(m.approxTotalYuan));
  return parts.join(' · ');
}

function people(x) {
  if (!x) return h('div.state', t('none'));
  return table([t('clause'), t('name'), t('value')], [
    [clause(x.supervisorClause), bilingual(x.supervisorName), t('perStreet', { n: x.minSupervisorsPerStreet })],
    [clause(x.persuaderClause), bilingual(x.persuaderName), t('perHouseholds', { n: x.minPersuadersPerBlock, h: num(x.householdsPerBlock) })],
  ]);
}

function settingValue(v, depth = 0) {
  if (v == null) return '–';
  if (typeof v !== 'object') return h('span.mono', String(v));
  if (Array.isArray(v)) {
    if (v.every(x => x === null || typeof x !== 'object')) return h('span.mono', v.join(', '));
    return h('ul.setting-list', v.map(x => h('li', settingValue(x, depth + 1))));
  }
  return h('dl.setting', Object.entries(v).map(([k, x]) => [h('dt', k), h('dd', depth > 3 ? JSON.stringify(x) : settingValue(x, depth + 1))]));
}
