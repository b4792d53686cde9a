import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import type { Finding, Report } from '../../../entities';
import type { Viewer } from '../../auth/viewer';
import { allEditions } from '../../shared/editions';
import { editionTypeDefs } from '../../shared/editions/edition-sdl';
import type { RequestContext } from '../../context/request-context';
import { mayAdminister } from '../../policy/account.policy';
import { mayReadAudit } from '../../policy/audit.policy';
import { isReviewer, maySeeReviewRecord } from '../../policy/finding.policy';
import { maySeeReturnRecord, readsRecordsByRole, type AgencyRef } from '../../policy/report.policy';
import { isSignedIn } from '../../policy/viewer.policy';
import { isFiler, isWorkflowSupervisor } from '../../policy/workflow.policy';

/**
 * Who may resolve a field. Rows are confined to the viewer's region inside the statements
 * themselves (src/data, the loaders); a rule decides whether the field is shown at all to this
 * kind of viewer, before its resolver runs. The decisions are the policies' (src/policy/, one module
 * per domain, which the services call too); a rule names one, loads its subject and words the refusal.
 */
export interface AccessRule {
  readonly name: string;
  /** True when the field may be resolved for this viewer on this parent. */
  allows(viewer: Viewer, parent: unknown, ctx: RequestContext): boolean | Promise<boolean>;
  /** Said in the FORBIDDEN error. */
  readonly refusal: string;
}

/** Published reports, roll-ups and the template: the 条例 makes them public, anonymous readers included. */
export const PUBLIC: AccessRule = { name: 'PUBLIC', allows: () => true, refusal: '' };

/** A signed-in account (its own tokens). */
export const SIGNED_IN: AccessRule = { name: 'SIGNED_IN', allows: isSignedIn, refusal: 'sign in first' };

export const ADMIN: AccessRule = { name: 'ADMIN', allows: mayAdminister, refusal: 'only an administrator may do this' };

/** Reviewing: supervisors and administrators (the finding's region is checked by the service, which loads it). */
export const SUPERVISOR: AccessRule = { name: 'SUPERVISOR', allows: isReviewer, refusal: 'only a supervisor may review findings' };

/** The agency of a report in the viewer's own view of it: null for a report it may not read. */
async function agencyOfVisibleReport(reportId: number, ctx: RequestContext): Promise<AgencyRef | null> {
  const report = await ctx.loaders.visibleReportById.load(reportId);
  return report && ctx.loaders.agencyByIdLoader.load(report.agencyId);
}

/**
 * Review comments, reviewers and review times are not published: a supervisor of the finding's
 * region, an administrator, or the agency whose report it is.
 */
export const REVIEW_RECORD: AccessRule = {
  name: 'REVIEW_RECORD',
  async allows(v, parent, ctx) {
    const byRole = readsRecordsByRole(v);
    if (byRole !== undefined) return byRole;
    // The viewer's own view of the report: a finding of one it may not read shows no record.
    return maySeeReviewRecord(v, await agencyOfVisibleReport((parent as Finding).reportId, ctx));
  },
  refusal: 'review comments and reviewers are visible to the supervisors of the region and the agency only',
};

/** Filing a report: an agency account (for its own agency, which the service checks) or an administrator. */
export const FILER: AccessRule = {
  name: 'FILER',
  allows: isFiler,
  refusal: 'only an agency (its own reports) or an administrator may file reports',
};

/** Returning, accepting, publishing: supervisors (of the report's region, which the service checks) and administrators. */
export const WORKFLOW_SUPERVISOR: AccessRule = {
  name: 'WORKFLOW_SUPERVISOR',
  allows: isWorkflowSupervisor,
  refusal: 'only a supervisor of the region or an administrator may return, accept or publish a report',
};

/** The audit log: administrators, supervisors (their region) and agencies (their own events); the service confines the rows. */
export const AUDIT_READER: AccessRule = {
  name: 'AUDIT_READER',
  allows: mayReadAudit,
  refusal: 'the audit log is for administrators, supervisors of the region and the agency itself',
};

/** A return's comment and findings: between the agency and its supervisors (and administrators), never public. */
export const RETURN_RECORD: AccessRule = {
  name: 'RETURN_RECORD',
  async allows(v, parent, ctx) {
    const byRole = readsRecordsByRole(v);
    if (byRole !== undefined) return byRole;
    return maySeeReturnRecord(v, await ctx.loaders.agencyByIdLoader.load((parent as Report).agencyId));
  },
  refusal: 'a return comment is visible to the supervisors of the region and the agency only',
};

/** A type's rule for every field ('*'), and per-field rules that override it. */
export type TypeRules = { '*'?: AccessRule } & Record<string, AccessRule>;

