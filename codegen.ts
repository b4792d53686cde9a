import type { CodegenConfig } from '@graphql-codegen/cli';

/** TypeScript types generated from the SDL in schema/ (schema first): `npm run codegen`. */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../graphql/request-context#RequestContext',
        scalars: { ID: 'string' },
        avoidOptionals: false,
        enumsAsTypes: true,
        // Resolvers receive entities as parents; the generated types check arguments and results against the SDL.
        mappers: {
          Region: '../../entities#Region as RegionEntity',
          Agency: '../../entities#Agency as AgencyEntity',
          Report: '../../entities#Report as ReportEntity',
          Finding: '../../entities#Finding as FindingEntity',
        },
      },
    },
  },
};
export default config;
