import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { QueryTooCostlyError } from '../common/errors';

/** Ad hoc analyst queries are welcome up to a cost: every field costs 1, and a paged list costs its page size times its children. */
export const MAX_QUERY_COST = 250_000;

const pagedListEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + Math.max(args.first, 1) * childComplexity : undefined;

/** Refuses a too costly operation after validation, before it runs (and before the response cache answers). */
export function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Variables that do not coerce: nothing will run, and execution reports them as BAD_USER_INPUT
          // (a cost computed here would throw a bare GraphQLError instead, a 500).
          if (getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables,
            estimators: [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > MAX_QUERY_COST) throw new QueryTooCostlyError(cost, MAX_QUERY_COST);
        },
      };
    },
  };
}
