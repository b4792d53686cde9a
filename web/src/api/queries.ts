// The dashboard's operations, written in dashboard.graphql and typed by `npm run codegen`
// (web/src/generated): each a TypedDocumentString, its text posted as it is by gql().
export {
  AcceptDocument as ACCEPT_REPORT,
  AgencyPageDocument as AGENCY_PAGE,
  ComplianceDocument as COMPLIANCE,
  FindingsDocument as FINDINGS,
  OverviewDocument as OVERVIEW,
  PublishDocument as PUBLISH_REPORT,
  RegionPageDocument as REGION_PAGE,
  RenderedDocument as REPORT_RENDERED,
  ReportPageDocument as REPORT_PAGE,
  ReturnDocument as RETURN_REPORT,
  RevisionDocument as REPORT_REVISION,
  ReviewDocument as REVIEW,
  SourceDocument as REPORT_SOURCE,
  SummaryRenderedDocument as SUMMARY_RENDERED,
} from '../generated/graphql';
