import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { allEditions } from '../shared/editions';
import { editionTypeDefs } from '../shared/editions/edition-sdl';
import type { Services } from '../services';
import { applyAccess } from './access/apply-access';
import { accountResolvers } from './resolvers/account.resolver';
import { agencyResolvers } from './resolvers/agency.resolver';
import { complianceResolvers } from './resolvers/compliance.resolver';
import { editionResolvers } from './resolvers/edition.resolver';
import { filingResolvers } from './resolvers/filing.resolver';
import { findingResolvers } from './resolvers/finding.resolver';
import { regionResolvers } from './resolvers/region.resolver';
import { renderResolvers } from './resolvers/render.resolver';
import { reportResolvers } from './resolvers/report.resolver';
import { rollupResolvers } from './resolvers/rollup.resolver';
import { workflowResolvers } from './resolvers/workflow.resolver';

export const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

/** The SDL files under schema/, in name order. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'));
}

const baseResolvers = { Query: { _version: () => '1' }, Mutation: { _noop: () => null } };

/**
 * The executable schema: the SDL files, the section types the registered editions generate, and
 * resolvers over the services, every field behind its access rule (src/graphql/access).
 */
export function buildSchema(services: Services): GraphQLSchema {
  return applyAccess(
    makeExecutableSchema({
      typeDefs: [...loadTypeDefs(), editionTypeDefs(allEditions())],
      // An array is merged type by type (later maps add fields to earlier ones).
      resolvers: [
        baseResolvers,
        regionResolvers(services),
        agencyResolvers(services),
        reportResolvers(services),
        editionResolvers(),
        findingResolvers(services),
        complianceResolvers(services),
        rollupResolvers(services),
        renderResolvers(services),
        accountResolvers(services),
        workflowResolvers(services),
        filingResolvers(services),
      ],
    }),
  );
}
