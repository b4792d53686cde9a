import { useEditorContext } from '@graphiql/react';
import { createElement as h, useState, type ReactNode } from 'react';
import type { Example } from './readme-examples';

/** `extensions.cost` of every response (README "Limits"): the price, and what is left of the caller's budget. */
export interface CostExtension {
  requested: number;
  nodes: number;
  budget: { limit: number; remaining: number; resetAt: string } | null;
}

const n = (x: number) => x.toLocaleString('en-US');

/** Below the result: the last request's cost and the caller's budget, when the server sent them. */
export function CostLine({ cost }: { cost: CostExtension | null }): ReactNode {
  if (!cost) return h('div', { className: 'nb-cost', 'data-testid': 'cost' }, 'cost: run a query to see its price and your budget');
  const budget = cost.budget
    ? `budget ${n(cost.budget.remaining)} of ${n(cost.budget.limit)} points left, window resets ${new Date(cost.budget.resetAt).toLocaleTimeString()}`
    : 'no budget applies';
  return h(
    'div',
    { className: 'nb-cost', 'data-testid': 'cost' },
    `cost ${n(cost.requested)} points · ${n(cost.nodes)} objects at most · ${budget}`,
  );
}

/** Loads a README example into the open tab (GraphiQL's editor context: inside the GraphiQL tree only). */
export function ExamplePicker({ examples }: { examples: Example[] }): ReactNode {
  const { queryEditor } = useEditorContext({ nonNull: true });
  return h(
    'select',
    {
      className: 'nb-examples',
      'aria-label': 'README example queries',
      value: '',
      onChange: (e: { target: { value: string } }) => {
        const ex = examples[Number(e.target.value)];
        if (ex) queryEditor?.setValue(ex.query);
      },
    },
    h('option', { value: '' }, 'README examples…'),
    ...examples.map((ex, i) => h('option', { key: i, value: String(i) }, ex.title)),
  );
}

export interface TokenBarProps {
  token: string;
  onToken: (token: string) => void;
  logIn: (name: string, password: string) => Promise<string>;
}

/** Who asks: a pasted bearer token (an API token or a login token), or a login with name and password. */
export function TokenBar({ token, onToken, logIn }: TokenBarProps): ReactNode {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState('');
  const submit = async (e: { preventDefault(): void }) => {
    e.preventDefault();
    setStatus('logging in…');
    try {
      onToken(await logIn(name, password));
      setPassword('');
      setStatus(`logged in as ${name}`);
    } catch (err) {
      setStatus(String((err as Error).message));
    }
  };
  return h(
    'form',
    { className: 'nb-token', onSubmit: submit },
    h('strong', null, 'Nianbao workbench'),
    h(
      'label',
      null,
      'Bearer token ',
      h('input', {
        type: 'password',
        value: token,
        placeholder: 'none: anonymous reader',
        onChange: (e: { target: { value: string } }) => onToken(e.target.value.trim()),
        size: 28,
      }),
    ),
    token ? h('button', { type: 'button', onClick: () => onToken('') }, 'forget') : null,
    h('span', { className: 'nb-sep' }, 'or log in:'),
    h('input', {
      'aria-label': 'account name',
      placeholder: 'name',
      value: name,
      autoComplete: 'username',
      onChange: (e: { target: { value: string } }) => setName(e.target.value),
    }),
    h('input', {
      'aria-label': 'password',
      type: 'password',
      placeholder: 'password',
      value: password,
      autoComplete: 'current-password',
      onChange: (e: { target: { value: string } }) => setPassword(e.target.value),
    }),
    h('button', { type: 'submit', disabled: !name || !password }, 'log in'),
    h('span', { className: 'nb-status', role: 'status' }, status),
  );
}
