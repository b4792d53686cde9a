import type { GraphQLResolveInfo } from 'graphql';
import type { Region as RegionEntity, Agency as AgencyEntity, Report as ReportEntity, Finding as FindingEntity } from '../../entities';
import type { EditionDef, TableDef } from '../shared/editions';
import type { ComplianceResult, ComplianceRow as ComplianceRowResult } from '../services/compliance.service';
import type { RollupTarget, ComparisonRow as ComparisonRowResult, AggregateResultRow, ConsolidationFinding as ConsolidationFindingResult } from '../rollup/rollup.service';
import type { Metric as MetricDef } from '../rollup/metric-catalogue';
import type { ReportPreviewResult } from '../services/filing.service';
import type { Finding as CheckFinding } from '../shared/checks';
import type { RequestContext } from '../context/request-context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type Account = {
  __typename?: 'Account';
  agency?: Maybe<Agency>;
  agencyId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['String']['output'];
  disabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  region?: Maybe<Region>;
  /** The region the account is confined to; null only for ADMIN and an unconfined ANALYST. */
  regionCode?: Maybe<Scalars['String']['output']>;
  role: AccountRole;
};

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

/** Section 二, typed by edition. */
export type ActiveDisclosure = ActiveDisclosure2019 | ActiveDisclosure2021;

/** Section 二, typed by edition. Edition 2019. */
export type ActiveDisclosure2019 = {
  __typename?: 'ActiveDisclosure2019';
  /** 行政强制 */
  coercion: ItemCounts2019;
  /** 行政事业性收费 */
  fees: ItemCounts2019;
  /** 行政许可 */
  licensing: ItemCounts2019;
  /** 规范性文件 */
  normative: DocumentCounts2019;
  /** 其他对外管理服务事项 */
  otherServices: ItemCounts2019;
  /** 行政处罚 */
  penalty: ItemCounts2019;
  /** 政府集中采购 */
  procurement: Procurement2019;
  /** 规章 */
  regulations: DocumentCounts2019;
};

/** Section 二, typed by edition. Edition 2021. */
export type ActiveDisclosure2021 = {
  __typename?: 'ActiveDisclosure2021';
  /** 行政强制 */
  coercion: Decisions2021;
  /** 行政事业性收费 */
  fees: Fees2021;
  /** 行政许可 */
  licensing: Decisions2021;
  /** 行政规范性文件 */
  normative: DocumentCounts2021;
  /** 行政处罚 */
  penalty: Decisions2021;
  /** 规章 */
  regulations: DocumentCounts2021;
};

export type Agency = {
  __typename?: 'Agency';
  active: Scalars['Boolean']['output'];
  branches: Array<Agency>;
  exempt: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  kind: AgencyKind;
  name: Scalars['String']['output'];
  /** Organisational parent (a branch centre's city agency), which may sit in another region. */
  parent?: Maybe<Agency>;
  region: Region;
  /** The current revision of this agency's report for the year (its own report unless `scope` says otherwise). */
  report?: Maybe<Report>;
  /** Current revisions, newest year first. */
  reports: Array<Report>;
  /** The agency with its branches and subordinate agencies. */
  rollup: Rollup;
};


export type AgencyReportArgs = {
  scope?: InputMaybe<ReportScope>;
  year: Scalars['Int']['input'];
};


export type AgencyRollupArgs = {
  year: Scalars['Int']['input'];
};

export type AgencyConnection = {
  __typename?: 'AgencyConnection';
  nodes: Array<Agency>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AgencyFilter = {
  kind?: InputMaybe<AgencyKind>;
  nameContains?: InputMaybe<Scalars['String']['input']>;
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Matches agencies anywhere in that region's subtree. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
};

export type AgencyKind =
  | 'BRANCH_CENTRE'
  | 'DEPARTMENT'
  | 'DEVELOPMENT_ZONE'
  | 'GOVERNMENT'
  | 'GOVERNMENT_OFFICE'
  | 'OTHER'
  | 'PUBLIC_INSTITUTION'
  | 'TOWNSHIP';

export type AggregateDimension =
  | 'AGENCY_KIND'
  | 'EDITION'
  /** Descendant regions at `filter.regionLevel` (default: the children). */
  | 'REGION'
  | 'YEAR';

export type AggregateFilter = {
  agencyKinds?: InputMaybe<Array<AgencyKind>>;
  fromYear: Scalars['Int']['input'];
  regionCode: Scalars['String']['input'];
  regionLevel?: InputMaybe<RegionLevel>;
  toYear: Scalars['Int']['input'];
};

export type AggregateRow = {
  __typename?: 'AggregateRow';
  agencyKind?: Maybe<AgencyKind>;
  edition?: Maybe<Scalars['String']['output']>;
  regionCode?: Maybe<Scalars['String']['output']>;
  regionName?: Maybe<Scalars['String']['output']>;
  reportCount: Scalars['Int']['output'];
  value?: Maybe<Scalars['Float']['output']>;
  values: Array<MetricValue>;
  year?: Maybe<Scalars['Int']['output']>;
};


export type AggregateRowValueArgs = {
  key: Scalars['String']['input'];
};

/** An API token as stored: its hash is kept, never the token; `prefix` tells tokens apart. */
export type ApiToken = {
  __typename?: 'ApiToken';
  createdAt: Scalars['String']['output'];
  expiresAt?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['String']['output']>;
};

/** One row of ApplicationTable, by column. */
export type ApplicantCounts = {
  __typename?: 'ApplicantCounts';
  /** 商业企业 */
  business?: Maybe<Scalars['Float']['output']>;
  /** 法律服务机构 */
  legalService?: Maybe<Scalars['Float']['output']>;
  /** 自然人 */
  naturalPerson?: Maybe<Scalars['Float']['output']>;
  /** 其他 */
  otherOrg?: Maybe<Scalars['Float']['output']>;
  /** 科研机构 */
  research?: Maybe<Scalars['Float']['output']>;
  /** 社会公益组织 */
  socialOrg?: Maybe<Scalars['Float']['output']>;
  /** 总计 */
  total?: Maybe<Scalars['Float']['output']>;
};

/** Section 三. Rows of another edition are null; derived rows (denied, unavailable, unprocessed, otherAll) are sums of their reasons. */
export type ApplicationTable = {
  __typename?: 'ApplicationTable';
  /** 四、结转下年度继续办理 */
  carriedForward: ApplicantCounts;
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: ApplicantCounts;
  /** （三）不予公开（各项之和） */
  denied: ApplicantCounts;
  /** 7.属于行政执法案卷 */
  deniedEnforcement: ApplicantCounts;
  /** 5.属于三类内部事务信息 */
  deniedInternal: ApplicantCounts;
  /** 6.属于四类过程性信息 */
  deniedProcess: ApplicantCounts;
  /** 2.其他法律行政法规禁止公开 */
  deniedProhibited: ApplicantCounts;
  /** 8.属于行政查询事项 */
  deniedQuery: ApplicantCounts;
  /** 3.危及“三安全一稳定” */
  deniedSecurity: ApplicantCounts;
  /** 1.属于国家秘密 */
  deniedStateSecret: ApplicantCounts;
  /** 4.保护第三方合法权益 */
  deniedThirdParty: ApplicantCounts;
  /** （一）予以公开 */
  granted: ApplicantCounts;
  /** 一、本年新收政府信息公开申请数量 */
  new: ApplicantCounts;
  /** （六）其他处理 Only in edition 2019. */
  other: ApplicantCounts;
  /** （六）其他处理（各项之和） */
  otherAll: ApplicantCounts;
  /** 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 Only in edition 2021. */
  otherNoFee: ApplicantCounts;
  /** 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 Only in edition 2021. */
  otherNoSupplement: ApplicantCounts;
  /** 3.其他 Only in edition 2021. */
  otherOther: ApplicantCounts;
  /** （二）部分公开（区分处理的，只计这一情形，不计其他情形） */
  partlyGranted: ApplicantCounts;
  /** （七）总计 */
  processedTotal: ApplicantCounts;
  /** （四）无法提供（各项之和） */
  unavailable: ApplicantCounts;
  /** 2.没有现成信息需要另行制作 */
  unavailableNeedsCreation: ApplicantCounts;
  /** 1.本机关不掌握相关政府信息 */
  unavailableNotHeld: ApplicantCounts;
  /** 3.补正后申请内容仍不明确 */
  unavailableUnclear: ApplicantCounts;
  /** （五）不予处理（各项之和） */
  unprocessed: ApplicantCounts;
  /** 5.要求行政机关确认或重新出具已获取信息 */
  unprocessedConfirmation: ApplicantCounts;
  /** 4.无正当理由大量反复申请 */
  unprocessedExcessive: ApplicantCounts;
  /** 1.信访举报投诉类申请 */
  unprocessedPetition: ApplicantCounts;
  /** 3.要求提供公开出版物 */
  unprocessedPublication: ApplicantCounts;
  /** 2.重复申请 */
  unprocessedRepeated: ApplicantCounts;
};

/** One recorded change or login: who, when, what, the revision or finding touched, before and after. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  actorId?: Maybe<Scalars['ID']['output']>;
  after?: Maybe<Scalars['String']['output']>;
  agencyId?: Maybe<Scalars['ID']['output']>;
  at: Scalars['String']['output'];
  /** JSON text. */
  before?: Maybe<Scalars['String']['output']>;
  detail?: Maybe<Scalars['String']['output']>;
  findingId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  reportId?: Maybe<Scalars['ID']['output']>;
  role: Scalars['String']['output'];
};

