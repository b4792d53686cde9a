// The filing form's operations, written in filing.graphql (Rendered in dashboard.graphql) and typed by
// `npm run codegen` (web/src/generated): each a TypedDocumentString, its text posted as it is by gql().
export {
  FilingFormDocument as FILING_FORM,
  FilingRevisionDocument as FILING_REVISION,
  PreviewReportDocument as PREVIEW_REPORT,
  RenderedDocument as RENDERED,
  SubmitDraftDocument as SUBMIT_DRAFT,
  SubmitFiguresDocument as SUBMIT_FIGURES,
} from '../generated/graphql';
