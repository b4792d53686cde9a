import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { mergeResolvers } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { agencyResolvers } from './resolvers/agency.resolver';
import { complianceResolvers } from './resolvers/compliance.resolver';
import { editionResolvers } from './resolvers/edition.resolver';
import { findingResolvers } from './resolvers/finding.resolver';
import { regionResolvers } from './resolvers/region.resolver';
import { renderResolvers } from './resolvers/render.resolver';
import { reportResolvers } from './resolvers/report.resolver';
import { rollupResolvers } from './resolvers/rollup.resolver';

export const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'));
}

const baseResolvers = { Query: { _version: () => '1' }, Mutation: { _noop: () => null } };

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: mergeResolvers([baseResolvers, regionResolvers, agencyResolvers, reportResolvers, editionResolvers, findingResolvers, complianceResolvers, rollupResolvers, renderResolvers]) as never,
  });
}
