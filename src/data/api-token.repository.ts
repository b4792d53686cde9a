import { IsNull } from 'typeorm';
import type { Db } from './engine';
import { ApiToken } from '../../entities';

export type NewApiTokenRow = Pick<ApiToken, 'userId' | 'name' | 'prefix' | 'tokenHash' | 'createdAt' | 'expiresAt'>;

export class ApiTokenRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(ApiToken);
  }

  insert(row: NewApiTokenRow): Promise<ApiToken> {
    return this.repo.save(this.repo.create({ ...row, lastUsedAt: null, revokedAt: null }));
  }

  /** Unrevoked tokens starting with `prefix`: the caller compares hashes. */
  activeByPrefix(prefix: string): Promise<ApiToken[]> {
    return this.repo.findBy({ prefix, revokedAt: IsNull() });
  }

  byId(id: number): Promise<ApiToken | null> {
    return this.repo.findOneBy({ id });
  }

  ofUser(userId: number): Promise<ApiToken[]> {
    return this.repo.find({ where: { userId }, order: { id: 'ASC' } });
  }

  async touch(id: number, at: string): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }

  async revoke(id: number, at: string): Promise<void> {
    await this.repo.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** Every token of a user ends with the user (a disabled account's tokens stop at once anyway). */
  async revokeAllOf(userId: number, at: string): Promise<void> {
    await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
