// The filing form's operations (schema/workflow.graphql, schema/filing.graphql, schema/render.graphql).
const FINDING = `rule severity status expected actual message cells { key value }`;
const REVISION = `id year edition revision current state title publishedOn reason returnComment
  returnedFindings { id ${FINDING} }
  findings { id ${FINDING} }`;

/**
 * Opening the form: the agency as its filer sees it (filingAgency answers FORBIDDEN to anyone who
 * may not file for it, so a stranger's form shows the refusal and no figures), its current revision
 * of the year (state shown, linked) and the previous year's figures (the carry-over check).
 */
export const FILING_FORM = `query FilingForm($agencyId: ID!, $year: Int!, $prev: Int!) {
  agency: filingAgency(id: $agencyId) { id name kind
    own: report(year: $year, scope: OWN) { id revision state }
    consolidated: report(year: $year, scope: CONSOLIDATED) { id revision state }
    ownBefore: report(year: $prev, scope: OWN) { id cells { key decimal } }
    consolidatedBefore: report(year: $prev, scope: CONSOLIDATED) { id cells { key decimal } } }
}`;

/** A revision opened in the form: its figures, texts, state and what the supervisor asked to fix. */
export const FILING_REVISION = `query FilingRevision($id: ID!) {
  report(id: $id) { ${REVISION} agency { id name } cells { key decimal } narratives { section heading text } }
}`;

export const SUBMIT_FIGURES = `mutation SubmitFigures($input: SubmitFiguresInput!) {
  submitFigures(input: $input) { report { ${REVISION} } findings { id ${FINDING} } }
}`;

export const SUBMIT_DRAFT = `mutation SubmitDraft($id: ID!) { submitDraft(id: $id) { ${REVISION} } }`;

export const PREVIEW_REPORT = `mutation PreviewReport($input: PreviewReportInput!) {
  previewReport(input: $input) {
    edition year title period publishedOn sourceFormat warnings
    cells { key value raw source { page x y line table row cell } }
    narratives { section heading text }
  }
}`;

export const RENDERED = `query Rendered($id: ID!, $format: RenderFormat!) { report(id: $id) { id rendered(format: $format) } }`;
