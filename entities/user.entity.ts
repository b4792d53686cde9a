import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Roles a person or script may hold; SYSTEM (the platform's own jobs) is never one of them. */
export const ACCOUNT_ROLES = ['ADMIN', 'SUPERVISOR', 'AGENCY', 'ANALYST'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/**
 * An account. Its scope is the region it is confined to (null only for ADMIN and an unconfined
 * ANALYST) and, for AGENCY, the agency it edits. Only an argon2id hash of the password is kept.
 */
@Entity('user_account')
@Index('uq_user_account_name', ['name'], { unique: true })
export class User {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  role: AccountRole;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ name: 'agency_id', type: 'int', nullable: true })
  agencyId: number | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  disabled: boolean;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
