// The dashboard's operations: public API only, each priced under the limits of README "Limits".
const ROLLUP = `reportCount expectedCount values(keys: $keys) { key value }`;
const OPEN = (sev: string, y: string) =>
  `${sev.toLowerCase()}${y}: findings(filter: { regionCode: $code, year: $${y}, severity: ${sev}, status: FAILED, review: OPEN }, first: 0) { totalCount }`;

export const OVERVIEW = `query Overview($code: String!, $year: Int!, $prev: Int!, $from: Int!, $keys: [String!]!, $metric: String!, $trendKeys: [String!]!) {
  region(code: $code) {
    code name level parent { code name } ancestors { code name }
    children { code name level }
    now: rollup(year: $year) { ${ROLLUP} }
    before: rollup(year: $prev) { ${ROLLUP} }
  }
  cNow: compliance(regionCode: $code, year: $year) { coveredRegion { code name } totals { expected onTime late missing dateUnknown pending } }
  cBefore: compliance(regionCode: $code, year: $prev) { totals { expected onTime late missing dateUnknown pending } }
  ${['ERROR', 'WARNING', 'INFO'].flatMap((s) => [OPEN(s, 'year'), OPEN(s, 'prev')]).join('\n  ')}
  counties: compare(regionCode: $code, year: $year, by: CHILD_REGION, keys: $keys, orderBy: $metric) { label regionCode rank reportCount values { key value } }
  agencies: compare(regionCode: $code, year: $year, by: AGENCY, keys: $keys, orderBy: $metric, first: 500) { label agencyId regionCode rank reportCount values { key value } }
  trend(regionCode: $code, keys: $trendKeys, fromYear: $from, toYear: $year) { key comparable breaks points { year edition value comparable } }
}`;

export const REGION_PAGE = `query RegionPage($code: String!, $year: Int!, $after: String) {
  region(code: $code) {
    code name level ancestors { code name } parent { code name }
    children { code name level }
    rollup(year: $year) { reportCount expectedCount }
    agencies(filter: { regionCode: $code }, first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name kind region { code name } report(year: $year) { id publishedOn } } }
  }
}`;

export const AGENCY_PAGE = `query AgencyPage($id: ID!) {
  agency(id: $id) { id name kind region { code name ancestors { code name } } parent { id name } branches { id name }
    reports { id year edition scope revision publishedOn sourceFormat state returnComment
      returnedFindings { id rule severity message } findings(status: FAILED) { id severity } } }
}`;

const CELLS = `cells { key value raw section row column source { page line table row cell } }`;
export const REPORT_PAGE = `query ReportPage($id: ID!) {
  report(id: $id) {
    id year edition scope revision current title publishedOn importedAt sourceFormat sourceName
    state reason returnComment returnedFindings { id }
    agency { id name region { code name } }
    ${CELLS}
    narratives { section heading text }
    findings { id rule severity status expected actual message review reviewComment reviewedBy reviewedAt cells { key value } }
    revisions { id revision current state publishedOn importedAt }
  }
}`;

export const REPORT_REVISION = `query Revision($id: ID!) { report(id: $id) { id revision importedAt ${CELLS} } }`;
export const REPORT_SOURCE = `query Source($id: ID!) { report(id: $id) { id sourceName sourceText } }`;
export const REPORT_RENDERED = `query Rendered($id: ID!, $format: RenderFormat!) { report(id: $id) { id rendered(format: $format) } }`;

export const COMPLIANCE = `query Compliance($code: String!, $year: Int!, $status: ComplianceStatus, $after: String) {
  compliance(regionCode: $code, year: $year) {
    region { code name } coveredRegion { code name } asOf deadlines { own consolidated }
    totals { expected onTime late missing dateUnknown pending }
    byRegion { region { code name } direct expected onTime late missing dateUnknown pending }
    rows(status: $status, first: 200, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      nodes { agency { id name region { code name } } status scope deadline publishedOn daysLate reportId } }
  }
}`;

export const FINDINGS = `query Findings($filter: FindingFilter!, $after: String) {
  findings(filter: $filter, first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } byRule { key count } byRegion { key label count }
    nodes { id rule severity status message expected actual review reviewComment reviewedBy reviewedAt
      report { id year agency { id name region { code name } } } }
  }
}`;

export const REVIEW = `mutation Review($id: ID!, $decision: FindingReview!, $comment: String) {
  reviewFinding(id: $id, decision: $decision, comment: $comment) { id review reviewComment reviewedBy reviewedAt }
}`;

// The filing workflow (schema/workflow.graphql): each answers the report's new state.
const STATE = `id state returnComment returnedFindings { id }`;
export const RETURN_REPORT = `mutation Return($id: ID!, $comment: String!, $findingIds: [ID!]) { returnReport(id: $id, comment: $comment, findingIds: $findingIds) { ${STATE} } }`;
export const ACCEPT_REPORT = `mutation Accept($id: ID!) { acceptReport(id: $id) { ${STATE} } }`;
export const PUBLISH_REPORT = `mutation Publish($id: ID!) { publishReport(id: $id) { ${STATE} } }`;
