import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins of one account (or name asked) or one client address, shared by every server: the
 * run of failures so far and when the last one came (README "Accounts and roles"). The lockout is
 * derived from these two by src/auth/login-throttle.ts, so a changed setting applies at once.
 */
@Entity('login_throttle')
@Index('idx_login_throttle_last', ['lastFailureAt'])
export class LoginThrottle {
  /** `account:<id>`, `name:<name asked, lower case>` (no such account) or `address:<address or IPv6 /64>`. */
  @PrimaryColumn({ name: 'throttle_key', type: 'varchar', length: 160 })
  key: string;

  /** The first failure of the current run, ms since the epoch. */
  @Column({ name: 'window_start', type: 'bigint' })
  windowStart: string;

  @Column({ type: 'int' })
  failures: number;

  /** ms since the epoch; a run ends when a whole window passes without a failure. */
  @Column({ name: 'last_failure_at', type: 'bigint' })
  lastFailureAt: string;
}
