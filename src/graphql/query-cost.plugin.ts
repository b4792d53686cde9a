import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, type GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer';
import { BudgetExceededError, QueryLimitError, QueryTooCostlyError } from '../common/errors';
import type { BudgetLedger, BudgetState } from './limits/budget';
import { sizeKey, type SizeQuestion } from './limits/list-bounds';
import { checkVariables, LIMITS } from './limits/operation-limits';
import { priceOperation, rememberPrice, sizeQuestions } from './limits/pricing';

/** Kept for callers of the old name: the cost limit of one operation. */
export const MAX_QUERY_COST = LIMITS.maxCost;

/** What the limits need of a request's context: who asks, and whose budget pays (an account, or an address). */
export interface LimitsContext {
  viewer: Viewer;
  caller: string;
}

export interface BudgetSettings {
  store: BudgetLedger;
  /** Points per hour of an account; of an anonymous address. 0: no budget. */
  perAccount: number;
  perAnonymous: number;
}

/** Shown in `extensions.cost` of every response, as GitHub shows `rateLimit`. */
export interface CostReport {
  requested: number;
  nodes: number;
  budget: BudgetState | null;
}

/**
 * Prices an operation after validation, before it runs and before the response cache answers:
 * over the cost or node limit it is refused, and otherwise its points are charged to the caller's
 * hourly budget (429 RATE_LIMITED when spent). Every response reports the price and what is left.
 */
/** Looks up a list size the price depends on (list-bounds.ts SizeQuestion), at the asking viewer's scope. */
export type SizeLookup<C> = (ctx: C, question: SizeQuestion) => Promise<number>;

export function queryCostPlugin<C extends LimitsContext>(
  schema: GraphQLSchema,
  budget?: BudgetSettings,
  lookup?: SizeLookup<C>,
): ApolloServerPlugin<C> {
  const limitOf = (viewer: Viewer) => (budget ? (viewer.role === 'ANONYMOUS' ? budget.perAnonymous : budget.perAccount) : 0);
  return {
    async requestDidStart() {
      const report: CostReport = { requested: 0, nodes: 0, budget: null };
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
          checkVariables(request.variables);
          // Variables that do not coerce: nothing will run, and execution reports them as BAD_USER_INPUT.
          const vars = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
          if (vars.errors || !operation) return;
          const questions = lookup ? sizeQuestions(schema, document, operation, vars.coerced) : [];
          const sizes = new Map(await Promise.all(questions.map(async (q) => [sizeKey(q), await lookup!(contextValue, q)] as const)));
          const price = priceOperation(schema, document, operation, vars.coerced, sizes);
          report.requested = price.cost;
          report.nodes = price.nodes;
          if (price.cost > LIMITS.maxCost) throw new QueryTooCostlyError(price.cost, LIMITS.maxCost);
          if (price.nodes > LIMITS.maxNodes) {
            throw new QueryLimitError(
              'TOO_MANY_NODES',
              `the answer could hold ${price.nodes} objects, above the limit of ${LIMITS.maxNodes}: ask for smaller pages or fewer nested lists`,
              { nodes: price.nodes, limit: LIMITS.maxNodes },
            );
          }
          const limit = limitOf(contextValue.viewer);
          if (budget && limit > 0) {
            const charge = await budget.store.charge(contextValue.caller, price.cost, limit);
            report.budget = { limit: charge.limit, remaining: charge.remaining, resetAt: charge.resetAt };
            if (!charge.allowed) throw new BudgetExceededError(price.cost, charge.remaining, charge.limit, charge.resetAt);
          }
          rememberPrice(price);
        },
        async willSendResponse({ response, contextValue }) {
          const limit = limitOf(contextValue.viewer);
          // A request refused before pricing (parse, validation) costs nothing; it still shows the budget left.
          if (!report.budget && budget && limit > 0) {
            const { allowed: _, ...state } = await budget.store.charge(contextValue.caller, 0, limit);
            report.budget = state;
          }
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          singleResult.extensions = { ...singleResult.extensions, cost: report };
          if (report.budget && singleResult.errors?.some((e) => e.extensions?.code === 'RATE_LIMITED')) {
            response.http.headers.set(
              'retry-after',
              String(Math.max(1, Math.ceil((Date.parse(report.budget.resetAt) - Date.now()) / 1000))),
            );
          }
        },
      };
    },
  };
}
