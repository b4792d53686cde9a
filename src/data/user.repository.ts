import type { Db } from './engine';
import { User } from '../../entities';

export type NewUserRow = Pick<User, 'name' | 'role' | 'regionCode' | 'agencyId' | 'passwordHash' | 'createdAt'>;

export class UserRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.getRepository(User);
  }

  byId(id: number): Promise<User | null> {
    return this.repo.findOneBy({ id });
  }

  byName(name: string): Promise<User | null> {
    return this.repo.findOneBy({ name });
  }

  list(): Promise<User[]> {
    return this.repo.find({ order: { id: 'ASC' } });
  }

  count(): Promise<number> {
    return this.repo.count();
  }

  insert(row: NewUserRow): Promise<User> {
    return this.repo.save(this.repo.create({ ...row, disabled: false }));
  }

  async disable(id: number): Promise<void> {
    await this.repo.update({ id }, { disabled: true });
  }
}
