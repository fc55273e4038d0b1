// Labels of the audit trail page (key -> [Chinese, English]), added to the dashboard's label table.
import { addLabels } from '../i18n.js';

addLabels({
  navAudit: ['操作日志', 'Audit'],
  auditTitle: ['操作日志（只增不改）', 'Audit trail (append-only)'],
  auditIntro: ['登记数据、政策配置、调度计划、违规审核、设备和用户的每一次变更：谁、何时、从哪里、改了什么，以及改前改后的内容。日志只能追加，任何人都不能修改或删除。',
    'Every change to the registry, the profile in force, plans, violation reviews, devices and users: who, when, from where, what, and the record before and after. Entries are only ever added; nobody can change or remove one.'],
  auditEntity: ['对象类型', 'Record kind'],
  auditKey: ['对象编号', 'Key'],
  auditActor: ['操作人', 'Actor'],
  auditFrom: ['起始时间', 'From'],
  auditTo: ['截止时间', 'To'],
  auditAt: ['时间', 'When'],
  auditOrigin: ['来源', 'From where'],
  auditAction: ['操作', 'Action'],
  auditBefore: ['变更前', 'Before'],
  auditAfter: ['变更后', 'After'],
  auditExport: ['导出 CSV', 'Export CSV'],
  auditEmpty: ['没有符合条件的记录。', 'No entry matches.'],
  auditTotal: ['共 {total} 条', '{total} entries'],
  auditPrev: ['上一页', 'Previous'],
  auditNext: ['下一页', 'Next'],
  auditAction_added: ['新增', 'added'],
  auditAction_modified: ['修改', 'modified'],
  auditAction_deleted: ['删除', 'deleted'],
});
