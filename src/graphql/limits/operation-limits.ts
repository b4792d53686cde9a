import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { Viewer } from '../../auth/viewer';
import { QueryLimitError } from '../../common/errors';

/**
 * The limits checked on the document before anything is priced or run, chosen for this schema
 * (README "Limits"): the deepest example and dashboard query nests 6 fields, the widest uses 4
 * aliases, none needs more than a couple of directives.
 */
export const LIMITS = {
  /** Bytes of a request body (a POST's JSON, query and variables together) from an anonymous caller. */
  maxBodyBytes: 64 * 1024,
  /** The same for a signed-in caller: room for a report file sent base64 to submitReport (PDFs run to megabytes). */
  maxSignedInBodyBytes: 16 * 1024 * 1024,
  /** Lexical tokens of the query text (graphql-js stops parsing past them). */
  maxTokens: 2_000,
  /** Field nesting, fragments flattened; introspection is bounded by its own price instead. */
  maxDepth: 8,
  maxAliases: 30,
  maxDirectives: 10,
  /** Points of one operation (pricing.ts): a page of 500 reports with every cell (about 300,000) fits. */
  maxCost: 500_000,
  /** Objects and list items one answer can hold: that page holds about 100,000. */
  maxNodes: 250_000,
  /** Nesting of the variables' JSON: the schema's deepest input nests 3; anything deeper is no input of ours. */
  maxVariablesDepth: 16,
} as const;

/**
 * How deep a JSON value nests, counted without recursion (a request's variables may nest a hundred
 * thousand levels, and every later step that walks them recursively would overflow): stops at `max + 1`.
 */
export function jsonDepthOver(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses variables nested past the limit before anything walks them (pricing, the response cache's key). */
export function checkVariables(variables: Record<string, unknown> | undefined): void {
  if (variables && jsonDepthOver(variables, LIMITS.maxVariablesDepth)) {
    throw new QueryLimitError('VARIABLES_TOO_DEEP', `变量嵌套超过 ${LIMITS.maxVariablesDepth} 层：本接口的输入最多嵌套 3 层`, {
      limit: LIMITS.maxVariablesDepth,
    });
  }
}

type Code = ConstructorParameters<typeof QueryLimitError>[0];

/** graphql-armor reports in plain GraphQLErrors: each rejection is reported instead as its named domain error. */
const reporting = (code: Code, what: string, limit: number) => ({
  propagateOnRejection: false,
  exposeLimits: true,
  onReject: [
    (ctx: ValidationContext | null, err: GraphQLError) => {
      const found = Number(/found (\d+)/.exec(err.message)?.[1] ?? NaN);
      const e = new QueryLimitError(
        code,
        `${what} is limited to ${limit}${Number.isFinite(found) ? `; this operation has ${found}` : ''}`,
        { limit, ...(Number.isFinite(found) ? { found } : {}) },
      );
      ctx?.reportError(new GraphQLError(e.message, { originalError: e }));
    },
  ],
});

export const limitRules: ValidationRule[] = [
  maxDepthRule({
    n: LIMITS.maxDepth,
    flattenFragments: true,
    ignoreIntrospection: true,
    ...reporting('QUERY_TOO_DEEP', 'query depth', LIMITS.maxDepth),
  }),
  maxAliasesRule({ n: LIMITS.maxAliases, ...reporting('TOO_MANY_ALIASES', 'the number of aliases', LIMITS.maxAliases) }),
  maxDirectivesRule({ n: LIMITS.maxDirectives, ...reporting('TOO_MANY_DIRECTIVES', 'the number of directives', LIMITS.maxDirectives) }),
] as ValidationRule[];

const SUGGESTION = /\s*Did you mean .*\?$/;

/** Field suggestions ("Did you mean …?") map the schema for whoever asks: anonymous callers get none. */
export function blockSuggestionsForAnonymous<C extends { viewer: Viewer }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (contextValue.viewer.role !== 'ANONYMOUS' || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          if (singleResult.errors)
            singleResult.errors = singleResult.errors.map((e) =>
              SUGGESTION.test(e.message) ? { ...e, message: e.message.replace(SUGGESTION, '') } : e,
            );
        },
      };
    },
  };
}
