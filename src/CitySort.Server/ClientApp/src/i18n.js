// Every label of the dashboard in Chinese (the default) and English. The choice is remembered in localStorage.

const STORAGE_KEY = 'citysort.lang';

/** Labels: key -> [Chinese, English]. */
const LABELS = {
  appTitle: ['温州市生活垃圾分类管理信息系统', 'Wenzhou Household Waste Sorting Information System'],
  appSubtitle: ['智慧环卫 · 城区生活垃圾分类（温政办〔2015〕96号）', 'Smart sanitation · urban waste sorting (W96, 2015)'],
  city: ['温州市', 'Wenzhou'],
  langSwitch: ['English', '中文'],
  langSwitchTitle: ['Switch to English', '切换到中文'],
  navOverview: ['总览地图', 'Overview map'],
  navSites: ['分类点位', 'Sorting sites'],
  navCoverage: ['覆盖率', 'Coverage'],
  navProfile: ['政策配置', 'Policy profile'],
  navImports: ['数据导入', 'Imports'],
  navApi: ['接口文档', 'API'],
  loading: ['正在加载…', 'Loading…'],
  retry: ['重试', 'Retry'],
  all: ['全部', 'All'],
  none: ['无', 'None'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  districtAll: ['全市城区', 'All urban districts'],
  district: ['区', 'District'],
  street: ['街道', 'Street'],
  streets: ['街道数', 'Streets'],
  communities: ['社区数', 'Communities'],
  sites: ['点位数', 'Sites'],
  site: ['点位', 'Site'],
  facilities: ['处置设施', 'Facilities'],
  facility: ['设施', 'Facility'],
  vehicles: ['分类运输车', 'Sorted-transport vehicles'],
  lines: ['分运专线', 'Dedicated lines'],
  area: ['功能区', 'Functional zone'],
  areaStreets: ['所辖街道', 'Streets of the zone'],
  compliant: ['达标', 'Compliant'],
  nonCompliant: ['未达标', 'Has gaps'],
  compliance: ['分类设施', 'Bin rule'],
  complianceShare: ['分类设施达标率', 'Sites meeting the bin rule'],
  legend: ['图例', 'Legend'],
  legendCompliant: ['点位：分类桶齐全', 'Site: required bins in place'],
  legendGaps: ['点位：分类桶缺失', 'Site: bins missing'],
  legendFacility: ['处置设施', 'Treatment facility'],
  legendUrban: ['城区', 'Urban district'],
  legendOther: ['其他县市', 'Other county'],
  mapNoBoundaries: ['尚未导入行政区边界，地图只显示点位。可在“数据导入”页导入边界文件（GeoJSON）。', 'No district boundaries imported yet; the map shows the sites only. Import a boundary file (GeoJSON) on the Imports page.'],
  mapNoSites: ['该范围内没有点位。', 'No sites in this area.'],
  siteCount: ['{n} 个点位', '{n} sites'],
  overviewDistricts: ['各区概况', 'Districts at a glance'],
  code: ['编码', 'Code'],
  name: ['名称', 'Name'],
  type: ['类型', 'Type'],
  address: ['地址', 'Address'],
  households: ['户数', 'Households'],
  staff: ['人数', 'Staff'],
  floors: ['楼层', 'Floors'],
  bins: ['分类桶', 'Bins'],
  gaps: ['问题', 'Gaps'],
  gapCount: ['问题数', 'Gaps'],
  search: ['搜索名称、地址或编码', 'Search name, address or code'],
  filter: ['筛选', 'Filter'],
  reset: ['重置', 'Reset'],
  siteType: ['点位类型', 'Site type'],
  typeAll: ['全部类型', 'All types'],
  complianceAll: ['全部', 'All'],
  streetAll: ['全部街道', 'All streets'],
  previous: ['上一页', 'Previous'],
  next: ['下一页', 'Next'],
  pageOf: ['第 {page} / {pages} 页，共 {total} 条', 'Page {page} of {pages}, {total} in all'],
  noRows: ['没有符合条件的点位。', 'No site matches these filters.'],
  backToSites: ['返回点位列表', 'Back to the sites'],
  siteDetail: ['点位详情', 'Site detail'],
  category: ['类别', 'Category'],
  placement: ['位置', 'Placement'],
  count: ['数量', 'Count'],
  volumeLitres: ['容量（升）', 'Volume (L)'],
  bagged: ['袋装化', 'Bagged'],
  clause: ['条款', 'Clause'],
  noGaps: ['该点位分类桶设置符合规定，没有问题。', 'This site meets its bin rule: no gaps.'],
  noBins: ['没有登记分类桶。', 'No bins registered.'],
  rule: ['适用规则', 'Rule'],
  coordinates: ['坐标', 'Coordinates'],
  datum: ['坐标系', 'Datum'],
  datumWgs: ['WGS-84', 'WGS-84'],
  datumGcj: ['GCJ-02（已转换为 WGS-84 存储）', 'GCJ-02 (stored converted to WGS-84)'],
  propertyManagement: ['物业管理', 'Property management'],
  canteen: ['食堂', 'Canteen'],
  wetDryPilot: ['干湿分类试点', 'Wet/dry pilot'],
  baggedZone: ['袋装化路段', 'Bagged zone'],
  collectedSorted: ['分类收运', 'Collected sorted'],
  field: ['字段', 'Field'],
  report_file: ['文件', 'File'],
  report_kind: ['类型', 'Kind'],
  report_rowsRead: ['读取行数', 'Rows read'],
  report_inserted: ['新增', 'Added'],
  report_updated: ['更新', 'Updated'],
  report_unchanged: ['未变', 'Unchanged'],
  fleetVehicles: ['分类运输车（W96-T2）', 'Sorted-transport vehicles (W96-T2)'],
  fleetLines: ['分运专线（W96-T3）', 'Dedicated lines (W96-T3)'],
  coverageTitle: ['分类收集覆盖面（W96-T1，2015年底）', 'Sorted-collection coverage (W96-T1, end of 2015)'],
  coverageByDistrict: ['各区覆盖率', 'Coverage by district'],
  coverageBySiteType: ['各类点位覆盖率', 'Coverage by site type'],
  coverageMatrix: ['各区各类点位覆盖率', 'Coverage by district and site type'],
  coveredSites: ['已覆盖点位', 'Sites covered'],
  coverageOverall: ['城区总体覆盖率', 'Urban coverage overall'],
  target: ['目标', 'Target'],
  actual: ['实际', 'Actual'],
  covered: ['已覆盖', 'Covered'],
  total: ['总数', 'Total'],
  met: ['已达标', 'Met'],
  notMet: ['未达标', 'Not met'],
  coverageNote: ['覆盖率 = 已覆盖 ÷ 总量，按政策配置的口径加权：住宅小区按户数，机关企事业单位和学校按人数，公共场所按点位数；“点位”一列是未加权的点位数。覆盖的定义见政策配置。',
    'Coverage = covered ÷ of, weighted as the policy profile says: compounds by households, agencies and schools by staff, public places by sites; the Sites column counts sites unweighted. What counts as covered is set in the profile too.'],
  coverageWeightedCovered: ['已覆盖（加权）', 'Covered (weighted)'],
  coverageWeightedOf: ['总量（加权）', 'Of (weighted)'],
  coverageWeightedHint: ['覆盖率按这两列计算：已覆盖 ÷ 总量', 'The share is computed from these two: covered ÷ of'],
  coverageSitesCovered: ['点位（已覆盖/总数）', 'Sites (covered / all)'],
  coverageSitesOf: ['{covered} / {total}', '{covered} / {total}'],
  unitHouseholds: ['{n} 户', '{n} households'],
  unitStaff: ['{n} 人', '{n} staff'],
  unitSites: ['{n} 个点位', '{n} sites'],
  unitSiteTypes: ['{n} 类点位', '{n} site types'],
  unitShareSum: ['各类覆盖率之和 {p}', 'sum of the types’ shares {p}'],
  profileTitle: ['政策配置', 'Policy profile'],
  profileVersion: ['版本', 'Version'],
  profileCategories: ['垃圾类别（W96-C）', 'Waste categories (W96-C)'],
  profileStreams: ['专项收集（W96-C5）', 'Special streams (W96-C5)'],
  profileBinRules: ['各类点位分类桶要求（W96-B）', 'Bins required by site type (W96-B)'],
  profileCollection: ['收运方式（W96-K）', 'Collection modes (W96-K)'],
  profileTargets: ['目标任务（W96-T）', 'Targets (W96-T)'],
  profilePeople: ['人员配备（W96-W）', 'People (W96-W)'],
  profileMoney: ['资金保障（W96-M）', 'Money (W96-M)'],
  profileAssessment: ['考核奖惩（W96-A）', 'Assessment (W96-A)'],
  profileWages: ['最低工资标准（W58-1）', 'Minimum wage tiers (W58-1)'],
  profileAreas: ['功能区', 'Functional zones'],
  profileSettings: ['实施口径', 'Implementation settings'],
  profileOther: ['其他', 'Other'],
  colour: ['桶色', 'Bin colour'],
  profileSources: ['依据文件', 'Source documents'],
  description: ['说明', 'Description'],
  methods: ['方式', 'Methods'],
  collector: ['收运单位', 'Collected by'],
  sameDay: ['日产日清', 'same-day clearance'],
  sealed: ['密闭运输', 'sealed transport'],
  noMixing: ['严禁混装', 'no mixing'],
  when: ['适用情形', 'Applies'],
  note: ['备注', 'Note'],
  perFloor: ['每层每类', 'per floor'],
  baseline: ['基数', 'baseline'],
  perStreet: ['每个街道至少 {n} 名', 'at least {n} per street'],
  perHouseholds: ['每 {h} 户至少 {n} 名', 'at least {n} per {h} households'],
  illustrative: ['示例值', 'illustrative'],
  due: ['完成时间', 'Due'],
  scope: ['范围', 'Scope'],
  value: ['数值', 'Value'],
  monthly: ['月最低工资（元）', 'Monthly (yuan)'],
  hourly: ['非全日制小时工资（元）', 'Part-time hourly (yuan)'],
  tier: ['档次', 'Tier'],
  areas: ['适用地区', 'Areas'],
  effective: ['施行日期', 'In force from'],
  importsTitle: ['数据导入', 'Imports'],
  importsIntro: ['上传区划、社区、点位、处置设施、收运单位、车辆、专线、过磅单、收运记录文件（CSV）或区界文件（GeoJSON）。每个文件整体导入：有一处错误就一条也不写入，并列出每处问题的位置和原因。同一文件重复导入不会改变数据。', 'Upload a divisions, communities, sites, facilities, haulers, vehicles, lines, weigh tickets or pickups file (CSV) or a boundary file (GeoJSON). Each file goes in whole or not at all: one bad row and nothing is written, with every problem listed by place and reason. Importing the same file twice changes nothing.'],
  importKind: ['文件类型', 'Kind of file'],
  kind_divisions: ['行政区划（街道）CSV', 'Administrative divisions (streets) CSV'],
  kind_communities: ['社区 CSV', 'Communities CSV'],
  kind_sites: ['分类点位 CSV', 'Sorting sites CSV'],
  kind_boundaries: ['区界 GeoJSON', 'District boundaries GeoJSON'],
  kind_tickets: ['过磅单 CSV', 'Weigh tickets CSV'],
  kind_pickups: ['收运记录 CSV', 'Pickups CSV'],
  kind_facilities: ['处置设施 CSV', 'Facilities CSV'],
  kind_haulers: ['收运单位 CSV', 'Haulers CSV'],
  kind_vehicles: ['分类运输车 CSV', 'Vehicles CSV'],
  kind_lines: ['分运专线 CSV', 'Dedicated lines CSV'],
  illustrative: ['示例数据', 'Illustrative'],
  illustrativeTitle: ['演示用的虚构记录，不是本市的真实数据', 'A made-up demo record, not one of the city\'s real records'],
  demoBanner: ['当前数据库含有演示用的示例城市（{sites} 个点位、{vehicles} 辆车等），标有“示例数据”的记录均为虚构；覆盖率和计划中含有这些记录。', 'The database holds the illustrative demo city ({sites} sites, {vehicles} vehicles and more); records marked "Illustrative" are made up, and coverage and plans include them.'],
  demoBannerLink: ['在“数据导入”页删除示例数据', 'Remove it on the Imports page'],
  demoImportNotice: ['真实数据已导入，但数据库中仍有演示用的示例城市。是否删除全部示例数据，只保留真实记录？', 'Real records are in, but the database still holds the illustrative demo city. Remove every illustrative record and keep only the real ones?'],
  demoRemove: ['删除全部示例数据', 'Remove the illustrative records'],
  demoRemoveConfirm: ['将在一次事务中删除全部示例数据（点位、设施、车辆、专线及其计划），真实记录保留不变。继续？', 'Every illustrative record (sites, facilities, vehicles, lines and their plans) is removed in one transaction; real records stay. Continue?'],
  demoRemoved: ['示例数据已删除（{sites} 个示例点位），现在只保留真实记录。', 'The illustrative records are removed ({sites} demo sites); only real records remain.'],
  plansIllustrative: ['这些计划包含示例车辆或示例点位，仅供演示，不是真实车队的计划。', 'These plans include illustrative vehicles or sites: a demonstration, not a plan of the real fleet.'],
  chooseFile: ['选择文件', 'Choose a file'],
  importDatum: ['坐标系', 'Datum of the coordinates'],
  importDatumChoose: ['请选择…', 'Choose…'],
  importDatumGcj: ['GCJ-02（国内地图服务商，如高德、腾讯）', 'GCJ-02 (Chinese map providers such as Amap, Tencent)'],
  importDatumWgs: ['WGS-84（GPS、OpenStreetMap）', 'WGS-84 (GPS, OpenStreetMap)'],
  importDatumHelp: ['区界文件必须说明坐标所用的坐标系，系统不会猜测：国内地图服务商导出的文件（如 wenzhou_districts.geojson）为 GCJ-02，系统会转换为 WGS-84 存储；GPS 和 OpenStreetMap 导出的文件为 WGS-84。',
    'A boundary file must say which datum its coordinates are in; it is never guessed. Files from Chinese map providers (such as wenzhou_districts.geojson) are GCJ-02 and are stored converted to WGS-84; GPS and OpenStreetMap exports are WGS-84.'],
  importDatumMissing: ['请先选择区界文件的坐标系（GCJ-02 或 WGS-84）。', 'Please choose the datum of the boundary file (GCJ-02 or WGS-84) first.'],
  noFileChosen: ['请先选择要导入的文件。', 'Please choose a file to import first.'],
  upload: ['开始导入', 'Import'],
  uploading: ['正在上传 {p}%…', 'Uploading {p}%…'],
  processing: ['正在校验并写入…', 'Checking and writing…'],
  importDone: ['导入完成', 'Import finished'],
  importRejected: ['文件未导入：发现 {n} 处问题，数据库没有任何改动。', 'The file was not imported: {n} problem(s) found, and nothing in the database changed.'],
  problems: ['问题清单', 'Problems'],
  location: ['位置', 'Where'],
  reason: ['原因', 'Reason'],
  reportField: ['项目', 'Item'],
  errNetwork: ['无法连接服务器，请检查网络或稍后再试。', 'The server cannot be reached. Check the connection or try again later.'],
  errServer: ['服务器处理请求时出错，请稍后再试；如果一直出错，请联系系统管理员。', 'The server failed to handle the request. Try again later; if it keeps failing, call the system administrator.'],
  errNotFound: ['没有找到要查看的内容，可能已被删除或编码有误。', 'What you asked for was not found; it may have been removed, or the code is wrong.'],
  errBadRequest: ['请求的内容有误：', 'The request was not accepted: '],
  errForbidden: ['您没有权限进行此操作。', 'You are not allowed to do this.'],
  errTooLarge: ['文件太大，无法上传。', 'The file is too large to upload.'],
  footer: ['依据：温政办〔2015〕96号《温州市城区生活垃圾分类工作实施方案（2015年—2016年）》；温政发〔2015〕58号。地图边界仅供展示。', 'After the Wenzhou urban waste-sorting plan 2015–2016 (W96) and the minimum-wage notice (W58). Map boundaries are for display only.'],
};

/** Site types (W96-B1..B4) by their API name. */
const SITE_TYPES = {
  ResidentialCompound: ['住宅小区', 'Residential compound'],
  InstitutionOrEnterprise: ['机关、企事业单位', 'Agency, institution or enterprise'],
  SchoolOrKindergarten: ['中小学、幼儿园', 'School or kindergarten'],
  PublicPlace: ['公共场所', 'Public place'],
};

/** Waste categories (W96-C1..C4) with the bin colours of the plan. */
const CATEGORIES = {
  Recyclable: ['可回收物', 'Recyclables', '#1f6fd1'],
  Hazardous: ['有害垃圾', 'Hazardous waste', '#d23b2f'],
  Other: ['其他垃圾', 'Other waste', '#6b7280'],
  Kitchen: ['厨余垃圾', 'Kitchen waste', '#2f9e44'],
  Catering: ['餐饮垃圾', 'Catering waste', '#b7791f'],
  Bulky: ['大件垃圾', 'Bulky waste', '#8b5cf6'],
  ConstructionAndRenovation: ['建筑（装潢）垃圾', 'Construction and renovation waste', '#a16207'],
};

const PLACEMENTS = {
  Site: ['楼前/垃圾坞', 'At the site'],
  EveryFloor: ['每层楼', 'Every floor'],
  PublicArea: ['公共区域', 'Public area'],
  BuildingEntrance: ['教学楼入口', 'Building entrance'],
  Canteen: ['食堂', 'Canteen'],
  CollectionPoint: ['指定收集点', 'Collection point'],
};

let current = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';

/** The current language, 'zh' or 'en'. */
export function lang() { return current; }

/** Sets and remembers the language. */
export function setLang(value) {
  current = value === 'en' ? 'en' : 'zh';
  localStorage.setItem(STORAGE_KEY, current);
  document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
}

function pick(pair, fallback) {
  if (!pair) return fallback;
  return current === 'en' ? (pair[1] ?? pair[0]) : pair[0];
}

/** The label for key, with {name} placeholders replaced from vars. */
export function t(key, vars) {
  let text = pick(LABELS[key], key);
  if (vars) {
    // A replacer function, so that '$&' and the like in a name are inserted as they are.
    for (const [k, v] of Object.entries(vars)) text = text.replaceAll('{' + k + '}', () => String(v));
  }
  return text;
}

/** Adds labels (key -> [Chinese, English]) from a page's own label file; existing keys are kept. */
export function addLabels(labels) {
  for (const [k, v] of Object.entries(labels)) if (!(k in LABELS)) LABELS[k] = v;
}

/** The label of a site type. */
export function siteTypeLabel(type) { return pick(SITE_TYPES[type], String(type)); }

/** The site types in rule order. */
export function siteTypes() { return Object.keys(SITE_TYPES); }

/** The label of a category or special stream. */
export function categoryLabel(category) { return pick(CATEGORIES[category], String(category)); }

/** The bin colour of a category (W96-C), as CSS. */
export function categoryColour(category) { return CATEGORIES[category]?.[2] ?? '#94a3b8'; }

/** The label of a bin placement. */
export function placementLabel(p) { return pick(PLACEMENTS[p], String(p)); }

/**
 * Picks the text of the current language from an object that carries both, whatever its field names:
 * {zh, en}, {nameZh, nameEn}, {name, nameEn}, {chinese, english}, {messageZh, messageEn}.
 */
export function bilingual(obj, base = 'name') {
  if (obj == null) return '';
  if (typeof obj !== 'object') return String(obj);
  if ('zh' in obj || 'en' in obj) return current === 'en' ? (obj.en || obj.zh || '') : (obj.zh || obj.en || '');
  const value = obj[base];
  if (value && typeof value === 'object') return bilingual(value, base);
  const zh = obj[base + 'Zh'] ?? value;
  const en = obj[base + 'En'];
  return current === 'en' ? (en || zh || '') : (zh || en || '');
}

document.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';

// Labels of the live dashboard (实时监控), kept together so the page's words are found in one place.
addLabels({
  navLive: ['实时监控', 'Live'],
  liveTitle: ['收运实时监控', 'Live collection and transport'],
  liveIntro: ['车辆位置、收运量和考核指标随设备上报实时更新（温政办〔2015〕96号：对分类收运体系实现全方位实时在线管理）。', 'Vehicle positions, tonnage and the targets update as the devices report (W96-A6: real-time, online management of sorted collection and transport).'],
  liveDay: ['业务日', 'Business day'],
  liveFollow: ['跟随最新业务日', 'Follow the latest business day'],
  liveConnecting: ['正在连接实时数据…', 'Connecting to the live feed…'],
  liveConnected: ['实时连接正常', 'Live'],
  liveReconnecting: ['连接中断，正在重连…', 'Connection lost, reconnecting…'],
  liveDisconnected: ['实时连接已断开，请刷新页面。', 'The live feed is disconnected; reload the page.'],
  liveIllustrative: ['示意数据', 'Illustrative data'],
  liveIllustrativeNote: ['含演示城市或模拟器生成的示意数据，不是实际运行数据。', 'Includes illustrative data of the demo city or the simulator, not real operations.'],
  liveVehicles: ['在线车辆', 'Vehicles reporting'],
  liveLastFix: ['最新定位', 'Latest fix'],
  liveMapTitle: ['车辆实时位置', 'Vehicles now'],
  liveNoVehicles: ['尚未收到车辆定位。', 'No vehicle position received yet.'],
  liveSpeed: ['{v} km/h', '{v} km/h'],
  liveFleetOther: ['其他垃圾收运车（现有收运模式）', 'Other-waste fleet (existing mode)'],
  liveKpis: ['考核指标', 'Targets'],
  liveNoKpis: ['该业务日尚无指标数据。', 'No figures for this business day yet.'],
  liveMet: ['达标', 'Met'],
  liveNotMet: ['未达标', 'Not met'],
  liveTargetLine: ['目标 {cmp} {target}', 'Target {cmp} {target}'],
  liveTonnageByCategory: ['分类收运量（过磅净重，吨/日）', 'Tonnage per category (ticket net, t/day)'],
  liveTonnageByFacility: ['各处置设施进场量（吨/日）', 'Tonnage per facility (t/day)'],
  liveCoverageDaily: ['每日分类收集覆盖面', 'Daily sorted-collection coverage'],
  liveNoChartData: ['暂无数据', 'No data yet'],
  liveViolations: ['违规记录', 'Violations'],
  liveNoViolations: ['该业务日没有违规记录。', 'No violations on this business day.'],
  liveRejections: ['拒收记录', 'Rejected events'],
  liveNoRejections: ['没有拒收记录。', 'No rejected events.'],
  liveClient: ['客户端 {id}', 'client {id}'],
  liveDropped: ['另有 {n} 次同类拒绝只计数', '{n} more refusals counted, not listed'],
  liveEvidence: ['证据', 'Evidence'],
  liveStatus: ['状态', 'Status'],
  liveVehicle: ['车辆', 'Vehicle'],
  liveWhen: ['时间', 'When'],
  liveDevice: ['设备', 'Device'],
  liveSource: ['来源', 'Source'],
  liveEventId: ['事件编号', 'Event id'],
  liveOutcome: ['结果', 'Outcome'],
  livePayload: ['原始报文', 'Payload'],
  liveKind: ['类型', 'Kind'],
  liveUpdated: ['更新于 {time}', 'Updated {time}'],
  liveBatch: ['最近入库：接收 {a} 条，拒收 {r} 条', 'Last commits: {a} accepted, {r} rejected'],
  kpi_Coverage: ['分类收集覆盖面', 'Sorted-collection coverage'],
  kpi_SortedTransportRate: ['分类运输率', 'Sorted-transport rate'],
  kpi_HarmlessTreatmentRate: ['无害化处理率', 'Harmless-treatment rate'],
  kpi_ResidualTonnage: ['焚烧（填埋）处理量', 'Tonnage incinerated or landfilled'],
  kpi_ResidualTonnageYearToDate: ['焚烧（填埋）处理量（年累计）', 'Incinerated or landfilled, year to date'],
  kpi_SameDayClearance: ['日产日清', 'Same-day clearance'],
  kpi_ReconciliationGap: ['收运量与过磅量差额', 'Pickups against tickets'],
  kpi_ReconciliationFlaggedShare: ['收运量与过磅量不符的车辆日占比', 'Vehicle-days whose pickups and tickets disagree'],
  kpi_CollectedTonnage: ['进场量（处置设施过磅净重）', 'Tonnage received (net, treatment facilities)'],
  outcome_Rejected: ['拒收', 'Rejected'],
  outcome_Conflict: ['冲突', 'Conflict'],
  status_Open: ['待处理', 'Open'],
  status_Confirmed: ['已确认', 'Confirmed'],
  status_Dismissed: ['已驳回', 'Dismissed'],
});

// Labels of the registry upkeep (登记维护): the forms that add, change and retire records (docs/registry.md).
addLabels({
  navRegistry: ['登记维护', 'Registry'],
  registryTitle: ['登记维护：车辆、设施、专线', 'Registry upkeep: vehicles, facilities, lines'],
  registryIntro: ['逐条新增、修改或停用登记记录；每次修改与文件导入一样校验（区划、坐标是否在本市及所属区内、政策配置中的分类）。停用的记录保留其历史：已有的收运记录、指标、计划和导出仍列出它，但它不再参与计划和考核，停用后的上报将被拒收。点位的修改和停用在点位页面进行。',
    'Add, change or retire records one at a time; every edit is checked as an imported row is (divisions, the point in the city and its district, the categories of the policy profile). A retired record keeps its history: earlier events, KPIs, plans and exports still name it, but it is no longer planned or counted, and reports after its retirement are refused. Sites are changed and retired on their own page.'],
  showRetired: ['显示已停用的记录', 'Show retired records'],
  edit: ['修改', 'Edit'],
  retire: ['停用', 'Retire'],
  retired: ['已停用', 'Retired'],
  retiredTitle: ['该记录已停用：保留历史，不再参与计划和考核', 'Retired: kept with its history, no longer planned or counted'],
  retiredNote: ['该点位已停用：它的历史记录保留，但不再列入点位清单、覆盖率和计划，停用后的上报将被拒收。', 'This site is retired: its history is kept, but it is no longer listed, counted in coverage or planned, and reports after its retirement are refused.'],
  retireConfirm: ['确定停用 {key}？停用后不能再修改，历史记录保留。', 'Retire {key}? It can no longer be changed afterwards; its history is kept.'],
  retireSiteConfirm: ['确定停用点位 {code}？停用后不能再修改，历史记录保留。', 'Retire site {code}? It can no longer be changed afterwards; its history is kept.'],
  editAdd: ['新增', 'Add'],
  editSave: ['保存', 'Save'],
  editCancel: ['取消', 'Cancel'],
  editSite: ['修改点位', 'Edit site'],
  retireSite: ['停用点位', 'Retire site'],
  editAddSite: ['新增点位', 'Add a site'],
  editAddBin: ['添加一项桶', 'Add bins'],
  editRemoveBin: ['删除', 'Remove'],
  editDistrictCode: ['区代码（6 位）', 'District code (6 digits)'],
  editStreetCode: ['街道代码（9 位）', 'Street code (9 digits)'],
  editCommunityCode: ['社区代码（12 位）', 'Community code (12 digits)'],
  editAreaCode: ['考核片区（默认为所属区）', 'Area counted for (the district if empty)'],
  editLongitude: ['经度', 'Longitude'],
  editLatitude: ['纬度', 'Latitude'],
  editDatumGcj: ['GCJ-02（将转换为 WGS-84 存储）', 'GCJ-02 (stored converted to WGS-84)'],
  editKitchenHeavy: ['厨余垃圾产生量大', 'Much kitchen waste'],
  editAddVehicle: ['新增车辆', 'Add a vehicle'],
  editVehicle: ['修改车辆', 'Edit vehicle'],
  editHaulerCode: ['收运单位代码', 'Hauler code'],
  editDedicatedStream: ['专项垃圾', 'Special stream'],
  editCapacityM3: ['箱体容积（立方米）', 'Body (m³)'],
  editSealed: ['密闭车厢', 'Sealed body'],
  editAddFacility: ['新增设施', 'Add a facility'],
  editFacility: ['修改设施', 'Edit facility'],
  editAccepts: ['接收', 'Accepts'],
  editAcceptedCategories: ['接收的分类（以“;”分隔，如 Other;Kitchen）', 'Categories accepted (separated by ";", e.g. Other;Kitchen)'],
  editAcceptedStreams: ['接收的专项（以“;”分隔，如 Catering）', 'Streams accepted (separated by ";", e.g. Catering)'],
  editGateFee: ['处理费（元/吨）', 'Gate fee (yuan/t)'],
  editDailyCapacity: ['日处理能力（吨）', 'Daily capacity (t)'],
  editClause: ['条款', 'Clause'],
  editAddLine: ['新增专线', 'Add a line'],
  editLine: ['修改专线', 'Edit line'],
  editFacilityCode: ['终点设施代码', 'Facility code'],
  editStops: ['站点（点位编码，按顺序以“;”分隔）', 'Stops (site codes in order, separated by ";")'],
  plate: ['车牌', 'Plate'],
  hauler: ['收运单位', 'Hauler'],
  dedicated: ['专用分类', 'Dedicated to'],
  capacityKg: ['核定载重（千克）', 'Payload (kg)'],
  facilityKind_WasteToEnergyPlant: ['垃圾焚烧发电厂', 'Waste-to-energy plant'],
  facilityKind_Landfill: ['填埋场', 'Landfill'],
  facilityKind_KitchenWastePlant: ['餐厨（厨余）垃圾处理厂', 'Kitchen-waste plant'],
  facilityKind_HazardousWasteCentre: ['有害垃圾处置中心', 'Hazardous-waste centre'],
  facilityKind_ConstructionWasteSite: ['建筑垃圾消纳场', 'Construction-waste site'],
  facilityKind_RecyclingCentre: ['再生资源回收中心', 'Recycling centre'],
  facilityKind_TransferStation: ['中转站', 'Transfer station'],
});
