// The public progress page (W96-A1): per district the sorted-collection coverage against W96-T1 and the W96-T targets
// with their clause ids, from GET /api/public/progress alone, so that it works without sign-in. Counts and shares only.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { h, num, pct } from '../dom.js';
import { bilingual, siteTypeLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { kpi, panel, withData } from './common.js';
import './progressLabels.js';

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export async function renderProgress(root) {
  const charts = [];
  const body = h('div');
  root.append(h('h1.page-title', t('progressTitle')), h('p.note', t('progressIntro')), body);
  await withData(body, () => getJson('/api/public/progress'), (progress) => {
    const chart = h('div.chart', { id: 'progress-chart' });
    body.append(
      progress.isIllustrative ? h('div.demo-banner', { id: 'progress-illustrative', role: 'status' }, h('strong', t('illustrative')), h('span', t('progressIllustrative'))) : null,
      h('div.kpis',
        coverageKpi(t('progressCity'), progress.city),
        progress.districts.map(d => coverageKpi(scopeName(d), d.coverage))),
      panel(t('progressCoverageChart'), chart),
      panel(t('progressDistricts'), districtTable(progress.districts)),
      h('div.two-col', progress.districts.map(d => panel(scopeName(d), targetTable(d.targets, { district: d.code })))),
      panel(t('progressCityTargets'), targetTable(progress.targets, { district: null })),
      h('p.note', { id: 'progress-footer' }, t('progressFooter', {
        profile: progress.profileId, version: progress.profileVersion, at: new Date(progress.computedAt).toLocaleString(document.documentElement.lang),
      })));
    charts.push(coverageChart(chart, progress));
  });
  const onResize = () => charts.forEach(c => c.resize());
  window.addEventListener('resize', onResize);
  return () => { window.removeEventListener('resize', onResize); charts.forEach(c => c.dispose()); };
}

function scopeName(d) {
  return bilingual(d.name) || d.code;
}

function share(v) { return v == null ? null : Number(v); }

function coverageKpi(label, c) {
  const value = share(c.share);
  const target = share(c.targetShare);
  const note = target == null ? null : t('progressTarget') + ' ' + t('progressAtLeast', { share: pct(target, 0) }) + (c.targetClause ? ' · ' + c.targetClause : '');
  return kpi(label, pct(value), note, c.met == null ? null : c.met ? 'good' : 'warn');
}

function metChip(met) {
  if (met == null) return h('span.chip', t('progressNoData'));
  return met ? h('span.chip.ok', t('progressMet')) : h('span.chip.bad', t('progressNotMet'));
}

function coverageCells(c) {
  return [
    h('td.num', pct(share(c.share))),
    h('td.num', num(c.coveredSiteCount) + ' / ' + num(c.siteCount)),
    h('td', c.targetShare == null ? '–' : t('progressAtLeast', { share: pct(share(c.targetShare), 0) }) + ' (' + (c.targetId ?? c.targetClause) + ')'),
    h('td', metChip(c.met)),
  ];
}

/** One row per district and one per site type under it. */
function districtTable(districts) {
  return h('div.table-wrap', h('table.grid.coverage-table', { id: 'progress-table' },
    h('thead', h('tr',
      h('th', t('progressDistrict')), h('th', t('siteType')), h('th', t('progressCoverage')), h('th', t('progressSites')),
      h('th', t('progressTarget')), h('th', t('progressMet')))),
    h('tbody', districts.flatMap(d => [
      h('tr', { 'data-district': d.code }, h('th', { rowspan: 1 + d.coverageBySiteType.length }, scopeName(d)), h('td', t('progressOverall')), coverageCells(d.coverage)),
      ...d.coverageBySiteType.map(c => h('tr', h('td', siteTypeLabel(c.siteType)), coverageCells(c))),
    ]))));
}

function targetWhat(target, district) {
  if (target.kind === 'DedicatedVehicles' || target.kind === 'DedicatedLines') {
    if (target.count == null) return '–';
    return district ? t('progressDistrictPart', { count: num(target.count) }) : num(target.count);
  }
  if (target.kind === 'ResidualTonnageReduction') {
    const parts = [];
    if (target.reductionShare != null) parts.push(t('progressReduction', { share: pct(share(target.reductionShare), 0) }));
    if (target.allowedTonnes != null) parts.push(t('progressAllowed', { tonnes: num(share(target.allowedTonnes)) }));
    return parts.join(', ') || '–';
  }
  if (target.essentiallyAll) return t('progressEssentiallyAll');
  if (target.minShare != null) return t('progressAtLeast', { share: pct(share(target.minShare), 0) });
  return '–';
}

function targetTable(targets, { district }) {
  return h('table.grid.progress-targets', { 'data-targets': district ?? 'city' },
    h('thead', h('tr', h('th', t('progressClause')), h('th', t('progressDue')), h('th', t('progressTarget')), h('th', t('progressWhat')))),
    h('tbody', targets.map(x => h('tr', { 'data-target': x.id },
      h('td', h('code', x.id)),
      h('td', x.due),
      h('td.num', targetWhat(x, district)),
      h('td', bilingual(x.description))))));
}

/** Bars per district with the W96-T1 overall target as a dashed line. */
function coverageChart(el, progress) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.on('finished', () => { el.dataset.rendered = 'true'; });
  const target = share(progress.city.targetShare);
  chart.setOption({
    animation: false,
    grid: { left: 48, right: target == null ? 24 : 96, top: 24, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '–' : v.toFixed(1) + '%') },
    xAxis: { type: 'category', data: progress.districts.map(scopeName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      name: t('progressCoverage'), type: 'bar', barMaxWidth: 48,
      data: progress.districts.map(d => ({
        value: d.coverage.share == null ? null : +(share(d.coverage.share) * 100).toFixed(2),
        itemStyle: { color: d.coverage.met === false ? '#e07b16' : '#0b8a5f', borderRadius: [3, 3, 0, 0] },
      })),
      markLine: target == null ? undefined : {
        symbol: 'none', silent: true, lineStyle: { color: '#b91c1c', type: 'dashed', width: 1.5 },
        label: { formatter: t('progressTarget') + ' ' + (target * 100).toFixed(0) + '%', position: 'end' },
        data: [{ yAxis: target * 100 }],
      },
    }],
  });
  return chart;
}
