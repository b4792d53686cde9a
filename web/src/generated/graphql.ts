/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an account may do: see README, "Accounts and roles". */
export type AccountRole =
  /** Everything, everywhere, including accounts. */
  | 'ADMIN'
  /** Files and edits its own agency's reports. */
  | 'AGENCY'
  /** Reads published data, optionally confined to a region. */
  | 'ANALYST'
  /** Sees and reviews its city or county and everything under it. */
  | 'SUPERVISOR';

export type AgencyKind =
  | 'BRANCH_CENTRE'
  | 'DEPARTMENT'
  | 'DEVELOPMENT_ZONE'
  | 'GOVERNMENT'
  | 'GOVERNMENT_OFFICE'
  | 'OTHER'
  | 'PUBLIC_INSTITUTION'
  | 'TOWNSHIP';

/** One cell by key (docs/format.md); `value` is exact decimal text, null or absent for a blank. */
export type CellFigureInput = {
  key: string;
  value?: string | null | undefined;
};

/**
 * Filing status of an agency's annual report for a year, against 条例 第四十九条: organs publish by
 * 31 January of the following year, the consolidated 本级政府 report by 31 March (reports for 2018
 * and earlier: 31 March for everyone, under the 2008 条例).
 */
export type ComplianceStatus =
  /** A report is stored but its publication date is not, so timeliness cannot be judged. */
  | 'DATE_UNKNOWN'
  /** Published after the deadline (see `daysLate`). */
  | 'LATE'
  /** No current report, and the deadline has passed. */
  | 'MISSING'
  /** Published on or before the deadline. */
  | 'ON_TIME'
  /** No report yet, but the deadline is still ahead (as of `asOf`). */
  | 'PENDING';

export type FindingFilter = {
  regionCode?: string | null | undefined;
  review?: FindingReview | null | undefined;
  rule?: string | null | undefined;
  severity?: FindingSeverity | null | undefined;
  status?: FindingStatus | null | undefined;
  year?: number | null | undefined;
};

export type FindingReview =
  | 'CONFIRMED'
  | 'DISMISSED'
  | 'OPEN';

export type FindingSeverity =
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

export type FindingStatus =
  /** The figures contradict the rule. */
  | 'FAILED'
  /** Blank cells (or missing text) leave the rule open: never counted as a failure. */
  | 'NOT_ASSESSABLE';

/** The text of one section of the report (一 总体情况 … 六 其他需要报告的事项). */
export type NarrativeInput = {
  /** As printed ("一、总体情况"); the edition's own heading when absent. */
  heading?: string | null | undefined;
  /** A section number of the edition (1 to 6). */
  section: number;
  text: string;
};

export type PreviewReportInput = {
  agencyId: string;
  /** The file (text, HTML, DOCX, DOC/WPS or PDF), base64. */
  contentBase64: string;
  fileName: string;
  year: number;
};

export type RegionLevel =
  | 'CITY'
  | 'COUNTY'
  | 'PROVINCE'
  | 'TOWNSHIP';

export type RenderFormat =
  | 'DOCX'
  | 'HTML';

export type ReportScope =
  /** A summary consolidating other agencies (a government's 本级 report); never summed in roll-ups. */
  | 'CONSOLIDATED'
  /** The agency's own work. */
  | 'OWN';

export type ReportState =
  | 'ACCEPTED'
  /** Saved by the agency, seen by the agency only. */
  | 'DRAFT'
  /** Public: the latest published revision of a series is the one roll-ups, compliance and anonymous readers see. */
  | 'PUBLISHED'
  /** Sent back by a supervisor with a comment and the findings to fix; the agency files a correction. */
  | 'RETURNED'
  /** Filed: seen by the agency and the supervisors of its region. */
  | 'SUBMITTED';

export type SourceFormat =
  /** Legacy Word (.doc) and WPS files. */
  | 'DOC'
  | 'DOCX'
  | 'HTML'
  | 'PDF'
  | 'TEXT';

export type SubmitFiguresInput = {
  agencyId: string;
  /** The figures; every cell not given is blank (never zero). */
  cells: Array<CellFigureInput>;
  draft?: boolean | null | undefined;
  /** An edition id; the edition in force for the year when absent. */
  edition?: string | null | undefined;
  /** The report's text sections, stored with the revision and checked against the tables; at most one per section. */
  narratives?: Array<NarrativeInput> | null | undefined;
  publishedOn?: string | null | undefined;
  reason?: string | null | undefined;
  /** The report's title ("XXX2024年政府信息公开工作年度报告"). */
  title?: string | null | undefined;
  year: number;
};

