/** A report row to hang probe rows off (the store's path is not under test here). */
export function probeReport(agencyId: number, year: number) {
  return {
    agencyId,
    year,
    edition: '2019',
    scope: 'OWN' as const,
    revision: 1,
    current: true,
    state: 'PUBLISHED' as const,
    publishedCurrent: true,
    reason: null,
    returnComment: null,
    returnedFindings: null,
    title: null,
    period: null,
    publishedOn: null,
    sourceFormat: 'text' as const,
    sourceName: 'probe',
    sourceHash: `probe-${year}`,
    sourceText: '',
  };
}
