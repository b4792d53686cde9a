import { reactive } from 'vue';

/** The signed-in account (null: an anonymous reader of published figures), kept for the browser session. */
export interface Me {
  name: string;
  role: 'ADMIN' | 'SUPERVISOR' | 'AGENCY' | 'ANALYST';
  regionCode: string | null;
  region: { code: string; name: string } | null;
  agencyId: string | null;
  agency: { id: string; name: string } | null;
}

export const session = reactive<{ token: string | null; me: Me | null }>({ token: sessionStorage.getItem('nianbao.token'), me: null });

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** One operation against the platform's own /graphql with the viewer's token: the only data source. */
export async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (res.status === 401) signOut();
  if (body.errors?.length) {
    const e = body.errors[0];
    throw new ApiError(e.message, e.extensions?.code);
  }
  return body.data as T;
}

const ME = `{ me { name role regionCode region { code name } agencyId agency { id name } } }`;

export async function loadMe(): Promise<void> {
  session.me = session.token ? (await gql<{ me: Me | null }>(ME)).me : null;
}

export async function signIn(name: string, password: string): Promise<void> {
  const data = await gql<{ login: { token: string } }>(
    `mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token expiresAt } }`,
    { n: name, p: password },
  );
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