export type OverviewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  from: number;
  keys: Array<string>;
  metric: string;
  trendKeys: Array<string>;
}>;


export type OverviewQuery = { region: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string } | null, ancestors: Array<{ code: string, name: string }>, children: Array<{ code: string, name: string, level: RegionLevel }>, now: { reportCount: number, expectedCount: number, values: Array<{ key: string, value: number | null }> }, before: { reportCount: number, expectedCount: number, values: Array<{ key: string, value: number | null }> } } | null, cNow: { coveredRegion: { code: string, name: string }, totals: { expected: number, onTime: number, late: number, missing: number, dateUnknown: number, pending: number } }, cBefore: { totals: { expected: number, onTime: number, late: number, missing: number, dateUnknown: number, pending: number } }, erroryear: { totalCount: number }, errorprev: { totalCount: number }, warningyear: { totalCount: number }, warningprev: { totalCount: number }, infoyear: { totalCount: number }, infoprev: { totalCount: number }, counties: Array<{ label: string, regionCode: string | null, rank: number, reportCount: number, values: Array<{ key: string, value: number | null }> }>, agencies: Array<{ label: string, agencyId: string | null, regionCode: string | null, rank: number, reportCount: number, values: Array<{ key: string, value: number | null }> }>, trend: Array<{ key: string, comparable: boolean, breaks: Array<number>, points: Array<{ year: number, edition: string, value: number | null, comparable: boolean }> }> };

export type RegionPageQueryVariables = Exact<{
  code: string;
  year: number;
  after?: string | null | undefined;
}>;


export type RegionPageQuery = { region: { code: string, name: string, level: RegionLevel, ancestors: Array<{ code: string, name: string }>, parent: { code: string, name: string } | null, children: Array<{ code: string, name: string, level: RegionLevel }>, rollup: { reportCount: number, expectedCount: number }, agencies: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, kind: AgencyKind, region: { code: string, name: string }, report: { id: string, publishedOn: string | null } | null }> } } | null };

export type AgencyPageQueryVariables = Exact<{
  id: string;
}>;


export type AgencyPageQuery = { agency: { id: string, name: string, kind: AgencyKind, region: { code: string, name: string, ancestors: Array<{ code: string, name: string }> }, parent: { id: string, name: string } | null, branches: Array<{ id: string, name: string }>, reports: Array<{ id: string, year: number, edition: string, scope: ReportScope, revision: number, publishedOn: string | null, sourceFormat: SourceFormat, state: ReportState, returnComment: string | null, returnedFindings: Array<{ id: string, rule: string, severity: FindingSeverity, message: string }>, findings: Array<{ id: string, severity: FindingSeverity }> }> } | null };

export type ReportPageQueryVariables = Exact<{
  id: string;
}>;


export type ReportPageQuery = { report: { id: string, year: number, edition: string, scope: ReportScope, revision: number, current: boolean, title: string | null, publishedOn: string | null, importedAt: string, sourceFormat: SourceFormat, sourceName: string, state: ReportState, reason: string | null, returnComment: string | null, returnedFindings: Array<{ id: string }>, agency: { id: string, name: string, region: { code: string, name: string } }, cells: Array<{ key: string, value: number | null, raw: string | null, section: number, row: string, column: string, source: { page: number | null, line: number | null, table: number | null, row: number | null, cell: number | null } | null }>, narratives: Array<{ section: number, heading: string, text: string }>, findings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, review: FindingReview, reviewComment: string | null, reviewedBy: string | null, reviewedAt: string | null, cells: Array<{ key: string, value: number | null }> }>, revisions: Array<{ id: string, revision: number, current: boolean, state: ReportState, publishedOn: string | null, importedAt: string }> } | null };

export type RevisionQueryVariables = Exact<{
  id: string;
}>;


export type RevisionQuery = { report: { id: string, revision: number, importedAt: string, cells: Array<{ key: string, value: number | null, raw: string | null, section: number, row: string, column: string, source: { page: number | null, line: number | null, table: number | null, row: number | null, cell: number | null } | null }> } | null };

export type SourceQueryVariables = Exact<{
  id: string;
}>;


