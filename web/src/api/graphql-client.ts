import { reactive } from 'vue';
import { LoginDocument, MeDocument, type MeQuery, type TypedDocumentString } from '../generated/graphql';

/** The signed-in account (null: an anonymous reader of published figures), kept for the browser session. */
export type Me = NonNullable<MeQuery['me']>;

export const session = reactive<{ token: string | null; me: Me | null }>({ token: sessionStorage.getItem('nianbao.token'), me: null });

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** What a page says of a failure: the API's message, or whatever else was thrown. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A GraphQL answer over HTTP (graphql-http's JSON): the operation's data, or why there is none. */
interface Answer<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** An operation's variables: optional when it takes none that are required. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * One operation against the platform's own /graphql with the viewer's token: the only data source.
 * `document` is one of web/src/generated (npm run codegen, from web/src/api/*.graphql and the SDL):
 * its text is posted as it is, and its types give the variables it takes and the data it answers.
 */
export async function gql<R, V>(document: TypedDocumentString<R, V>, ...[variables]: VariablesArg<V>): Promise<R> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  const res = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  const body: Answer<R> = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (res.status === 401) signOut();
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code);
  }
  return body.data as R;
}

export async function loadMe(): Promise<void> {
  session.me = session.token ? (await gql(MeDocument)).me : null;
}

export async function signIn(name: string, password: string): Promise<void> {
  const data = await gql(LoginDocument, { n: name, p: password });
  session.token = data.login.token;
  sessionStorage.setItem('nianbao.token', session.token);
  await loadMe();
}

export function signOut(): void {
  session.token = null;
  session.me = null;
  sessionStorage.removeItem('nianbao.token');
}

/** The region a viewer starts at: its own, or 济宁市 for an unconfined or anonymous reader. */
export const homeRegion = () => session.me?.regionCode ?? '370800';