export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  nodes: Array<AuditEvent>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type AuditFilter = {
  /** LOGIN, LOGIN_FAILED, IMPORT, SAVE_DRAFT, SUBMIT, SUBMIT_DRAFT, RETURN, ACCEPT, PUBLISH, REVIEW_FINDING, CREATE_USER, DISABLE_USER, CREATE_API_TOKEN, REVOKE_API_TOKEN. */
  action?: InputMaybe<Scalars['String']['input']>;
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** ISO date or instant, inclusive. */
  from?: InputMaybe<Scalars['String']['input']>;
  /** Events of agencies (or accounts) anywhere in this region's subtree. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  reportId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};

export type CaseOutcomes = {
  __typename?: 'CaseOutcomes';
  /** 结果纠正 */
  corrected?: Maybe<Scalars['Float']['output']>;
  /** 其他结果 */
  other?: Maybe<Scalars['Float']['output']>;
  /** 尚未审结 */
  pending?: Maybe<Scalars['Float']['output']>;
  /** 总计 */
  total?: Maybe<Scalars['Float']['output']>;
  /** 结果维持 */
  upheld?: Maybe<Scalars['Float']['output']>;
};

/** One table cell. `value` is null for a blank cell (a blank is not a zero); `raw` is the text as published. */
export type Cell = {
  __typename?: 'Cell';
  column: Scalars['String']['output'];
  /** Exact decimal text of the value ("12.90" stays exact; the Float may not). */
  decimal?: Maybe<Scalars['String']['output']>;
  key: Scalars['String']['output'];
  raw?: Maybe<Scalars['String']['output']>;
  row: Scalars['String']['output'];
  /** Section, row and column labels of the template edition. */
  section: Scalars['Int']['output'];
  /** Where the figure was read in the source; null for derived cells and where it is not known. */
  source?: Maybe<CellSource>;
  value?: Maybe<Scalars['Float']['output']>;
};

/** One cell by key (docs/format.md); `value` is exact decimal text, null or absent for a blank. */
export type CellFigureInput = {
  key: Scalars['String']['input'];
  value?: InputMaybe<Scalars['String']['input']>;
};

/** A place in a source file (1-based): page and position for PDF, line for text, table, row and cell for HTML and DOCX. */
export type CellSource = {
  __typename?: 'CellSource';
  cell?: Maybe<Scalars['Int']['output']>;
  line?: Maybe<Scalars['Int']['output']>;
  page?: Maybe<Scalars['Int']['output']>;
  row?: Maybe<Scalars['Int']['output']>;
  table?: Maybe<Scalars['Int']['output']>;
  /** PDF points from the page's top-left corner. */
  x?: Maybe<Scalars['Float']['output']>;
  y?: Maybe<Scalars['Float']['output']>;
};

export type CompareBy =
  | 'AGENCY'
  | 'AGENCY_KIND'
  | 'CHILD_REGION';

export type ComparisonRow = {
  __typename?: 'ComparisonRow';
  agencyId?: Maybe<Scalars['ID']['output']>;
  agencyKind?: Maybe<AgencyKind>;
  label: Scalars['String']['output'];
  /** 1 = largest value of `orderBy`; equal values share a rank; blanks last. */
  rank: Scalars['Int']['output'];
  regionCode?: Maybe<Scalars['String']['output']>;
  reportCount: Scalars['Int']['output'];
  value?: Maybe<Scalars['Float']['output']>;
  values: Array<MetricValue>;
};


export type ComparisonRowValueArgs = {
  key: Scalars['String']['input'];
};

/** expected = onTime + late + missing + dateUnknown + pending. */
export type ComplianceCounts = {
  __typename?: 'ComplianceCounts';
  dateUnknown: Scalars['Int']['output'];
  expected: Scalars['Int']['output'];
  late: Scalars['Int']['output'];
  missing: Scalars['Int']['output'];
  onTime: Scalars['Int']['output'];
  pending: Scalars['Int']['output'];
};

export type ComplianceDeadlines = {
  __typename?: 'ComplianceDeadlines';
  /** The consolidated 本级政府 report. */
  consolidated: Scalars['String']['output'];
  /** Departments and other organs. */
  own: Scalars['String']['output'];
};

export type ComplianceRegionCounts = {
  __typename?: 'ComplianceRegionCounts';
  dateUnknown: Scalars['Int']['output'];
  /** True for the asked region's own agencies (本级, e.g. a city's departments); false for a child region's subtree. */
  direct: Scalars['Boolean']['output'];
  expected: Scalars['Int']['output'];
  late: Scalars['Int']['output'];
  missing: Scalars['Int']['output'];
  onTime: Scalars['Int']['output'];
  pending: Scalars['Int']['output'];
  region: Region;
};

export type ComplianceReport = {
  __typename?: 'ComplianceReport';
  /** Today in China Standard Time (yyyy-mm-dd): decides MISSING against PENDING. */
  asOf: Scalars['String']['output'];
  /** The asked region's own agencies first (direct), then every readable child region, zeros included; they sum to `totals`. */
  byRegion: Array<ComplianceRegionCounts>;
  /** The part of `region` the viewer may read: `region` itself unless the viewer is confined below it. */
  coveredRegion: Region;
  deadlines: ComplianceDeadlines;
  region: Region;
  /** Rows in agency id order, optionally of one status. */
  rows: ComplianceRowConnection;
  totals: ComplianceCounts;
  year: Scalars['Int']['output'];
};


export type ComplianceReportRowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ComplianceStatus>;
};

/** One agency expected to report (active, not exempt). */
export type ComplianceRow = {
  __typename?: 'ComplianceRow';
  agency: Agency;
  /** Days after the deadline; 0 when on time; null when there is no report or no date. */
  daysLate?: Maybe<Scalars['Int']['output']>;
  /** yyyy-mm-dd, the last day that is on time. */
  deadline: Scalars['String']['output'];
  /**
   * The date judged: the earliest publication date among the revisions of that report, so a
   * correction republished later does not turn an on-time report late. For DATE_UNKNOWN, what is stored.
   */
  publishedOn?: Maybe<Scalars['String']['output']>;
  report?: Maybe<Report>;
  /** The current revision. */
  reportId?: Maybe<Scalars['ID']['output']>;
  /**
   * Scope of the report judged. Governments owe the CONSOLIDATED report, every other organ its OWN;
   * a report filed under the other scope counts (with that scope's deadline) rather than reading as missing.
   */
  scope: ReportScope;
  status: ComplianceStatus;
};

