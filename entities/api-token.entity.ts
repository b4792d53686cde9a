import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A long-lived token of a user, for analysts' scripts: only its SHA-256 is kept, with the first
 * characters of the token (`prefix`) to find it and to show which token a row is.
 */
@Entity('api_token')
@Index('uq_api_token_hash', ['tokenHash'], { unique: true })
export class ApiToken {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Index('idx_api_token_user')
  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index('idx_api_token_prefix')
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** Hex SHA-256 of the whole token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 30, nullable: true })
  expiresAt: string | null;

  @Column({ name: 'last_used_at', type: 'varchar', length: 30, nullable: true })
  lastUsedAt: string | null;

  @Column({ name: 'revoked_at', type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;
}
