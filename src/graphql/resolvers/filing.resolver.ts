import type {
  FindingSeverity,
  FindingStatus,
  MutationResolvers,
  PreviewFindingResolvers,
  QueryResolvers,
  ReportPreviewResolvers,
  SourceFormat,
} from '../../generated/graphql';
import type { Services } from '../../services';

export function filingResolvers(s: Pick<Services, 'filing'>): {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
  ReportPreview: ReportPreviewResolvers;
  PreviewFinding: PreviewFindingResolvers;
} {
  return {
    Query: {
      filingAgency: (_, { id }, ctx) => s.filing.openForm(ctx, id),
    },
    Mutation: {
      previewReport: (_, { input }, ctx) => s.filing.previewReport(ctx, input),
    },
    // The API spells formats, severities and statuses in capitals, the readers and checks in lower case.
    ReportPreview: {
      sourceFormat: (p) => p.sourceFormat.toUpperCase() as SourceFormat,
    },
    PreviewFinding: {
      severity: (f) => f.severity.toUpperCase() as FindingSeverity,
      status: (f) => f.status.toUpperCase() as FindingStatus,
    },
  };
}
