// Coverage against the W96-T1 targets: overall figure, and bar charts per district and per site type with the
// target drawn as a line (Apache ECharts, canvas renderer).
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { h, num, pct } from '../dom.js';
import { bilingual, siteTypeLabel, t } from '../i18n.js';
import { getJson } from '../api.js';
import { kpi, panel, withData } from './common.js';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export async function renderCoverage(root) {
  const charts = [];
  const body = h('div');
  root.append(h('h1.page-title', t('coverageTitle')), body);
  await withData(body, () => getJson('/api/coverage'), (report) => {
    const model = normalise(report);
    const byDistrict = h('div.chart', { id: 'coverage-chart' });
    const byType = h('div.chart', { id: 'coverage-type-chart' });
    const matrix = h('div.chart.tall', { id: 'coverage-matrix-chart' });
    body.append(
      h('div.kpis',
        kpi(t('coverageOverall'), pct(model.overall.rate), t('target') + ' ≥ ' + pct(model.overall.target, 0), model.overall.rate >= model.overall.target ? 'good' : 'warn'),
        kpi(t('coveredSites'), num(model.overall.covered), t('total') + ' ' + num(model.overall.total)),
        model.siteTypes.map(r => kpi(r.label, pct(r.rate), r.target == null ? null : t('target') + ' ≥ ' + pct(r.target, 0), r.target == null ? null : r.rate >= r.target ? 'good' : 'warn'))),
      h('div.two-col',
        panel(t('coverageByDistrict'), byDistrict, table(model.districts, (r) => r.label)),
        panel(t('coverageBySiteType'), byType, table(model.siteTypes, (r) => r.label))),
      panel(t('coverageMatrix'), matrix),
      h('p.note', t('coverageNote')));
    charts.push(barChart(byDistrict, model.districts, model.overall.target));
    charts.push(barChart(byType, model.siteTypes, null));
    if (model.matrix.length) charts.push(matrixChart(matrix, model));
  });
  const onResize = () => charts.forEach(c => c.resize());
  window.addEventListener('resize', onResize);
  return () => { window.removeEventListener('resize', onResize); charts.forEach(c => c.dispose()); };
}

/** Maps the server's CoverageReport onto rows { label, rate, target, covered, total }; shares are fractions 0..1. */
function normalise(report) {
  const row = (f, label) => ({
    label,
    code: f.scopeCode,
    siteType: f.siteType,
    rate: f.share == null ? null : Number(f.share),
    target: f.targetShare == null ? null : Number(f.targetShare),
    targetId: f.targetId,
    covered: f.coveredSiteCount,
    total: f.siteCount,
    // The share is numerator / denominator, weighted as the profile's coverageWeighting says (W96-T1).
    weighting: f.weighting,
    numerator: f.numerator == null ? null : Number(f.numerator),
    denominator: f.denominator == null ? null : Number(f.denominator),
    met: f.met,
  });
  const scopeLabel = (f) => bilingual(f.scopeName) || f.scopeCode || '';
  const overall = row(report.overall, t('coverageOverall'));
  if (overall.target == null) overall.target = 0.5;
  const districts = [...(report.byDistrict ?? []), ...(report.byArea ?? [])].map(f => row(f, scopeLabel(f)));
  const siteTypes = (report.bySiteType ?? []).map(f => row(f, siteTypeLabel(f.siteType)));
  const matrix = [...(report.byDistrictAndSiteType ?? []), ...(report.byAreaAndSiteType ?? [])].map(f => row(f, scopeLabel(f)));
  return { overall, districts, siteTypes, matrix };
}

/** Grouped bars: districts on the axis, one series per site type, each with its own W96-T1 target line. */
function matrixChart(el, model) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.on('finished', () => { el.dataset.rendered = 'true'; });
  const labels = [...new Set(model.matrix.map(r => r.label))];
  const types = [...new Set(model.matrix.map(r => r.siteType))];
  const colours = ['#0b5f8a', '#2f9e44', '#e07b16', '#7c3aed'];
  chart.setOption({
    animation: false,
    color: colours,
    grid: { left: 48, right: 24, top: 56, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '–' : v.toFixed(1) + '%') },
    legend: { top: 0 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: types.map((type, i) => {
      const rows = labels.map(l => model.matrix.find(r => r.label === l && r.siteType === type));
      const target = rows.find(r => r?.target != null)?.target;
      return {
        // The target is named in the legend (dashed line of the same colour), not written over the bars.
        name: siteTypeLabel(type) + (target == null ? '' : ' (' + t('target') + ' ≥ ' + (target * 100).toFixed(0) + '%)'), type: 'bar', barMaxWidth: 22,
        data: rows.map(r => (r?.rate == null ? null : +(r.rate * 100).toFixed(2))),
        markLine: target == null ? undefined : {
          symbol: 'none', silent: true,
          lineStyle: { color: colours[i % colours.length], type: 'dashed', width: 1.5 },
          label: { show: false },
          data: [{ yAxis: target * 100 }],
        },
      };
    }),
  });
  return chart;
}

