import type { AccountRole, ComplianceStatus, FindingReview, FindingSeverity, ReportState } from './generated/graphql';

/** Display of figures: a blank stays a dash, never a zero; rates as percentages. */
export const RATE_KEYS = new Set([
  'grant_rate',
  'full_grant_rate',
  'denial_rate',
  'unavailable_rate',
  'carry_forward_rate',
  'review_correction_rate',
  'litigation_direct_correction_rate',
  'litigation_after_review_correction_rate',
  'legal_person_share',
  'natural_person_share',
]);

export function fmt(v: number | null | undefined, key = ''): string {
  if (v === null || v === undefined) return '—';
  if (RATE_KEYS.has(key)) return `${(v * 100).toFixed(1)}%`;
  return Number.isInteger(v) ? v.toLocaleString('zh-CN') : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
}

export function change(now: number | null | undefined, before: number | null | undefined, key = ''): string {
  if (now == null || before == null) return '无可比数据';
  const d = now - before;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return RATE_KEYS.has(key) ? `${sign}${Math.abs(d * 100).toFixed(1)} 个百分点` : `${sign}${fmt(Math.abs(d))}`;
}

/** Metrics a supervisor picks for the map, the rankings and the trends (docs/format.md keys). */
export const METRICS: Array<{ key: string; label: string }> = [
  { key: 'applications.new.total', label: '本年新收政府信息公开申请数量' },
  { key: 'grant_rate', label: '申请予以公开率' },
  { key: 'applications.other_all.total', label: '申请办理结果总计' },
  { key: 'review_correction_rate', label: '行政复议纠错率' },
  { key: 'litigation_direct_correction_rate', label: '行政诉讼（未经复议）纠错率' },
  { key: 'active.normative.published', label: '规范性文件本年新公开数量' },
];
export const metricLabel = (key: string) => METRICS.find((m) => m.key === key)?.label ?? key;

export const ROLE_LABEL: Record<AccountRole, string> = {
  ADMIN: '管理员',
  SUPERVISOR: '监督人员',
  AGENCY: '机关填报人员',
  ANALYST: '分析人员',
};
export const SEVERITY_LABEL: Record<FindingSeverity, string> = { ERROR: '错误', WARNING: '警告', INFO: '提示' };
export const REVIEW_LABEL: Record<FindingReview, string> = { OPEN: '待处理', CONFIRMED: '已确认', DISMISSED: '已驳回' };
export const STATUS_LABEL: Record<ComplianceStatus, string> = {
  ON_TIME: '按时',
  LATE: '逾期',
  MISSING: '未报送',
  DATE_UNKNOWN: '日期不明',
  PENDING: '未到期',
};

export const STATE_LABEL: Record<ReportState, string> = {
  DRAFT: '草稿',
  SUBMITTED: '已报送，待审核',
  RETURNED: '已退回，待修改',
  ACCEPTED: '审核通过，待发布',
  PUBLISHED: '已发布',
};

/** An API error as the page says it: what the code means, then the server's own words. */
export function apiMessage(e: { message: string; code?: string }): string {
  const what: Record<string, string> = {
    CONFLICT: '报告状态已变化，请刷新页面后再操作',
    FORBIDDEN: '您无权进行此操作',
    BAD_USER_INPUT: '输入有误',
    NOT_FOUND: '报告不存在或不在您的查看范围内',
    UNAUTHENTICATED: '请先登录',
  };
  return e.code && what[e.code] ? `${what[e.code]}（${e.code}：${e.message}）` : e.message;
}

export const thisYear = () => new Date().getFullYear();
