import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { NianbaoError } from '../common/errors';

/** Ad hoc analyst queries are welcome up to a cost: every field costs 1, and a paged list costs its page size times its children. */
export const MAX_QUERY_COST = 250_000;

const pagedListEstimator: ComplexityEstimator = ({ args, childComplexity }) =>
  typeof args.first === 'number' ? 1 + Math.max(args.first, 1) * childComplexity : undefined;

export class QueryTooCostlyError extends NianbaoError {
  constructor(cost: number) {
    super(`query costs ${cost}, above the limit of ${MAX_QUERY_COST}: ask for smaller pages or fewer nested lists`, 'QUERY_TOO_COSTLY', { cost, limit: MAX_QUERY_COST });
  }
}

export function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables,
            estimators: [pagedListEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > MAX_QUERY_COST) throw new QueryTooCostlyError(cost);
        },
      };
    },
  };
}
