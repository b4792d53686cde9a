import { z } from 'zod';

/** Every setting the platform reads, typed and checked once at start-up. */
const EnvSchema = z.object({
  /** mysql://user:pass@host:port/db selects MySQL/MariaDB; unset means the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^mysql:\/\//, 'DATABASE_URL must start with mysql://')
    .optional(),
  SQLITE_PATH: z.string().default('data/nianbao.sqlite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Region (GB/T 2260 prefix) whose divisions are loaded on first start. */
  REGION_SEED: z
    .string()
    .regex(/^\d{2,6}$/)
    .default('37'),
  DB_LOGGING: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Signs the tokens `login` hands out (HS256). At least 32 characters: RFC 7518 §3.2 asks for a key
   * as long as the hash (256 bits). Unset outside production: a random key per process (src/auth/token-settings.ts).
   */
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters (256 bits for HS256)').optional(),
  /** `iss` and `aud` of the tokens signed here, both required and checked on every request. */
  JWT_ISSUER: z.string().min(1).default('nianbao'),
  JWT_AUDIENCE: z.string().min(1).default('nianbao'),
  /** Lifetime of a login token, in seconds (1 minute to 1 day); API tokens are for longer use. */
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  /**
   * Login throttling (README "Accounts and roles"): failures of one account, and of one client
   * address (0: addresses not throttled, e.g. behind a proxy that hides them), before the first
   * lockout; a run of failures ends after a window without one; lockouts double from the base up to the cap.
   */
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_FREE_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).max(100_000).default(20),
  LOGIN_FAILURE_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(900_000),
  LOGIN_LOCKOUT_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
  LOGIN_LOCKOUT_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(900_000),
  /** `off`: a request without a token is refused (401), except the `login` mutation. */
  ANONYMOUS_ACCESS: z.enum(['on', 'off']).default('on'),
  /** `production` refuses to start without JWT_SECRET and never creates demo accounts. */
  NODE_ENV: z.string().optional(),
  /** Whole answers to queries, keyed by the data version that every write bumps; `off` to measure without. */
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Points per hour (sliding window) of one account, and of one anonymous address; 0 turns budgets off (benchmarks). README "Limits". */
  QUERY_BUDGET_PER_HOUR: z.coerce.number().int().min(0).default(50_000_000),
  ANONYMOUS_BUDGET_PER_HOUR: z.coerce.number().int().min(0).default(10_000_000),
  /** memory: this process keeps the budgets (one server); database: every server behind a load balancer charges the same ones. */
  BUDGET_STORE: z.enum(['memory', 'database']).default('memory'),
  /** Execution deadline of one request, in ms (GitHub's API allows 10 s). */
  REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** MariaDB `max_statement_time` of every pooled connection, in ms (0: none); SQLite has no statement timeout. */
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8_000),
  /**
   * How often the server folds the roll-up queue into region_rollup, in ms (0: never, e.g. a server
   * on a read replica; README "Roll-ups"). Reads add what is still queued, so this bounds the queue, not staleness.
   */
  ROLLUP_FOLD_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2_000),
  /** What reads a PDF's text and rules (src/ingest/readers/pdf/): PDFium (WebAssembly, about 7× faster) or pdf.js; the tables after it are the same code. */
  PDF_ENGINE: z.enum(['pdfium', 'pdfjs']).default('pdfium'),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`bad environment: ${issues}`);
  }
  return parsed.data;
}
