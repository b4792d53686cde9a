import type { ApolloServerPlugin } from '@apollo/server';
import { QueryTimeoutError } from '../../common/errors';

/**
 * The execution deadline of a request. JavaScript cannot interrupt a resolver, so the deadline is
 * met twice: server.ts answers QUERY_TIMEOUT (504) when it passes, whatever is still waiting, and
 * from then on every field that would start resolving fails at once, so the abandoned work ends
 * at its next field (and, on MariaDB, its SQL at the statement timeout).
 */
export function deadlinePlugin(ms: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const deadline = Date.now() + ms;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (Date.now() > deadline) throw new QueryTimeoutError('request', ms);
            },
          };
        },
      };
    },
  };
}

/** Resolves with null after `ms`, unless `work` settles first; the timer never holds the process. */
export async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