/** Types public as a whole ('*'): their fields are figures of published reports, the template, or pages of them. */
const PUBLIC_TYPES = [
  'Region',
  'Agency',
  'AgencyConnection',
  'PageInfo',
  'ReportConnection',
  'Cell',
  'CellSource',
  'Narrative',
  'Edition',
  'TemplateTable',
  'TemplateBlock',
  'TemplateLabel',
  'TemplateColumn',
  'Rollup',
  'MetricValue',
  'Metric',
  'ComparisonRow',
  'TrendPoint',
  'TrendSeries',
  'AggregateRow',
  'ConsolidationFinding',
  'FindingCell',
  'Count',
  'FindingList',
  'ComplianceRow',
  'ComplianceRowConnection',
  'ComplianceCounts',
  'ComplianceRegionCounts',
  'ComplianceDeadlines',
  'ComplianceReport',
] as const;

/** Rules field by field, for the types where a field added later must say who sees it (drafts, review records, accounts). */
const each = (fields: string, rule: AccessRule): TypeRules => Object.fromEntries(fields.split(/\s+/).map((f) => [f, rule]));

/** The section types generated from the editions (report content: public like the report). */
function editionTypeNames(): string[] {
  return parse(editionTypeDefs(allEditions()))
    .definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === 'ObjectTypeDefinition')
    .map((d) => d.name.value);
}

/** Every object type's rules: src/graphql/access/apply-access.ts refuses to build a schema with a field not covered. */
export function accessRules(): Record<string, TypeRules> {
  const rules: Record<string, TypeRules> = Object.fromEntries([...PUBLIC_TYPES, ...editionTypeNames()].map((t) => [t, { '*': PUBLIC }]));
  // A published report: its figures, texts and source are public (README, "What each role sees").
  rules.Report = each(
    'id agency year edition scope revision current title period publishedOn importedAt sourceFormat sourceName sourceText value raw cell cells narrative narratives active applications lawsuits revisions findings rendered state reason',
    PUBLIC,
  );
  // The 汇总 as Region.rollup: public figures, a whole-region sum refused by the service where the viewer reads only part.
  rules.Region.renderedRollup = PUBLIC;
  // Which revisions a viewer reaches at all is decided in the statements (src/data/report-visibility.ts).
  Object.assign(rules.Report, each('returnComment returnedFindings', RETURN_RECORD));
  // Reached only as the answer of a filing mutation, whose rule decides.
  rules.FilingResult = each('report findings', FILER);
  // A preview is the filer's own unstored file: its answer is the filer's, like a filing's; the
  // cells and findings inside it are reached through it only.
  rules.ReportPreview = each('edition year title period publishedOn sourceFormat cells narratives findings warnings sourceText', FILER);
  rules.PreviewCell = each('key value raw source', PUBLIC);
  rules.PreviewFinding = each('rule severity status cells expected actual message', PUBLIC);
  rules.AuditEvent = each('id at actor actorId role action reportId findingId agencyId before after detail', AUDIT_READER);
  rules.AuditEventConnection = each('nodes totalCount pageInfo', AUDIT_READER);
  // The checks' results are computed from published figures; the review record is not published.
  rules.Finding = {
    ...each('id rule severity status cells expected actual message review report', PUBLIC),
    ...each('reviewComment reviewedBy reviewedAt', REVIEW_RECORD),
  };
  // Reached only through `me`, `users` and the account mutations, whose rules below decide.
  rules.Account = each('id name role regionCode region agencyId agency disabled createdAt', PUBLIC);
  rules.ApiToken = each('id name prefix createdAt expiresAt lastUsedAt revokedAt', SIGNED_IN);
  rules.NewApiToken = each('token apiToken', SIGNED_IN);
  rules.LoginResult = each('token expiresAt', PUBLIC);
  // Root fields are listed one by one (no '*'): a new one fails the build until it says who may ask.
  rules.Query = {
    _version: PUBLIC,
    me: PUBLIC,
    apiTokens: SIGNED_IN,
    users: ADMIN,
    region: PUBLIC,
    regions: PUBLIC,
    agency: PUBLIC,
    agencies: PUBLIC,
    report: PUBLIC,
    reports: PUBLIC,
    editions: PUBLIC,
    edition: PUBLIC,
    findings: PUBLIC,
    compliance: PUBLIC,
    metrics: PUBLIC,
    compare: PUBLIC,
    trend: PUBLIC,
    aggregate: PUBLIC,
    auditEvents: AUDIT_READER,
    filingAgency: FILER,
  };
  rules.Mutation = {
    _noop: PUBLIC,
    login: PUBLIC,
    createApiToken: SIGNED_IN,
    revokeApiToken: SIGNED_IN,
    createUser: ADMIN,
    disableUser: ADMIN,
    reviewFinding: SUPERVISOR,
    submitReport: FILER,
    submitFigures: FILER,
    previewReport: FILER,
    submitDraft: FILER,
    returnReport: WORKFLOW_SUPERVISOR,
    acceptReport: WORKFLOW_SUPERVISOR,
    publishReport: WORKFLOW_SUPERVISOR,
  };
  return rules;
}

/** The rule of one field, or undefined when none is declared. */
export function ruleOf(rules: Record<string, TypeRules>, type: string, field: string): AccessRule | undefined {
  const t = Object.prototype.hasOwnProperty.call(rules, type) ? rules[type] : undefined;
  if (!t) return undefined;
  return Object.prototype.hasOwnProperty.call(t, field) ? t[field] : t['*'];
}
