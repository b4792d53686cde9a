import { request } from 'http';
import type { Mutant } from './mutations';

/** The contract of issue 11: a file, base64, for an agency and year; the stored revision and its findings back. */
export const SUBMIT = `mutation($input: SubmitReportInput!) {
  submitReport(input: $input) { report { id year state } findings { rule severity } }
}`;

export interface GqlError {
  message: string;
  extensions?: Record<string, any>;
}

export interface SubmitAnswer {
  status: number;
  /** The parsed body; null when it was not JSON (or never came). */
  body: { data?: any; errors?: GqlError[] } | null;
  text: string;
  /** Set when the exchange itself failed (connection reset, …). */
  failure?: string;
}

/**
 * One POST with node:http rather than fetch: a server may answer 413 and close before a 20 MB body
 * is sent, and the answer must still be read (fetch reports only the broken upload).
 */
export function postJson(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<SubmitAnswer> {
  const body = Buffer.from(JSON.stringify(payload));
  return new Promise((resolve) => {
    let settled = false;
    const done = (a: SubmitAnswer) => {
      if (!settled) resolve(a);
      settled = true;
    };
    const req = request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: SubmitAnswer['body'];
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = null;
          }
          done({ status: res.statusCode ?? 0, body: parsed, text });
        });
        res.on('error', (e) => done({ status: res.statusCode ?? 0, body: null, text: '', failure: e.message }));
      },
    );
    // The upload may break after the answer has begun: the answer decides, so wait for it a moment.
    req.on('error', (e) =>
      setTimeout(() => done({ status: 0, body: null, text: '', failure: `${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}` }), 200),
    );
    req.end(body);
  });
}

/** `extra`: optional input fields the server's input type has (a correction's `reason`). */
export function submit(
  url: string,
  token: string,
  agencyId: number,
  m: Mutant,
  extra: Record<string, unknown> = {},
): Promise<SubmitAnswer> {
  const input = {
    agencyId: String(agencyId),
    year: m.year,
    fileName: m.fileName,
    contentBase64: m.contentBase64 ?? m.bytes.toString('base64'),
    ...extra,
  };
  return postJson(url, { query: SUBMIT, variables: { input } }, { authorization: `Bearer ${token}` });
}

export async function logInOver(url: string, name: string, password: string): Promise<string> {
  const a = await postJson(url, {
    query: `mutation($n: String!, $p: String!) { login(name: $n, password: $p) { token } }`,
    variables: { n: name, p: password },
  });
  const token = a.body?.data?.login?.token;
  if (!token) throw new Error(`login of ${name} failed: ${a.status} ${a.text.slice(0, 300)}`);
  return token;
}

/** Whether the server's schema has the mutation yet (issue 11's workflow may still be in the making). */
export async function hasSubmitReport(url: string): Promise<boolean> {
  const a = await postJson(url, { query: '{ __type(name: "Mutation") { fields { name } } }' });
  return (a.body?.data?.__type?.fields ?? []).some((f: { name: string }) => f.name === 'submitReport');
}

/** The fields of an input type, as the server's schema has them (none when the type is missing). */
export async function inputFieldsOf(url: string, type: string): Promise<string[]> {
  const a = await postJson(url, { query: `{ __type(name: "${type}") { inputFields { name } } }` });
  return (a.body?.data?.__type?.inputFields ?? []).map((f: { name: string }) => f.name);
}

/** Runs `work` over `items`, `width` at a time, in order of start. */
export async function inBatches<T, R>(items: T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

export type Outcome =
  | { kind: 'stored'; reportId: number; state: string; year: number; findings: Array<{ rule: string; severity: string }> }
  | { kind: 'rejected'; code: string; message: string; error: GqlError }
  | { kind: 'server-error'; detail: string };

/** What an answer is: a stored revision, a named rejection, or a server error (500, INTERNAL_SERVER_ERROR, no answer). */
export function classify(a: SubmitAnswer): Outcome {
  if (a.failure && !a.body) return { kind: 'server-error', detail: `no answer: ${a.failure}` };
  if (!a.body) return { kind: 'server-error', detail: `HTTP ${a.status}, not JSON: ${a.text.slice(0, 200)}` };
  const err = a.body.errors?.[0];
  const code = err?.extensions?.code;
  // 503 and 504 too: the database away or a timeout under four submissions at once is a fault here.
  if (a.status >= 500) return { kind: 'server-error', detail: `HTTP ${a.status}: ${a.text.slice(0, 300)}` };
  if (err) {
    if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR')
      return { kind: 'server-error', detail: `HTTP ${a.status} ${String(code)}: ${err.message}` };
    return { kind: 'rejected', code, message: err.message, error: err };
  }
  const r = a.body.data?.submitReport;
  if (!r?.report?.id) return { kind: 'server-error', detail: `HTTP ${a.status}, neither a report nor an error: ${a.text.slice(0, 300)}` };
  return { kind: 'stored', reportId: Number(r.report.id), state: r.report.state, year: r.report.year, findings: r.findings ?? [] };
}
