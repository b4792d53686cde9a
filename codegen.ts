import type { CodegenConfig } from '@graphql-codegen/cli';
import { allEditions } from './src/shared/editions';
import { editionTypeDefs } from './src/shared/editions/edition-sdl';

/**
 * TypeScript types generated from the SDL in schema/ (schema first) and the section types the
 * built-in editions generate (the same SDL the server adds at start): `npm run codegen`.
 * Two targets: the server's resolver types (src/generated), and the dashboard's operations
 * (web/src/api/*.graphql) as typed documents, their results and variables checked against that same schema.
 */
const config: CodegenConfig = {
  schema: ['schema/*.graphql', editionTypeDefs(allEditions())],
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context/request-context#RequestContext',
        scalars: { ID: 'string' },
        avoidOptionals: false,
        enumsAsTypes: true,
        // Resolvers receive entities and the services' results as parents (mapper targets must not import
        // src/generated: that is an import cycle); the generated types check arguments and results against the SDL.
        mappers: {
          Region: '../../entities#Region as RegionEntity',
          Agency: '../../entities#Agency as AgencyEntity',
          Report: '../../entities#Report as ReportEntity',
          Finding: '../../entities#Finding as FindingEntity',
          Edition: '../shared/editions#EditionDef',
          TemplateTable: '../shared/editions#TableDef',
          ComplianceReport: '../services/compliance.service#ComplianceResult',
          ComplianceRow: '../services/compliance.service#ComplianceRow as ComplianceRowResult',
          Rollup: '../rollup/rollup.service#RollupTarget',
          ComparisonRow: '../rollup/rollup.service#ComparisonRow as ComparisonRowResult',
          AggregateRow: '../rollup/rollup.service#AggregateResultRow',
          ConsolidationFinding: '../rollup/rollup.service#ConsolidationFinding as ConsolidationFindingResult',
          Metric: '../rollup/metric-catalogue#Metric as MetricDef',
          ReportPreview: '../services/filing.service#ReportPreviewResult',
          PreviewFinding: '../shared/checks#Finding as CheckFinding',
        },
      },
    },
    // The browser's operations as TypedDocumentStrings (a String carrying its result and variables
    // types): the client posts the text as it is, so the bundle needs no GraphQL parser or printer.
    'web/src/generated/': {
      preset: 'client',
      documents: ['web/src/**/*.graphql'],
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        useTypeImports: true,
        enumType: 'string-literal',
        strictScalars: true,
        scalars: { ID: 'string' },
        skipTypename: true,
        arrayInputCoercion: false,
      },
    },
  },
};
export default config;