function barChart(el, rows, commonTarget) {
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  const targetLine = commonTarget ?? null;
  chart.on('finished', () => { el.dataset.rendered = 'true'; });
  chart.setOption({
    animation: false,
    // The right margin holds the target line's label, outside the plot where no bar can be under it.
    grid: { left: 48, right: targetLine == null ? 24 : 84, top: 36, bottom: 56, containLabel: false },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '–' : v.toFixed(1) + '%') },
    legend: { top: 0 },
    xAxis: { type: 'category', data: rows.map(r => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('actual'), type: 'bar', barMaxWidth: 42,
        itemStyle: { color: '#0b8a5f' },
        data: rows.map(r => ({
          value: r.rate == null ? null : +(r.rate * 100).toFixed(2),
          itemStyle: { color: (r.target ?? targetLine) == null || r.rate >= (r.target ?? targetLine) ? '#0b8a5f' : '#e07b16', borderRadius: [3, 3, 0, 0] },
        })),
        label: { show: true, position: 'top', formatter: (p) => (p.value == null ? '' : p.value.toFixed(1) + '%') },
        markLine: targetLine == null ? undefined : {
          symbol: 'none', silent: true,
          lineStyle: { color: '#c62828', type: 'dashed', width: 2 },
          label: { formatter: t('target') + '\n' + (targetLine * 100).toFixed(0) + '%', position: 'end', color: '#c62828', lineHeight: 14 },
          data: [{ yAxis: targetLine * 100 }],
        },
      },
      ...(targetLine != null || rows.every(r => r.target == null) ? [] : [{
        name: t('target'), type: 'bar', barMaxWidth: 42,
        data: rows.map(r => (r.target == null ? null : +(r.target * 100).toFixed(2))),
        itemStyle: { color: 'rgba(198,40,40,0.18)', borderColor: '#c62828', borderType: 'dashed', borderWidth: 1 },
      }]),
    ],
  });
  return chart;
}

/**
 * The table beside a chart: the share, its target, and the weighted numerator and denominator the share is computed
 * from (households, staff or sites, as the profile weighs that row), then the site counts, labelled as sites.
 */
function table(rows) {
  return h('table.grid.compact.coverage-table',
    h('thead', h('tr',
      h('th', ''), h('th.num', t('actual')), h('th.num', t('target')),
      h('th.num', { title: t('coverageWeightedHint') }, t('coverageWeightedCovered')),
      h('th.num', { title: t('coverageWeightedHint') }, t('coverageWeightedOf')),
      h('th.num', t('coverageSitesCovered')))),
    h('tbody', rows.map(r => h('tr',
      h('td', r.label),
      h('td.num', pct(r.rate)),
      h('td.num', r.target == null ? '–' : '≥ ' + pct(r.target, 0)),
      h('td.num.weighted-covered', weighted(r, 'numerator')),
      h('td.num.weighted-of', weighted(r, 'denominator')),
      h('td.num.site-counts', t('coverageSitesOf', { covered: num(r.covered), total: num(r.total) }))))));
}

/** A weighted quantity with its unit: '400 households', '800 staff', '2 sites'; a mean of site types as such. */
function weighted(row, part) {
  const value = row[part];
  if (value == null) return '–';
  switch (row.weighting) {
    case 'Households': return t('unitHouseholds', { n: num(value) });
    case 'Staff': return t('unitStaff', { n: num(value) });
    case 'SiteCount': return t('unitSites', { n: num(value) });
    // Numerator: the sum of the site types' shares; denominator: how many site types have sites.
    case 'SiteTypeMean': return part === 'denominator' ? t('unitSiteTypes', { n: num(value) }) : t('unitShareSum', { p: pct(value) });
    default: return num(value, 2);
  }
}
