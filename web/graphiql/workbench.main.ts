import 'graphiql/graphiql.css';
import './workbench.css';
import type { Fetcher } from '@graphiql/toolkit';
import { GraphiQLProvider } from '@graphiql/react';
import { GraphiQL, GraphiQLInterface } from 'graphiql';
import { createElement as h, useCallback, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { readmeExamples } from './readme-examples';
import { CostLine, ExamplePicker, TokenBar, type CostExtension } from './workbench-parts';

const ENDPOINT = '/graphql';
const TOKEN_KEY = 'nianbao.workbench.token';

/** One POST to the platform's own endpoint (nothing else is fetched); the token goes as `Authorization: Bearer`. */
async function post(body: unknown, token: string, headers: Record<string, unknown> = {}) {
  const res = await fetch(ENDPOINT, {
    method: 'POST',
    headers: {
      ...(headers as Record<string, string>),
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string }>;
    extensions?: { cost?: CostExtension };
  };
}

function Workbench() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [cost, setCost] = useState<CostExtension | null>(null);
  const examples = useMemo(() => readmeExamples(), []);
  const onToken = useCallback((t: string) => {
    setToken(t);
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  }, []);
  const fetcher = useCallback<Fetcher>(
    async (params, opts) => {
      const result = await post(params, token, opts?.headers);
      // Introspection for the documentation is priced too; only the editor's own requests show below the result.
      if (params.operationName !== 'IntrospectionQuery') setCost(result.extensions?.cost ?? null);
      return result;
    },
    [token],
  );
  const logIn = useCallback(async (name: string, password: string) => {
    const r = await post(
      {
        query: 'mutation LogIn($name: String!, $password: String!) { login(name: $name, password: $password) { token expiresAt } }',
        variables: { name, password },
      },
      '',
    );
    const t = (r.data?.login as { token?: string } | null | undefined)?.token;
    if (!t) throw new Error(r.errors?.[0]?.message ?? 'login refused');
    return t;
  }, []);
  return h(
    'div',
    { className: 'nb-workbench' },
    h(TokenBar, { token, onToken, logIn }),
    h(
      GraphiQLProvider,
      // A new token is another caller: the schema (and its documentation) is fetched again for it.
      { key: token, fetcher, defaultTabs: examples.map((e) => ({ query: e.query })) },
      h(
        'div',
        { className: 'nb-examples-row' },
        h(ExamplePicker, { examples }),
        h('span', null, `${examples.length} example operations from the README, also open as tabs; the Docs button shows the schema`),
      ),
      h(
        'div',
        { className: 'nb-graphiql' },
        h(
          GraphiQLInterface,
          { defaultEditorToolsVisibility: false },
          h(GraphiQL.Logo, null, 'Nianbao'),
          h(GraphiQL.Footer, null, h(CostLine, { cost })),
        ),
      ),
    ),
  );
}

createRoot(document.getElementById('workbench')!).render(h(Workbench));