export type SourceQuery = { report: { id: string, sourceName: string, sourceText: string } | null };

export type RenderedQueryVariables = Exact<{
  id: string;
  format: RenderFormat;
}>;


export type RenderedQuery = { report: { id: string, rendered: string } | null };

export type SummaryRenderedQueryVariables = Exact<{
  code: string;
  year: number;
  format: RenderFormat;
}>;


export type SummaryRenderedQuery = { region: { code: string, name: string, renderedRollup: string, rollup: { reportCount: number, expectedCount: number } } | null };

export type ComplianceQueryVariables = Exact<{
  code: string;
  year: number;
  status?: ComplianceStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type ComplianceQuery = { compliance: { asOf: string, region: { code: string, name: string }, coveredRegion: { code: string, name: string }, deadlines: { own: string, consolidated: string }, totals: { expected: number, onTime: number, late: number, missing: number, dateUnknown: number, pending: number }, byRegion: Array<{ direct: boolean, expected: number, onTime: number, late: number, missing: number, dateUnknown: number, pending: number, region: { code: string, name: string } }>, rows: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ status: ComplianceStatus, scope: ReportScope, deadline: string, publishedOn: string | null, daysLate: number | null, reportId: string | null, agency: { id: string, name: string, region: { code: string, name: string } } }> } } };

export type FindingsQueryVariables = Exact<{
  filter: FindingFilter;
  after?: string | null | undefined;
}>;


export type FindingsQuery = { findings: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, byRule: Array<{ key: string, count: number }>, byRegion: Array<{ key: string, label: string | null, count: number }>, nodes: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, message: string, expected: number | null, actual: number | null, review: FindingReview, reviewComment: string | null, reviewedBy: string | null, reviewedAt: string | null, report: { id: string, year: number, agency: { id: string, name: string, region: { code: string, name: string } } } }> } };

export type ReviewMutationVariables = Exact<{
  id: string;
  decision: FindingReview;
  comment?: string | null | undefined;
}>;


export type ReviewMutation = { reviewFinding: { id: string, review: FindingReview, reviewComment: string | null, reviewedBy: string | null, reviewedAt: string | null } };

export type ReturnMutationVariables = Exact<{
  id: string;
  comment: string;
  findingIds?: Array<string> | null | undefined;
}>;


export type ReturnMutation = { returnReport: { id: string, state: ReportState, returnComment: string | null, returnedFindings: Array<{ id: string }> } };

export type AcceptMutationVariables = Exact<{
  id: string;
}>;


export type AcceptMutation = { acceptReport: { id: string, state: ReportState, returnComment: string | null, returnedFindings: Array<{ id: string }> } };

export type PublishMutationVariables = Exact<{
  id: string;
}>;


export type PublishMutation = { publishReport: { id: string, state: ReportState, returnComment: string | null, returnedFindings: Array<{ id: string }> } };

export type FilingFormQueryVariables = Exact<{
  agencyId: string;
  year: number;
  prev: number;
}>;


export type FilingFormQuery = { agency: { id: string, name: string, kind: AgencyKind, own: { id: string, revision: number, state: ReportState } | null, consolidated: { id: string, revision: number, state: ReportState } | null, ownBefore: { id: string, cells: Array<{ key: string, decimal: string | null }> } | null, consolidatedBefore: { id: string, cells: Array<{ key: string, decimal: string | null }> } | null } };

export type FilingRevisionQueryVariables = Exact<{
  id: string;
}>;


export type FilingRevisionQuery = { report: { id: string, year: number, edition: string, revision: number, current: boolean, state: ReportState, title: string | null, publishedOn: string | null, reason: string | null, returnComment: string | null, returnedFindings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }>, findings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }>, agency: { id: string, name: string }, cells: Array<{ key: string, decimal: string | null }>, narratives: Array<{ section: number, heading: string, text: string }> } | null };

export type SubmitFiguresMutationVariables = Exact<{
  input: SubmitFiguresInput;
}>;


export type SubmitFiguresMutation = { submitFigures: { report: { id: string, year: number, edition: string, revision: number, current: boolean, state: ReportState, title: string | null, publishedOn: string | null, reason: string | null, returnComment: string | null, returnedFindings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }>, findings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }> }, findings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }> } };

export type SubmitDraftMutationVariables = Exact<{
  id: string;
}>;