export type ComplianceRowConnection = {
  __typename?: 'ComplianceRowConnection';
  nodes: Array<ComplianceRow>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
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

export type ConsolidationFinding = {
  __typename?: 'ConsolidationFinding';
  actual?: Maybe<Scalars['Float']['output']>;
  agencyId: Scalars['ID']['output'];
  agencyName: Scalars['String']['output'];
  expected?: Maybe<Scalars['Float']['output']>;
  key?: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  regionCode: Scalars['String']['output'];
  reportId: Scalars['ID']['output'];
  rule: Scalars['String']['output'];
  severity: Scalars['String']['output'];
  status: Scalars['String']['output'];
};

export type Count = {
  __typename?: 'Count';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
  label?: Maybe<Scalars['String']['output']>;
};

export type Decisions2021 = {
  __typename?: 'Decisions2021';
  /** 本年处理决定数量 */
  decisions?: Maybe<Scalars['Float']['output']>;
};

export type DocumentCounts2019 = {
  __typename?: 'DocumentCounts2019';
  /** 本年新制作数量 */
  made?: Maybe<Scalars['Float']['output']>;
  /** 本年新公开数量 */
  published?: Maybe<Scalars['Float']['output']>;
  /** 对外公开总数量 */
  total?: Maybe<Scalars['Float']['output']>;
};

export type DocumentCounts2021 = {
  __typename?: 'DocumentCounts2021';
  /** 现行有效件数 */
  inForce?: Maybe<Scalars['Float']['output']>;
  /** 本年制发件数 */
  issued?: Maybe<Scalars['Float']['output']>;
  /** 本年废止件数 */
  repealed?: Maybe<Scalars['Float']['output']>;
};

/** The template editions as data: what the parser, the checks and the dashboard read. */
export type Edition = {
  __typename?: 'Edition';
  fromYear: Scalars['Int']['output'];
  id: Scalars['String']['output'];
  /** Every cell key of the edition, derived keys included. */
  keys: Array<Scalars['String']['output']>;
  tables: Array<TemplateTable>;
  title: Scalars['String']['output'];
  toYear?: Maybe<Scalars['Int']['output']>;
};

export type Fees2021 = {
  __typename?: 'Fees2021';
  /** 本年收费金额（单位：万元） */
  amount?: Maybe<Scalars['Float']['output']>;
};

export type FilingResult = {
  __typename?: 'FilingResult';
  /** The checks' findings on the stored revision. */
  findings: Array<Finding>;
  report: Report;
};

/** A check's result on one report revision. */
export type Finding = {
  __typename?: 'Finding';
  actual?: Maybe<Scalars['Float']['output']>;
  cells: Array<FindingCell>;
  expected?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  /** In Chinese, naming rows and columns by their template labels. */
  message: Scalars['String']['output'];
  report: Report;
  review: FindingReview;
  reviewComment?: Maybe<Scalars['String']['output']>;
  reviewedAt?: Maybe<Scalars['String']['output']>;
  reviewedBy?: Maybe<Scalars['String']['output']>;
  rule: Scalars['String']['output'];
  severity: FindingSeverity;
  status: FindingStatus;
};

export type FindingCell = {
  __typename?: 'FindingCell';
  key: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

export type FindingFilter = {
  regionCode?: InputMaybe<Scalars['String']['input']>;
  review?: InputMaybe<FindingReview>;
  rule?: InputMaybe<Scalars['String']['input']>;
  severity?: InputMaybe<FindingSeverity>;
  status?: InputMaybe<FindingStatus>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type FindingList = {
  __typename?: 'FindingList';
  /** Counts by child region of the filter's region (by province when none). */
  byRegion: Array<Count>;
  byRule: Array<Count>;
  nodes: Array<Finding>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
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

export type ItemCounts2019 = {
  __typename?: 'ItemCounts2019';
  /** 本年增/减 */
  change?: Maybe<Scalars['Float']['output']>;
  /** 处理决定数量 */
  decisions?: Maybe<Scalars['Float']['output']>;
  /** 上一年项目数量 */
  prevItems?: Maybe<Scalars['Float']['output']>;
};

/** Section 四, by review and lawsuit kind. */
export type LawsuitTable = {
  __typename?: 'LawsuitTable';
  /** 行政诉讼·复议后起诉 */
  litigationAfterReview: CaseOutcomes;
  /** 行政诉讼·未经复议直接起诉 */
  litigationDirect: CaseOutcomes;
  /** 行政复议 */
  review: CaseOutcomes;
};

/** A short-lived signed token: send it as `Authorization: Bearer <token>`. */
export type LoginResult = {
  __typename?: 'LoginResult';
  /** ISO 8601 time after which the token is refused. */
  expiresAt: Scalars['String']['output'];
  token: Scalars['String']['output'];
};

/** A figure the roll-ups answer, with its formula and comparability across template editions. */
export type Metric = {
  __typename?: 'Metric';
  additive: Scalars['Boolean']['output'];
  comparableFrom: Scalars['Int']['output'];
  comparableUntil?: Maybe<Scalars['Int']['output']>;
  editions: Array<Scalars['String']['output']>;
  formula: Scalars['String']['output'];
  key: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  section: Scalars['Int']['output'];
  unit: Scalars['String']['output'];
};

export type MetricValue = {
  __typename?: 'MetricValue';
  key: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  _noop?: Maybe<Scalars['Boolean']['output']>;
  /** SUBMITTED → ACCEPTED, by a supervisor of the region. */
  acceptReport: Report;
  /** A long-lived token for scripts, acting as the signed-in account until revoked or expired. */
  createApiToken: NewApiToken;
  /** ADMIN only. */
  createUser: Account;
  /** ADMIN only: the account can no longer log in, and its tokens stop working. */
  disableUser: Account;
  /** A short-lived token for a name and password; a wrong name and a wrong password give the same UNAUTHENTICATED error. */
  login: LoginResult;
  /** Reads a file as submitReport would, runs the same checks, stores nothing: what the upload form shows. The same permission and the same errors as submitReport. */
  previewReport: ReportPreview;
  /** ACCEPTED → PUBLISHED, by a supervisor of the region: it enters the roll-ups now. */
  publishReport: Report;
  /** SUBMITTED → RETURNED, by a supervisor of the region: what to fix, and which findings of this revision. */
  returnReport: Report;
  /** Supervisors confirm or dismiss a finding (a dismissal needs a comment); who and when are kept. */
  reviewFinding: Finding;
  revokeApiToken: ApiToken;
  /** DRAFT → SUBMITTED, by the agency. */
  submitDraft: Report;
  /** The same with figures by cell key. */
  submitFigures: FilingResult;
  /** An agency (or an administrator) files a report as a file: SUBMITTED (or DRAFT), findings in the answer. */
  submitReport: FilingResult;
};


export type MutationAcceptReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateApiTokenArgs = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
};


export type MutationCreateUserArgs = {
  input: NewAccount;
};


export type MutationDisableUserArgs = {
  id: Scalars['ID']['input'];
};


export type MutationLoginArgs = {
  name: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationPreviewReportArgs = {
  input: PreviewReportInput;
};


export type MutationPublishReportArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReturnReportArgs = {
  comment: Scalars['String']['input'];
  findingIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  id: Scalars['ID']['input'];
};


export type MutationReviewFindingArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  decision: FindingReview;
  id: Scalars['ID']['input'];
};


export type MutationRevokeApiTokenArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubmitDraftArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubmitFiguresArgs = {
  input: SubmitFiguresInput;
};


export type MutationSubmitReportArgs = {
  input: SubmitReportInput;
};

export type Narrative = {
  __typename?: 'Narrative';
  heading: Scalars['String']['output'];
  section: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

/** The text of one section of the report (一 总体情况 … 六 其他需要报告的事项). */
export type NarrativeInput = {
  /** As printed ("一、总体情况"); the edition's own heading when absent. */
  heading?: InputMaybe<Scalars['String']['input']>;
  /** A section number of the edition (1 to 6). */
  section: Scalars['Int']['input'];
  text: Scalars['String']['input'];
};

export type NewAccount = {
  /** Required for AGENCY, refused for every other role. */
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  /** At least 12 characters; only its argon2id hash is kept. */
  password: Scalars['String']['input'];
  /** Required for SUPERVISOR (a city or county); optional for ANALYST; an AGENCY takes its agency's. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  role: AccountRole;
};

export type NewApiToken = {
  __typename?: 'NewApiToken';
  apiToken: ApiToken;
  /** The token itself, shown this once: send it as `Authorization: Bearer nbk_…`. */
  token: Scalars['String']['output'];
};

/** Keyset pagination: pass a connection's `pageInfo.endCursor` as `after` for the next page. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** One cell of the template as read from the file. */
export type PreviewCell = {
  __typename?: 'PreviewCell';
  key: Scalars['String']['output'];
  /** The cell text as published. */
  raw: Scalars['String']['output'];
  /** Where the figure was read; null where the source does not print the cell. */
  source?: Maybe<CellSource>;
  /** Exact decimal text ("12.90" stays "12.90"); null for a blank (a blank is not a zero). */
  value?: Maybe<Scalars['String']['output']>;
};

/** A check's result on the previewed file: what submitReport would store as a Finding. */
export type PreviewFinding = {
  __typename?: 'PreviewFinding';
  actual?: Maybe<Scalars['Float']['output']>;
  cells: Array<FindingCell>;
  expected?: Maybe<Scalars['Float']['output']>;
  /** In Chinese, naming rows and columns by their template labels. */
  message: Scalars['String']['output'];
  rule: Scalars['String']['output'];
  severity: FindingSeverity;
  status: FindingStatus;
};

export type PreviewReportInput = {
  agencyId: Scalars['ID']['input'];
  /** The file (text, HTML, DOCX, DOC/WPS or PDF), base64. */
  contentBase64: Scalars['String']['input'];
  fileName: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};

export type Procurement2019 = {
  __typename?: 'Procurement2019';
  /** 采购总金额（万元） */
  amount?: Maybe<Scalars['Float']['output']>;
  /** 采购项目数量 */
  items?: Maybe<Scalars['Float']['output']>;
};

export type Query = {
  __typename?: 'Query';
  _version: Scalars['String']['output'];
  agencies: AgencyConnection;
  agency?: Maybe<Agency>;
  aggregate: Array<AggregateRow>;
  /** The signed-in account's API tokens, revoked ones included. */
  apiTokens: Array<ApiToken>;
  /** Administrators: everything; supervisors: their region; an agency: its own events. */
  auditEvents: AuditEventConnection;
  compare: Array<ComparisonRow>;
  /** Which agencies of a region's subtree published their report for `year`, on time, late, or not at all. */
  compliance: ComplianceReport;
  edition?: Maybe<Edition>;
  editions: Array<Edition>;
  /** The agency whose form the viewer opens: FORBIDDEN unless the viewer may file for it (its own editor, or an administrator), as submitReport decides. */
  filingAgency: Agency;
  /** Findings on current report revisions. */
  findings: FindingList;
  /** The signed-in account; null for an anonymous reader. */
  me?: Maybe<Account>;
  metrics: Array<Metric>;
  region?: Maybe<Region>;
  /** Regions by level and/or parent; without arguments, the top-level regions loaded. */
  regions: Array<Region>;
  report?: Maybe<Report>;
  reports: ReportConnection;
  trend: Array<TrendSeries>;
  /** Every account (ADMIN only). */
  users: Array<Account>;
};


export type QueryAgenciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgencyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAgencyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAggregateArgs = {
  filter: AggregateFilter;
  groupBy: Array<AggregateDimension>;
  keys: Array<Scalars['String']['input']>;
};


export type QueryAuditEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryCompareArgs = {
  by: CompareBy;
  first?: InputMaybe<Scalars['Int']['input']>;
  keys: Array<Scalars['String']['input']>;
  orderBy?: InputMaybe<Scalars['String']['input']>;
  regionCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


export type QueryComplianceArgs = {
  regionCode: Scalars['String']['input'];
  year: Scalars['Int']['input'];
};


export type QueryEditionArgs = {
  id: Scalars['String']['input'];
};


export type QueryFilingAgencyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryFindingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<FindingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRegionArgs = {
  code: Scalars['String']['input'];
};


export type QueryRegionsArgs = {
  level?: InputMaybe<RegionLevel>;
  parentCode?: InputMaybe<Scalars['String']['input']>;
};


export type QueryReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryReportsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ReportFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTrendArgs = {
  fromYear: Scalars['Int']['input'];
  keys: Array<Scalars['String']['input']>;
  regionCode: Scalars['String']['input'];
  toYear: Scalars['Int']['input'];
};

/** An administrative region by its GB/T 2260 code (townships: 9-digit statistical code). */
export type Region = {
  __typename?: 'Region';
  /** Agencies anywhere in this region's subtree. */
  agencies: AgencyConnection;
  /** From the province down to the parent. */
  ancestors: Array<Region>;
  children: Array<Region>;
  code: Scalars['String']['output'];
  /** Each consolidated report in the subtree against the sum of its region's own reports. */
  consolidationCheck: Array<ConsolidationFinding>;
  level: RegionLevel;
  name: Scalars['String']['output'];
  parent?: Maybe<Region>;
  /** The region's 汇总 (summary report): Region.rollup(year)'s sums of its agencies' own published reports, laid into the official template of the edition in force that year; a key no agency reported stays blank. FORBIDDEN where Region.rollup is (a region the viewer reads only part of). HTML text, or a Word document as base64. */
  renderedRollup: Scalars['String']['output'];
  /** Published reports; `includeSubmitted` (a supervisor of the region or an administrator) adds each series' latest submitted or accepted revision. */
  rollup: Rollup;
};


/** An administrative region by its GB/T 2260 code (townships: 9-digit statistical code). */
export type RegionAgenciesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AgencyFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An administrative region by its GB/T 2260 code (townships: 9-digit statistical code). */
export type RegionConsolidationCheckArgs = {
  year: Scalars['Int']['input'];
};


/** An administrative region by its GB/T 2260 code (townships: 9-digit statistical code). */
export type RegionRenderedRollupArgs = {
  format: RenderFormat;
  year: Scalars['Int']['input'];
};


/** An administrative region by its GB/T 2260 code (townships: 9-digit statistical code). */
export type RegionRollupArgs = {
  includeSubmitted?: InputMaybe<Scalars['Boolean']['input']>;
  year: Scalars['Int']['input'];
};

export type RegionLevel =
  | 'CITY'
  | 'COUNTY'
  | 'PROVINCE'
  | 'TOWNSHIP';

export type RenderFormat =
  | 'DOCX'
  | 'HTML';

export type Report = {
  __typename?: 'Report';
  /** Section 二, typed by edition. */
  active: ActiveDisclosure;
  agency: Agency;
  /** Section 三. */
  applications: ApplicationTable;
  cell?: Maybe<Cell>;
  /** Cells in template order; `prefix` filters by key prefix, e.g. "applications.new". */
  cells: Array<Cell>;
  current: Scalars['Boolean']['output'];
  /** Template edition id ("2019", "2021", …; `editions` lists them). */
  edition: Scalars['String']['output'];
  findings: Array<Finding>;
  id: Scalars['ID']['output'];
  importedAt: Scalars['String']['output'];
  /** Section 四. */
  lawsuits: LawsuitTable;
  narrative?: Maybe<Scalars['String']['output']>;
  narratives: Array<Narrative>;
  /** Statistics period as stated in the report. */
  period?: Maybe<Scalars['String']['output']>;
  publishedOn?: Maybe<Scalars['String']['output']>;
  raw?: Maybe<Scalars['String']['output']>;
  /** Why this revision corrects the one before. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The report laid out in the official template of its edition, blanks as blank cells: an HTML page, or a Word document as base64. */
  rendered: Scalars['String']['output'];
  /** The supervisor's comment when returned. */
  returnComment?: Maybe<Scalars['String']['output']>;
  /** The findings the supervisor asked to be fixed. */
  returnedFindings: Array<Finding>;
  revision: Scalars['Int']['output'];
  /** Every revision of this agency's report for the year, oldest first. */
  revisions: Array<Report>;
  scope: ReportScope;
  sourceFormat: SourceFormat;
  sourceName: Scalars['String']['output'];
  /** The source as received; DOCX and PDF as their extracted text. */
  sourceText: Scalars['String']['output'];
  state: ReportState;
  title?: Maybe<Scalars['String']['output']>;
  /** A cell by key (docs/format.md), derived keys included; null when blank or not in this edition. */
  value?: Maybe<Scalars['Float']['output']>;
  year: Scalars['Int']['output'];
};


export type ReportCellArgs = {
  key: Scalars['String']['input'];
};


export type ReportCellsArgs = {
  prefix?: InputMaybe<Scalars['String']['input']>;
};


export type ReportFindingsArgs = {
  severity?: InputMaybe<FindingSeverity>;
  status?: InputMaybe<FindingStatus>;
};


export type ReportNarrativeArgs = {
  section: Scalars['Int']['input'];
};


export type ReportRawArgs = {
  key: Scalars['String']['input'];
};


export type ReportRenderedArgs = {
  format: RenderFormat;
};


export type ReportValueArgs = {
  key: Scalars['String']['input'];
};

export type ReportConnection = {
  __typename?: 'ReportConnection';
  nodes: Array<Report>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ReportFilter = {
  agencyId?: InputMaybe<Scalars['ID']['input']>;
  /** false lists superseded revisions too. */
  currentOnly?: InputMaybe<Scalars['Boolean']['input']>;
  edition?: InputMaybe<Scalars['String']['input']>;
  fromYear?: InputMaybe<Scalars['Int']['input']>;
  /** Agencies anywhere in this region's subtree. */
  regionCode?: InputMaybe<Scalars['String']['input']>;
  scope?: InputMaybe<ReportScope>;
  toYear?: InputMaybe<Scalars['Int']['input']>;
  year?: InputMaybe<Scalars['Int']['input']>;
};

export type ReportPreview = {
  __typename?: 'ReportPreview';
  /** Every cell of the edition, in template order (derived rows not included: they are sums of these). */
  cells: Array<PreviewCell>;
  /** Template edition id the tables were read as. */
  edition: Scalars['String']['output'];
  /** The checks submitReport runs, the carry-over from the agency's previous year included. */
  findings: Array<PreviewFinding>;
  narratives: Array<Narrative>;
  /** Statistics period as stated in the report. */
  period?: Maybe<Scalars['String']['output']>;
  publishedOn?: Maybe<Scalars['String']['output']>;
  sourceFormat: SourceFormat;
  /** The source as received; DOCX and PDF as their extracted text. */
  sourceText: Scalars['String']['output'];
  title?: Maybe<Scalars['String']['output']>;
  /** Things read but not mapped (said rather than dropped). */
  warnings: Array<Scalars['String']['output']>;
  /** The year it would be filed under (the one given). */
  year: Scalars['Int']['output'];
};

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

/**
 * Sums of the current OWN reports of a region's subtree (or of an agency with its branches and
 * subordinate agencies) for a year. Consolidated reports never enter. Rates are recomputed from the
 * sums (a ratio of sums, never a mean of rates). Keys: cell keys (docs/format.md), derived keys, rates —
 * see `metrics`.
 */
export type Rollup = {
  __typename?: 'Rollup';
  /** Active agencies in the subtree. */
  agencyCount: Scalars['Int']['output'];
  /** Active agencies not exempt from filing. */
  expectedCount: Scalars['Int']['output'];
  /** Reports summed. */
  reportCount: Scalars['Int']['output'];
  /** Null when every summed cell is blank (or, for a rate, when its denominator is zero). */
  value?: Maybe<Scalars['Float']['output']>;
  values: Array<MetricValue>;
  year: Scalars['Int']['output'];
};


/**
 * Sums of the current OWN reports of a region's subtree (or of an agency with its branches and
 * subordinate agencies) for a year. Consolidated reports never enter. Rates are recomputed from the
 * sums (a ratio of sums, never a mean of rates). Keys: cell keys (docs/format.md), derived keys, rates —
 * see `metrics`.
 */
export type RollupValueArgs = {
  key: Scalars['String']['input'];
};


/**
 * Sums of the current OWN reports of a region's subtree (or of an agency with its branches and
 * subordinate agencies) for a year. Consolidated reports never enter. Rates are recomputed from the
 * sums (a ratio of sums, never a mean of rates). Keys: cell keys (docs/format.md), derived keys, rates —
 * see `metrics`.
 */
export type RollupValuesArgs = {
  keys: Array<Scalars['String']['input']>;
};

export type SourceFormat =
  /** Legacy Word (.doc) and WPS files. */
  | 'DOC'
  | 'DOCX'
  | 'HTML'
  | 'PDF'
  | 'TEXT';

export type SubmitFiguresInput = {
  agencyId: Scalars['ID']['input'];
  /** The figures; every cell not given is blank (never zero). */
  cells: Array<CellFigureInput>;
  draft?: InputMaybe<Scalars['Boolean']['input']>;
  /** An edition id; the edition in force for the year when absent. */
  edition?: InputMaybe<Scalars['String']['input']>;
  /** The report's text sections, stored with the revision and checked against the tables; at most one per section. */
  narratives?: InputMaybe<Array<NarrativeInput>>;
  publishedOn?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The report's title ("XXX2024年政府信息公开工作年度报告"). */
  title?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type SubmitReportInput = {
  agencyId: Scalars['ID']['input'];
  /** The file (text, HTML, DOCX, DOC/WPS or PDF), base64. */
  contentBase64: Scalars['String']['input'];
  /** true: keep it as a DRAFT (the agency only) rather than submit it. */
  draft?: InputMaybe<Scalars['Boolean']['input']>;
  fileName: Scalars['String']['input'];
  /** The day the agency published the report on its own site (yyyy-mm-dd) when the file does not say; compliance judges by it. */
  publishedOn?: InputMaybe<Scalars['String']['input']>;
  /** Required when correcting a revision already filed. */
  reason?: InputMaybe<Scalars['String']['input']>;
  year: Scalars['Int']['input'];
};

export type TemplateBlock = {
  __typename?: 'TemplateBlock';
  caption?: Maybe<Scalars['String']['output']>;
  columns: Array<TemplateColumn>;
  rows: Array<TemplateLabel>;
};

export type TemplateColumn = {
  __typename?: 'TemplateColumn';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  unit: Scalars['String']['output'];
};

export type TemplateLabel = {
  __typename?: 'TemplateLabel';
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type TemplateTable = {
  __typename?: 'TemplateTable';
  blocks: Array<TemplateBlock>;
  heading: Scalars['String']['output'];
  id: Scalars['String']['output'];
  section: Scalars['Int']['output'];
};

export type TrendPoint = {
  __typename?: 'TrendPoint';
  /** Change from the year before; null when either is blank or the change is not like-for-like. */
  change?: Maybe<Scalars['Float']['output']>;
  changeRatio?: Maybe<Scalars['Float']['output']>;
  /** False when the template changed the figure's meaning between the previous year and this one. */
  comparable: Scalars['Boolean']['output'];
  edition: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
  year: Scalars['Int']['output'];
};

export type TrendSeries = {
  __typename?: 'TrendSeries';
  /** Years whose change from the year before is not comparable. */
  breaks: Array<Scalars['Int']['output']>;
  /** True when every year-over-year change in the range is like-for-like. */
  comparable: Scalars['Boolean']['output'];
  comparableFrom: Scalars['Int']['output'];
  comparableUntil?: Maybe<Scalars['Int']['output']>;
  key: Scalars['String']['output'];
  points: Array<TrendPoint>;
  unit: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  ActiveDisclosure:
    | ( ActiveDisclosure2019 )
    | ( ActiveDisclosure2021 )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Account: ResolverTypeWrapper<Omit<Account, 'agency' | 'region'> & { agency?: Maybe<ResolversTypes['Agency']>, region?: Maybe<ResolversTypes['Region']> }>;
  AccountRole: AccountRole;
  ActiveDisclosure: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['ActiveDisclosure']>;
  ActiveDisclosure2019: ResolverTypeWrapper<ActiveDisclosure2019>;
  ActiveDisclosure2021: ResolverTypeWrapper<ActiveDisclosure2021>;
  Agency: ResolverTypeWrapper<AgencyEntity>;
  AgencyConnection: ResolverTypeWrapper<Omit<AgencyConnection, 'nodes'> & { nodes: Array<ResolversTypes['Agency']> }>;
  AgencyFilter: AgencyFilter;
  AgencyKind: AgencyKind;
  AggregateDimension: AggregateDimension;
  AggregateFilter: AggregateFilter;
  AggregateRow: ResolverTypeWrapper<AggregateResultRow>;
  ApiToken: ResolverTypeWrapper<ApiToken>;
  ApplicantCounts: ResolverTypeWrapper<ApplicantCounts>;
  ApplicationTable: ResolverTypeWrapper<ApplicationTable>;
  AuditEvent: ResolverTypeWrapper<AuditEvent>;
  AuditEventConnection: ResolverTypeWrapper<AuditEventConnection>;
  AuditFilter: AuditFilter;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CaseOutcomes: ResolverTypeWrapper<CaseOutcomes>;
  Cell: ResolverTypeWrapper<Cell>;
  CellFigureInput: CellFigureInput;
  CellSource: ResolverTypeWrapper<CellSource>;
  CompareBy: CompareBy;
  ComparisonRow: ResolverTypeWrapper<ComparisonRowResult>;
  ComplianceCounts: ResolverTypeWrapper<ComplianceCounts>;
  ComplianceDeadlines: ResolverTypeWrapper<ComplianceDeadlines>;
  ComplianceRegionCounts: ResolverTypeWrapper<Omit<ComplianceRegionCounts, 'region'> & { region: ResolversTypes['Region'] }>;
  ComplianceReport: ResolverTypeWrapper<ComplianceResult>;
  ComplianceRow: ResolverTypeWrapper<ComplianceRowResult>;
  ComplianceRowConnection: ResolverTypeWrapper<Omit<ComplianceRowConnection, 'nodes'> & { nodes: Array<ResolversTypes['ComplianceRow']> }>;
  ComplianceStatus: ComplianceStatus;
  ConsolidationFinding: ResolverTypeWrapper<ConsolidationFindingResult>;
  Count: ResolverTypeWrapper<Count>;
  Decisions2021: ResolverTypeWrapper<Decisions2021>;
  DocumentCounts2019: ResolverTypeWrapper<DocumentCounts2019>;
  DocumentCounts2021: ResolverTypeWrapper<DocumentCounts2021>;
  Edition: ResolverTypeWrapper<EditionDef>;
  Fees2021: ResolverTypeWrapper<Fees2021>;
  FilingResult: ResolverTypeWrapper<Omit<FilingResult, 'findings' | 'report'> & { findings: Array<ResolversTypes['Finding']>, report: ResolversTypes['Report'] }>;
  Finding: ResolverTypeWrapper<FindingEntity>;
  FindingCell: ResolverTypeWrapper<FindingCell>;
  FindingFilter: FindingFilter;
  FindingList: ResolverTypeWrapper<Omit<FindingList, 'nodes'> & { nodes: Array<ResolversTypes['Finding']> }>;
  FindingReview: FindingReview;
  FindingSeverity: FindingSeverity;
  FindingStatus: FindingStatus;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ItemCounts2019: ResolverTypeWrapper<ItemCounts2019>;
  LawsuitTable: ResolverTypeWrapper<LawsuitTable>;
  LoginResult: ResolverTypeWrapper<LoginResult>;
  Metric: ResolverTypeWrapper<MetricDef>;
  MetricValue: ResolverTypeWrapper<MetricValue>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Narrative: ResolverTypeWrapper<Narrative>;
  NarrativeInput: NarrativeInput;
  NewAccount: NewAccount;
  NewApiToken: ResolverTypeWrapper<NewApiToken>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PreviewCell: ResolverTypeWrapper<PreviewCell>;
  PreviewFinding: ResolverTypeWrapper<CheckFinding>;
  PreviewReportInput: PreviewReportInput;
  Procurement2019: ResolverTypeWrapper<Procurement2019>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Region: ResolverTypeWrapper<RegionEntity>;
  RegionLevel: RegionLevel;
  RenderFormat: RenderFormat;
  Report: ResolverTypeWrapper<ReportEntity>;
  ReportConnection: ResolverTypeWrapper<Omit<ReportConnection, 'nodes'> & { nodes: Array<ResolversTypes['Report']> }>;
  ReportFilter: ReportFilter;
  ReportPreview: ResolverTypeWrapper<ReportPreviewResult>;
  ReportScope: ReportScope;
  ReportState: ReportState;
  Rollup: ResolverTypeWrapper<RollupTarget>;
  SourceFormat: SourceFormat;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubmitFiguresInput: SubmitFiguresInput;
  SubmitReportInput: SubmitReportInput;
  TemplateBlock: ResolverTypeWrapper<TemplateBlock>;
  TemplateColumn: ResolverTypeWrapper<TemplateColumn>;
  TemplateLabel: ResolverTypeWrapper<TemplateLabel>;
  TemplateTable: ResolverTypeWrapper<TableDef>;
  TrendPoint: ResolverTypeWrapper<TrendPoint>;
  TrendSeries: ResolverTypeWrapper<TrendSeries>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Account: Omit<Account, 'agency' | 'region'> & { agency?: Maybe<ResolversParentTypes['Agency']>, region?: Maybe<ResolversParentTypes['Region']> };
  ActiveDisclosure: ResolversUnionTypes<ResolversParentTypes>['ActiveDisclosure'];
  ActiveDisclosure2019: ActiveDisclosure2019;
  ActiveDisclosure2021: ActiveDisclosure2021;
  Agency: AgencyEntity;
  AgencyConnection: Omit<AgencyConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Agency']> };
  AgencyFilter: AgencyFilter;
  AggregateFilter: AggregateFilter;
  AggregateRow: AggregateResultRow;
  ApiToken: ApiToken;
  ApplicantCounts: ApplicantCounts;
  ApplicationTable: ApplicationTable;
  AuditEvent: AuditEvent;
  AuditEventConnection: AuditEventConnection;
  AuditFilter: AuditFilter;
  Boolean: Scalars['Boolean']['output'];
  CaseOutcomes: CaseOutcomes;
  Cell: Cell;
  CellFigureInput: CellFigureInput;
  CellSource: CellSource;
  ComparisonRow: ComparisonRowResult;
  ComplianceCounts: ComplianceCounts;
  ComplianceDeadlines: ComplianceDeadlines;
  ComplianceRegionCounts: Omit<ComplianceRegionCounts, 'region'> & { region: ResolversParentTypes['Region'] };
  ComplianceReport: ComplianceResult;
  ComplianceRow: ComplianceRowResult;
  ComplianceRowConnection: Omit<ComplianceRowConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['ComplianceRow']> };
  ConsolidationFinding: ConsolidationFindingResult;
  Count: Count;
  Decisions2021: Decisions2021;
  DocumentCounts2019: DocumentCounts2019;
  DocumentCounts2021: DocumentCounts2021;
  Edition: EditionDef;
  Fees2021: Fees2021;
  FilingResult: Omit<FilingResult, 'findings' | 'report'> & { findings: Array<ResolversParentTypes['Finding']>, report: ResolversParentTypes['Report'] };
  Finding: FindingEntity;
  FindingCell: FindingCell;
  FindingFilter: FindingFilter;
  FindingList: Omit<FindingList, 'nodes'> & { nodes: Array<ResolversParentTypes['Finding']> };
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  ItemCounts2019: ItemCounts2019;
  LawsuitTable: LawsuitTable;
  LoginResult: LoginResult;
  Metric: MetricDef;
  MetricValue: MetricValue;
  Mutation: Record<PropertyKey, never>;
  Narrative: Narrative;
  NarrativeInput: NarrativeInput;
  NewAccount: NewAccount;
  NewApiToken: NewApiToken;
  PageInfo: PageInfo;
  PreviewCell: PreviewCell;
  PreviewFinding: CheckFinding;
  PreviewReportInput: PreviewReportInput;
  Procurement2019: Procurement2019;
  Query: Record<PropertyKey, never>;
  Region: RegionEntity;
  Report: ReportEntity;
  ReportConnection: Omit<ReportConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Report']> };
  ReportFilter: ReportFilter;
  ReportPreview: ReportPreviewResult;
  Rollup: RollupTarget;
  String: Scalars['String']['output'];
  SubmitFiguresInput: SubmitFiguresInput;
  SubmitReportInput: SubmitReportInput;
  TemplateBlock: TemplateBlock;
  TemplateColumn: TemplateColumn;
  TemplateLabel: TemplateLabel;
  TemplateTable: TableDef;
  TrendPoint: TrendPoint;
  TrendSeries: TrendSeries;
};

export type FileNameDirectiveArgs = { };

export type FileNameDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = FileNameDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type MaxLengthDirectiveArgs = {
  column?: Maybe<Scalars['String']['input']>;
  n: Scalars['Int']['input'];
};

export type MaxLengthDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = MaxLengthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type RegionCodeDirectiveArgs = { };

export type RegionCodeDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = RegionCodeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type YearDirectiveArgs = { };

export type YearDirectiveResolver<Result, Parent, ContextType = RequestContext, Args = YearDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Account'] = ResolversParentTypes['Account']> = {
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  agencyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  disabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['AccountRole'], ParentType, ContextType>;
};

export type ActiveDisclosureResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ActiveDisclosure'] = ResolversParentTypes['ActiveDisclosure']> = {
  __resolveType: TypeResolveFn<'ActiveDisclosure2019' | 'ActiveDisclosure2021', ParentType, ContextType>;
};

export type ActiveDisclosure2019Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ActiveDisclosure2019'] = ResolversParentTypes['ActiveDisclosure2019']> = {
  coercion?: Resolver<ResolversTypes['ItemCounts2019'], ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['ItemCounts2019'], ParentType, ContextType>;
  licensing?: Resolver<ResolversTypes['ItemCounts2019'], ParentType, ContextType>;
  normative?: Resolver<ResolversTypes['DocumentCounts2019'], ParentType, ContextType>;
  otherServices?: Resolver<ResolversTypes['ItemCounts2019'], ParentType, ContextType>;
  penalty?: Resolver<ResolversTypes['ItemCounts2019'], ParentType, ContextType>;
  procurement?: Resolver<ResolversTypes['Procurement2019'], ParentType, ContextType>;
  regulations?: Resolver<ResolversTypes['DocumentCounts2019'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ActiveDisclosure2021Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ActiveDisclosure2021'] = ResolversParentTypes['ActiveDisclosure2021']> = {
  coercion?: Resolver<ResolversTypes['Decisions2021'], ParentType, ContextType>;
  fees?: Resolver<ResolversTypes['Fees2021'], ParentType, ContextType>;
  licensing?: Resolver<ResolversTypes['Decisions2021'], ParentType, ContextType>;
  normative?: Resolver<ResolversTypes['DocumentCounts2021'], ParentType, ContextType>;
  penalty?: Resolver<ResolversTypes['Decisions2021'], ParentType, ContextType>;
  regulations?: Resolver<ResolversTypes['DocumentCounts2021'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type AgencyResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Agency'] = ResolversParentTypes['Agency']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  branches?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  exempt?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AgencyKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<AgencyReportArgs, 'year'>>;
  reports?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType>;
  rollup?: Resolver<ResolversTypes['Rollup'], ParentType, ContextType, RequireFields<AgencyRollupArgs, 'year'>>;
};

export type AgencyConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AgencyConnection'] = ResolversParentTypes['AgencyConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Agency']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AggregateRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AggregateRow'] = ResolversParentTypes['AggregateRow']> = {
  agencyKind?: Resolver<Maybe<ResolversTypes['AgencyKind']>, ParentType, ContextType>;
  edition?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  regionName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, RequireFields<AggregateRowValueArgs, 'key'>>;
  values?: Resolver<Array<ResolversTypes['MetricValue']>, ParentType, ContextType>;
  year?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ApiTokenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  createdAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApplicantCountsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApplicantCounts'] = ResolversParentTypes['ApplicantCounts']> = {
  business?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  legalService?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  naturalPerson?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  otherOrg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  research?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  socialOrg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ApplicationTableResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ApplicationTable'] = ResolversParentTypes['ApplicationTable']> = {
  carriedForward?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  carriedOver?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  denied?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedEnforcement?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedInternal?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedProcess?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedProhibited?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedQuery?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedSecurity?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedStateSecret?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  deniedThirdParty?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  granted?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  new?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  other?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  otherAll?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  otherNoFee?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  otherNoSupplement?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  otherOther?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  partlyGranted?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  processedTotal?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unavailable?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unavailableNeedsCreation?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unavailableNotHeld?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unavailableUnclear?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unprocessed?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unprocessedConfirmation?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unprocessedExcessive?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unprocessedPetition?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unprocessedPublication?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
  unprocessedRepeated?: Resolver<ResolversTypes['ApplicantCounts'], ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  agencyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  at?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  detail?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findingId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reportId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CaseOutcomesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CaseOutcomes'] = ResolversParentTypes['CaseOutcomes']> = {
  corrected?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  other?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pending?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  upheld?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CellResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Cell'] = ResolversParentTypes['Cell']> = {
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decimal?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raw?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  row?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['CellSource']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CellSourceResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['CellSource'] = ResolversParentTypes['CellSource']> = {
  cell?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  line?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  page?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  row?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  table?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  x?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  y?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ComparisonRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComparisonRow'] = ResolversParentTypes['ComparisonRow']> = {
  agencyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  agencyKind?: Resolver<Maybe<ResolversTypes['AgencyKind']>, ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  regionCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reportCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, RequireFields<ComparisonRowValueArgs, 'key'>>;
  values?: Resolver<Array<ResolversTypes['MetricValue']>, ParentType, ContextType>;
};

export type ComplianceCountsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComplianceCounts'] = ResolversParentTypes['ComplianceCounts']> = {
  dateUnknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ComplianceDeadlinesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComplianceDeadlines'] = ResolversParentTypes['ComplianceDeadlines']> = {
  consolidated?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  own?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ComplianceRegionCountsResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComplianceRegionCounts'] = ResolversParentTypes['ComplianceRegionCounts']> = {
  dateUnknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  direct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
};

export type ComplianceReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComplianceReport'] = ResolversParentTypes['ComplianceReport']> = {
  asOf?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  byRegion?: Resolver<Array<ResolversTypes['ComplianceRegionCounts']>, ParentType, ContextType>;
  coveredRegion?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  deadlines?: Resolver<ResolversTypes['ComplianceDeadlines'], ParentType, ContextType>;
  region?: Resolver<ResolversTypes['Region'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['ComplianceRowConnection'], ParentType, ContextType, RequireFields<ComplianceReportRowsArgs, 'first'>>;
  totals?: Resolver<ResolversTypes['ComplianceCounts'], ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ComplianceRowResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComplianceRow'] = ResolversParentTypes['ComplianceRow']> = {
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  daysLate?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['Report']>, ParentType, ContextType>;
  reportId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ReportScope'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ComplianceStatus'], ParentType, ContextType>;
};

export type ComplianceRowConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ComplianceRowConnection'] = ResolversParentTypes['ComplianceRowConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ComplianceRow']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConsolidationFindingResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ConsolidationFinding'] = ResolversParentTypes['ConsolidationFinding']> = {
  actual?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  agencyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  agencyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expected?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  regionCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reportId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CountResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Count'] = ResolversParentTypes['Count']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type Decisions2021Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Decisions2021'] = ResolversParentTypes['Decisions2021']> = {
  decisions?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type DocumentCounts2019Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DocumentCounts2019'] = ResolversParentTypes['DocumentCounts2019']> = {
  made?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  published?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type DocumentCounts2021Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['DocumentCounts2021'] = ResolversParentTypes['DocumentCounts2021']> = {
  inForce?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  issued?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  repealed?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type EditionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Edition'] = ResolversParentTypes['Edition']> = {
  fromYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tables?: Resolver<Array<ResolversTypes['TemplateTable']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type Fees2021Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Fees2021'] = ResolversParentTypes['Fees2021']> = {
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type FilingResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FilingResult'] = ResolversParentTypes['FilingResult']> = {
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  report?: Resolver<ResolversTypes['Report'], ParentType, ContextType>;
};

export type FindingResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding']> = {
  actual?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['FindingCell']>, ParentType, ContextType>;
  expected?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  report?: Resolver<ResolversTypes['Report'], ParentType, ContextType>;
  review?: Resolver<ResolversTypes['FindingReview'], ParentType, ContextType>;
  reviewComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['FindingSeverity'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FindingStatus'], ParentType, ContextType>;
};

export type FindingCellResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FindingCell'] = ResolversParentTypes['FindingCell']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type FindingListResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['FindingList'] = ResolversParentTypes['FindingList']> = {
  byRegion?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  byRule?: Resolver<Array<ResolversTypes['Count']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ItemCounts2019Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ItemCounts2019'] = ResolversParentTypes['ItemCounts2019']> = {
  change?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  decisions?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  prevItems?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type LawsuitTableResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LawsuitTable'] = ResolversParentTypes['LawsuitTable']> = {
  litigationAfterReview?: Resolver<ResolversTypes['CaseOutcomes'], ParentType, ContextType>;
  litigationDirect?: Resolver<ResolversTypes['CaseOutcomes'], ParentType, ContextType>;
  review?: Resolver<ResolversTypes['CaseOutcomes'], ParentType, ContextType>;
};

export type LoginResultResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['LoginResult'] = ResolversParentTypes['LoginResult']> = {
  expiresAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MetricResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Metric'] = ResolversParentTypes['Metric']> = {
  additive?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  comparableFrom?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comparableUntil?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  editions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  formula?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MetricValueResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['MetricValue'] = ResolversParentTypes['MetricValue']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  _noop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  acceptReport?: Resolver<ResolversTypes['Report'], ParentType, ContextType, RequireFields<MutationAcceptReportArgs, 'id'>>;
  createApiToken?: Resolver<ResolversTypes['NewApiToken'], ParentType, ContextType, RequireFields<MutationCreateApiTokenArgs, 'name'>>;
  createUser?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  disableUser?: Resolver<ResolversTypes['Account'], ParentType, ContextType, RequireFields<MutationDisableUserArgs, 'id'>>;
  login?: Resolver<ResolversTypes['LoginResult'], ParentType, ContextType, RequireFields<MutationLoginArgs, 'name' | 'password'>>;
  previewReport?: Resolver<ResolversTypes['ReportPreview'], ParentType, ContextType, RequireFields<MutationPreviewReportArgs, 'input'>>;
  publishReport?: Resolver<ResolversTypes['Report'], ParentType, ContextType, RequireFields<MutationPublishReportArgs, 'id'>>;
  returnReport?: Resolver<ResolversTypes['Report'], ParentType, ContextType, RequireFields<MutationReturnReportArgs, 'comment' | 'id'>>;
  reviewFinding?: Resolver<ResolversTypes['Finding'], ParentType, ContextType, RequireFields<MutationReviewFindingArgs, 'decision' | 'id'>>;
  revokeApiToken?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType, RequireFields<MutationRevokeApiTokenArgs, 'id'>>;
  submitDraft?: Resolver<ResolversTypes['Report'], ParentType, ContextType, RequireFields<MutationSubmitDraftArgs, 'id'>>;
  submitFigures?: Resolver<ResolversTypes['FilingResult'], ParentType, ContextType, RequireFields<MutationSubmitFiguresArgs, 'input'>>;
  submitReport?: Resolver<ResolversTypes['FilingResult'], ParentType, ContextType, RequireFields<MutationSubmitReportArgs, 'input'>>;
};

export type NarrativeResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Narrative'] = ResolversParentTypes['Narrative']> = {
  heading?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NewApiTokenResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['NewApiToken'] = ResolversParentTypes['NewApiToken']> = {
  apiToken?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PreviewCellResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PreviewCell'] = ResolversParentTypes['PreviewCell']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raw?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['CellSource']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PreviewFindingResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['PreviewFinding'] = ResolversParentTypes['PreviewFinding']> = {
  actual?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['FindingCell']>, ParentType, ContextType>;
  expected?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['FindingSeverity'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FindingStatus'], ParentType, ContextType>;
};

export type Procurement2019Resolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Procurement2019'] = ResolversParentTypes['Procurement2019']> = {
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  items?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  _version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  agencies?: Resolver<ResolversTypes['AgencyConnection'], ParentType, ContextType, RequireFields<QueryAgenciesArgs, 'first'>>;
  agency?: Resolver<Maybe<ResolversTypes['Agency']>, ParentType, ContextType, RequireFields<QueryAgencyArgs, 'id'>>;
  aggregate?: Resolver<Array<ResolversTypes['AggregateRow']>, ParentType, ContextType, RequireFields<QueryAggregateArgs, 'filter' | 'groupBy' | 'keys'>>;
  apiTokens?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  auditEvents?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, RequireFields<QueryAuditEventsArgs, 'first'>>;
  compare?: Resolver<Array<ResolversTypes['ComparisonRow']>, ParentType, ContextType, RequireFields<QueryCompareArgs, 'by' | 'keys' | 'regionCode' | 'year'>>;
  compliance?: Resolver<ResolversTypes['ComplianceReport'], ParentType, ContextType, RequireFields<QueryComplianceArgs, 'regionCode' | 'year'>>;
  edition?: Resolver<Maybe<ResolversTypes['Edition']>, ParentType, ContextType, RequireFields<QueryEditionArgs, 'id'>>;
  editions?: Resolver<Array<ResolversTypes['Edition']>, ParentType, ContextType>;
  filingAgency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType, RequireFields<QueryFilingAgencyArgs, 'id'>>;
  findings?: Resolver<ResolversTypes['FindingList'], ParentType, ContextType, RequireFields<QueryFindingsArgs, 'first'>>;
  me?: Resolver<Maybe<ResolversTypes['Account']>, ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['Metric']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType, RequireFields<QueryRegionArgs, 'code'>>;
  regions?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType, Partial<QueryRegionsArgs>>;
  report?: Resolver<Maybe<ResolversTypes['Report']>, ParentType, ContextType, RequireFields<QueryReportArgs, 'id'>>;
  reports?: Resolver<ResolversTypes['ReportConnection'], ParentType, ContextType, RequireFields<QueryReportsArgs, 'first'>>;
  trend?: Resolver<Array<ResolversTypes['TrendSeries']>, ParentType, ContextType, RequireFields<QueryTrendArgs, 'fromYear' | 'keys' | 'regionCode' | 'toYear'>>;
  users?: Resolver<Array<ResolversTypes['Account']>, ParentType, ContextType>;
};

export type RegionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Region'] = ResolversParentTypes['Region']> = {
  agencies?: Resolver<ResolversTypes['AgencyConnection'], ParentType, ContextType, RequireFields<RegionAgenciesArgs, 'first'>>;
  ancestors?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Region']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  consolidationCheck?: Resolver<Array<ResolversTypes['ConsolidationFinding']>, ParentType, ContextType, RequireFields<RegionConsolidationCheckArgs, 'year'>>;
  level?: Resolver<ResolversTypes['RegionLevel'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Region']>, ParentType, ContextType>;
  renderedRollup?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<RegionRenderedRollupArgs, 'format' | 'year'>>;
  rollup?: Resolver<ResolversTypes['Rollup'], ParentType, ContextType, RequireFields<RegionRollupArgs, 'includeSubmitted' | 'year'>>;
};

export type ReportResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Report'] = ResolversParentTypes['Report']> = {
  active?: Resolver<ResolversTypes['ActiveDisclosure'], ParentType, ContextType>;
  agency?: Resolver<ResolversTypes['Agency'], ParentType, ContextType>;
  applications?: Resolver<ResolversTypes['ApplicationTable'], ParentType, ContextType>;
  cell?: Resolver<Maybe<ResolversTypes['Cell']>, ParentType, ContextType, RequireFields<ReportCellArgs, 'key'>>;
  cells?: Resolver<Array<ResolversTypes['Cell']>, ParentType, ContextType, Partial<ReportCellsArgs>>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType, Partial<ReportFindingsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lawsuits?: Resolver<ResolversTypes['LawsuitTable'], ParentType, ContextType>;
  narrative?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<ReportNarrativeArgs, 'section'>>;
  narratives?: Resolver<Array<ResolversTypes['Narrative']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  raw?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, RequireFields<ReportRawArgs, 'key'>>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rendered?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ReportRenderedArgs, 'format'>>;
  returnComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  returnedFindings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
  revision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  revisions?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['ReportScope'], ParentType, ContextType>;
  sourceFormat?: Resolver<ResolversTypes['SourceFormat'], ParentType, ContextType>;
  sourceName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReportState'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, RequireFields<ReportValueArgs, 'key'>>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReportConnectionResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReportConnection'] = ResolversParentTypes['ReportConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Report']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReportPreviewResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['ReportPreview'] = ResolversParentTypes['ReportPreview']> = {
  cells?: Resolver<Array<ResolversTypes['PreviewCell']>, ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['PreviewFinding']>, ParentType, ContextType>;
  narratives?: Resolver<Array<ResolversTypes['Narrative']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceFormat?: Resolver<ResolversTypes['SourceFormat'], ParentType, ContextType>;
  sourceText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RollupResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['Rollup'] = ResolversParentTypes['Rollup']> = {
  agencyCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expectedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType, RequireFields<RollupValueArgs, 'key'>>;
  values?: Resolver<Array<ResolversTypes['MetricValue']>, ParentType, ContextType, RequireFields<RollupValuesArgs, 'keys'>>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TemplateBlockResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TemplateBlock'] = ResolversParentTypes['TemplateBlock']> = {
  caption?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  columns?: Resolver<Array<ResolversTypes['TemplateColumn']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['TemplateLabel']>, ParentType, ContextType>;
};

export type TemplateColumnResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TemplateColumn'] = ResolversParentTypes['TemplateColumn']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TemplateLabelResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TemplateLabel'] = ResolversParentTypes['TemplateLabel']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TemplateTableResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TemplateTable'] = ResolversParentTypes['TemplateTable']> = {
  blocks?: Resolver<Array<ResolversTypes['TemplateBlock']>, ParentType, ContextType>;
  heading?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrendPointResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrendPoint'] = ResolversParentTypes['TrendPoint']> = {
  change?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  changeRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  comparable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  year?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TrendSeriesResolvers<ContextType = RequestContext, ParentType extends ResolversParentTypes['TrendSeries'] = ResolversParentTypes['TrendSeries']> = {
  breaks?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  comparable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  comparableFrom?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comparableUntil?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['TrendPoint']>, ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = RequestContext> = {
  Account?: AccountResolvers<ContextType>;
  ActiveDisclosure?: ActiveDisclosureResolvers<ContextType>;
  ActiveDisclosure2019?: ActiveDisclosure2019Resolvers<ContextType>;
  ActiveDisclosure2021?: ActiveDisclosure2021Resolvers<ContextType>;
  Agency?: AgencyResolvers<ContextType>;
  AgencyConnection?: AgencyConnectionResolvers<ContextType>;
  AggregateRow?: AggregateRowResolvers<ContextType>;
  ApiToken?: ApiTokenResolvers<ContextType>;
  ApplicantCounts?: ApplicantCountsResolvers<ContextType>;
  ApplicationTable?: ApplicationTableResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  CaseOutcomes?: CaseOutcomesResolvers<ContextType>;
  Cell?: CellResolvers<ContextType>;
  CellSource?: CellSourceResolvers<ContextType>;
  ComparisonRow?: ComparisonRowResolvers<ContextType>;
  ComplianceCounts?: ComplianceCountsResolvers<ContextType>;
  ComplianceDeadlines?: ComplianceDeadlinesResolvers<ContextType>;
  ComplianceRegionCounts?: ComplianceRegionCountsResolvers<ContextType>;
  ComplianceReport?: ComplianceReportResolvers<ContextType>;
  ComplianceRow?: ComplianceRowResolvers<ContextType>;
  ComplianceRowConnection?: ComplianceRowConnectionResolvers<ContextType>;
  ConsolidationFinding?: ConsolidationFindingResolvers<ContextType>;
  Count?: CountResolvers<ContextType>;
  Decisions2021?: Decisions2021Resolvers<ContextType>;
  DocumentCounts2019?: DocumentCounts2019Resolvers<ContextType>;
  DocumentCounts2021?: DocumentCounts2021Resolvers<ContextType>;
  Edition?: EditionResolvers<ContextType>;
  Fees2021?: Fees2021Resolvers<ContextType>;
  FilingResult?: FilingResultResolvers<ContextType>;
  Finding?: FindingResolvers<ContextType>;
  FindingCell?: FindingCellResolvers<ContextType>;
  FindingList?: FindingListResolvers<ContextType>;
  ItemCounts2019?: ItemCounts2019Resolvers<ContextType>;
  LawsuitTable?: LawsuitTableResolvers<ContextType>;
  LoginResult?: LoginResultResolvers<ContextType>;
  Metric?: MetricResolvers<ContextType>;
  MetricValue?: MetricValueResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Narrative?: NarrativeResolvers<ContextType>;
  NewApiToken?: NewApiTokenResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PreviewCell?: PreviewCellResolvers<ContextType>;
  PreviewFinding?: PreviewFindingResolvers<ContextType>;
  Procurement2019?: Procurement2019Resolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Region?: RegionResolvers<ContextType>;
  Report?: ReportResolvers<ContextType>;
  ReportConnection?: ReportConnectionResolvers<ContextType>;
  ReportPreview?: ReportPreviewResolvers<ContextType>;
  Rollup?: RollupResolvers<ContextType>;
  TemplateBlock?: TemplateBlockResolvers<ContextType>;
  TemplateColumn?: TemplateColumnResolvers<ContextType>;
  TemplateLabel?: TemplateLabelResolvers<ContextType>;
  TemplateTable?: TemplateTableResolvers<ContextType>;
  TrendPoint?: TrendPointResolvers<ContextType>;
  TrendSeries?: TrendSeriesResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = RequestContext> = {
  fileName?: FileNameDirectiveResolver<any, any, ContextType>;
  maxLength?: MaxLengthDirectiveResolver<any, any, ContextType>;
  regionCode?: RegionCodeDirectiveResolver<any, any, ContextType>;
  year?: YearDirectiveResolver<any, any, ContextType>;
};
