import { z } from 'zod';

/** Every setting the platform reads, typed and checked once at start-up. */
const EnvSchema = z.object({
  /** mysql://user:pass@host:port/db selects MySQL/MariaDB; unset means the embedded SQLite file. */
  DATABASE_URL: z.string().regex(/^mysql:\/\//, 'DATABASE_URL must start with mysql://').optional(),
  SQLITE_PATH: z.string().default('data/nianbao.sqlite'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Region (GB/T 2260 prefix) whose divisions are loaded on first start. */
  REGION_SEED: z.string().regex(/^\d{2,6}$/).default('37'),
  DB_LOGGING: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs viewer tokens; unset means anonymous read-only access for everyone. */
  JWT_SECRET: z.string().min(16).optional(),
  /** Whole answers to queries, keyed by the data version that every write bumps; `off` to measure without. */
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
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