export type SubmitDraftMutation = { submitDraft: { id: string, year: number, edition: string, revision: number, current: boolean, state: ReportState, title: string | null, publishedOn: string | null, reason: string | null, returnComment: string | null, returnedFindings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }>, findings: Array<{ id: string, rule: string, severity: FindingSeverity, status: FindingStatus, expected: number | null, actual: number | null, message: string, cells: Array<{ key: string, value: number | null }> }> } };

export type PreviewReportMutationVariables = Exact<{
  input: PreviewReportInput;
}>;


export type PreviewReportMutation = { previewReport: { edition: string, year: number, title: string | null, period: string | null, publishedOn: string | null, sourceFormat: SourceFormat, warnings: Array<string>, cells: Array<{ key: string, value: string | null, raw: string, source: { page: number | null, x: number | null, y: number | null, line: number | null, table: number | null, row: number | null, cell: number | null } | null }>, narratives: Array<{ section: number, heading: string, text: string }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { name: string, role: AccountRole, regionCode: string | null, agencyId: string | null, region: { code: string, name: string } | null, agency: { id: string, name: string } | null } | null };

export type LoginMutationVariables = Exact<{
  n: string;
  p: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const OverviewDocument = new TypedDocumentString(`
    query Overview($code: String!, $year: Int!, $prev: Int!, $from: Int!, $keys: [String!]!, $metric: String!, $trendKeys: [String!]!) {
  region(code: $code) {
    code
    name
    level
    parent {
      code
      name
    }
    ancestors {
      code
      name
    }
    children {
      code
      name
      level
    }
    now: rollup(year: $year) {
      reportCount
      expectedCount
      values(keys: $keys) {
        key
        value
      }
    }
    before: rollup(year: $prev) {
      reportCount
      expectedCount
      values(keys: $keys) {
        key
        value
      }
    }
  }
  cNow: compliance(regionCode: $code, year: $year) {
    coveredRegion {
      code
      name
    }
    totals {
      expected
      onTime
      late
      missing
      dateUnknown
      pending
    }
  }
  cBefore: compliance(regionCode: $code, year: $prev) {
    totals {
      expected
      onTime
      late
      missing
      dateUnknown
      pending
    }
  }
  erroryear: findings(
    filter: {regionCode: $code, year: $year, severity: ERROR, status: FAILED, review: OPEN}
    first: 0
  ) {
    totalCount
  }
  errorprev: findings(
    filter: {regionCode: $code, year: $prev, severity: ERROR, status: FAILED, review: OPEN}
    first: 0
  ) {
    totalCount
  }
  warningyear: findings(
    filter: {regionCode: $code, year: $year, severity: WARNING, status: FAILED, review: OPEN}
    first: 0
  ) {
    totalCount
  }
  warningprev: findings(
    filter: {regionCode: $code, year: $prev, severity: WARNING, status: FAILED, review: OPEN}
    first: 0
  ) {
    totalCount
  }
  infoyear: findings(
    filter: {regionCode: $code, year: $year, severity: INFO, status: FAILED, review: OPEN}
    first: 0
  ) {
    totalCount
  }
  infoprev: findings(
    filter: {regionCode: $code, year: $prev, severity: INFO, status: FAILED, review: OPEN}
    first: 0
  ) {
    totalCount
  }
  counties: compare(
    regionCode: $code
    year: $year
    by: CHILD_REGION
    keys: $keys
    orderBy: $metric
  ) {
    label
    regionCode
    rank
    reportCount
    values {
      key
      value
    }
  }
  agencies: compare(
    regionCode: $code
    year: $year
    by: AGENCY
    keys: $keys
    orderBy: $metric
    first: 500
  ) {
    label
    agencyId
    regionCode
    rank
    reportCount
    values {
      key
      value
    }
  }
  trend(regionCode: $code, keys: $trendKeys, fromYear: $from, toYear: $year) {
    key
    comparable
    breaks
    points {
      year
      edition
      value
      comparable
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const RegionPageDocument = new TypedDocumentString(`
    query RegionPage($code: String!, $year: Int!, $after: String) {
  region(code: $code) {
    code
    name
    level
    ancestors {
      code
      name
    }
    parent {
      code
      name
    }
    children {
      code
      name
      level
    }
    rollup(year: $year) {
      reportCount
      expectedCount
    }
    agencies(filter: {regionCode: $code}, first: 100, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        region {
          code
          name
        }
        report(year: $year) {
          id
          publishedOn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RegionPageQuery, RegionPageQueryVariables>;
export const AgencyPageDocument = new TypedDocumentString(`
    query AgencyPage($id: ID!) {
  agency(id: $id) {
    id
    name
    kind
    region {
      code
      name
      ancestors {
        code
        name
      }
    }
    parent {
      id
      name
    }
    branches {
      id
      name
    }
    reports {
      id
      year
      edition
      scope
      revision
      publishedOn
      sourceFormat
      state
      returnComment
      returnedFindings {
        id
        rule
        severity
        message
      }
      findings(status: FAILED) {
        id
        severity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgencyPageQuery, AgencyPageQueryVariables>;
export const ReportPageDocument = new TypedDocumentString(`
    query ReportPage($id: ID!) {
  report(id: $id) {
    id
    year
    edition
    scope
    revision
    current
    title
    publishedOn
    importedAt
    sourceFormat
    sourceName
    state
    reason
    returnComment
    returnedFindings {
      id
    }
    agency {
      id
      name
      region {
        code
        name
      }
    }
    cells {
      key
      value
      raw
      section
      row
      column
      source {
        page
        line
        table
        row
        cell
      }
    }
    narratives {
      section
      heading
      text
    }
    findings {
      id
      rule
      severity
      status
      expected
      actual
      message
      review
      reviewComment
      reviewedBy
      reviewedAt
      cells {
        key
        value
      }
    }
    revisions {
      id
      revision
      current
      state
      publishedOn
      importedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ReportPageQuery, ReportPageQueryVariables>;
export const RevisionDocument = new TypedDocumentString(`
    query Revision($id: ID!) {
  report(id: $id) {
    id
    revision
    importedAt
    cells {
      key
      value
      raw
      section
      row
      column
      source {
        page
        line
        table
        row
        cell
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RevisionQuery, RevisionQueryVariables>;
export const SourceDocument = new TypedDocumentString(`
    query Source($id: ID!) {
  report(id: $id) {
    id
    sourceName
    sourceText
  }
}
    `) as unknown as TypedDocumentString<SourceQuery, SourceQueryVariables>;
export const RenderedDocument = new TypedDocumentString(`
    query Rendered($id: ID!, $format: RenderFormat!) {
  report(id: $id) {
    id
    rendered(format: $format)
  }
}
    `) as unknown as TypedDocumentString<RenderedQuery, RenderedQueryVariables>;
export const SummaryRenderedDocument = new TypedDocumentString(`
    query SummaryRendered($code: String!, $year: Int!, $format: RenderFormat!) {
  region(code: $code) {
    code
    name
    rollup(year: $year) {
      reportCount
      expectedCount
    }
    renderedRollup(year: $year, format: $format)
  }
}
    `) as unknown as TypedDocumentString<SummaryRenderedQuery, SummaryRenderedQueryVariables>;
export const ComplianceDocument = new TypedDocumentString(`
    query Compliance($code: String!, $year: Int!, $status: ComplianceStatus, $after: String) {
  compliance(regionCode: $code, year: $year) {
    region {
      code
      name
    }
    coveredRegion {
      code
      name
    }
    asOf
    deadlines {
      own
      consolidated
    }
    totals {
      expected
      onTime
      late
      missing
      dateUnknown
      pending
    }
    byRegion {
      region {
        code
        name
      }
      direct
      expected
      onTime
      late
      missing
      dateUnknown
      pending
    }
    rows(status: $status, first: 200, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        agency {
          id
          name
          region {
            code
            name
          }
        }
        status
        scope
        deadline
        publishedOn
        daysLate
        reportId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ComplianceQuery, ComplianceQueryVariables>;
export const FindingsDocument = new TypedDocumentString(`
    query Findings($filter: FindingFilter!, $after: String) {
  findings(filter: $filter, first: 100, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    byRule {
      key
      count
    }
    byRegion {
      key
      label
      count
    }
    nodes {
      id
      rule
      severity
      status
      message
      expected
      actual
      review
      reviewComment
      reviewedBy
      reviewedAt
      report {
        id
        year
        agency {
          id
          name
          region {
            code
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FindingsQuery, FindingsQueryVariables>;
export const ReviewDocument = new TypedDocumentString(`
    mutation Review($id: ID!, $decision: FindingReview!, $comment: String) {
  reviewFinding(id: $id, decision: $decision, comment: $comment) {
    id
    review
    reviewComment
    reviewedBy
    reviewedAt
  }
}
    `) as unknown as TypedDocumentString<ReviewMutation, ReviewMutationVariables>;
export const ReturnDocument = new TypedDocumentString(`
    mutation Return($id: ID!, $comment: String!, $findingIds: [ID!]) {
  returnReport(id: $id, comment: $comment, findingIds: $findingIds) {
    id
    state
    returnComment
    returnedFindings {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ReturnMutation, ReturnMutationVariables>;
export const AcceptDocument = new TypedDocumentString(`
    mutation Accept($id: ID!) {
  acceptReport(id: $id) {
    id
    state
    returnComment
    returnedFindings {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptMutation, AcceptMutationVariables>;
export const PublishDocument = new TypedDocumentString(`
    mutation Publish($id: ID!) {
  publishReport(id: $id) {
    id
    state
    returnComment
    returnedFindings {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PublishMutation, PublishMutationVariables>;
export const FilingFormDocument = new TypedDocumentString(`
    query FilingForm($agencyId: ID!, $year: Int!, $prev: Int!) {
  agency: filingAgency(id: $agencyId) {
    id
    name
    kind
    own: report(year: $year, scope: OWN) {
      id
      revision
      state
    }
    consolidated: report(year: $year, scope: CONSOLIDATED) {
      id
      revision
      state
    }
    ownBefore: report(year: $prev, scope: OWN) {
      id
      cells {
        key
        decimal
      }
    }
    consolidatedBefore: report(year: $prev, scope: CONSOLIDATED) {
      id
      cells {
        key
        decimal
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FilingFormQuery, FilingFormQueryVariables>;
export const FilingRevisionDocument = new TypedDocumentString(`
    query FilingRevision($id: ID!) {
  report(id: $id) {
    id
    year
    edition
    revision
    current
    state
    title
    publishedOn
    reason
    returnComment
    returnedFindings {
      id
      rule
      severity
      status
      expected
      actual
      message
      cells {
        key
        value
      }
    }
    findings {
      id
      rule
      severity
      status
      expected
      actual
      message
      cells {
        key
        value
      }
    }
    agency {
      id
      name
    }
    cells {
      key
      decimal
    }
    narratives {
      section
      heading
      text
    }
  }
}
    `) as unknown as TypedDocumentString<FilingRevisionQuery, FilingRevisionQueryVariables>;
export const SubmitFiguresDocument = new TypedDocumentString(`
    mutation SubmitFigures($input: SubmitFiguresInput!) {
  submitFigures(input: $input) {
    report {
      id
      year
      edition
      revision
      current
      state
      title
      publishedOn
      reason
      returnComment
      returnedFindings {
        id
        rule
        severity
        status
        expected
        actual
        message
        cells {
          key
          value
        }
      }
      findings {
        id
        rule
        severity
        status
        expected
        actual
        message
        cells {
          key
          value
        }
      }
    }
    findings {
      id
      rule
      severity
      status
      expected
      actual
      message
      cells {
        key
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitFiguresMutation, SubmitFiguresMutationVariables>;
export const SubmitDraftDocument = new TypedDocumentString(`
    mutation SubmitDraft($id: ID!) {
  submitDraft(id: $id) {
    id
    year
    edition
    revision
    current
    state
    title
    publishedOn
    reason
    returnComment
    returnedFindings {
      id
      rule
      severity
      status
      expected
      actual
      message
      cells {
        key
        value
      }
    }
    findings {
      id
      rule
      severity
      status
      expected
      actual
      message
      cells {
        key
        value
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubmitDraftMutation, SubmitDraftMutationVariables>;
export const PreviewReportDocument = new TypedDocumentString(`
    mutation PreviewReport($input: PreviewReportInput!) {
  previewReport(input: $input) {
    edition
    year
    title
    period
    publishedOn
    sourceFormat
    warnings
    cells {
      key
      value
      raw
      source {
        page
        x
        y
        line
        table
        row
        cell
      }
    }
    narratives {
      section
      heading
      text
    }
  }
}
    `) as unknown as TypedDocumentString<PreviewReportMutation, PreviewReportMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    name
    role
    regionCode
    region {
      code
      name
    }
    agencyId
    agency {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($n: String!, $p: String!) {
  login(name: $n, password: $p) {
    token
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;