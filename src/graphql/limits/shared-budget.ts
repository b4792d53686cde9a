import type { TransactionalConnection } from '../../data/transactional-connection';
import { bucketOf, settle, WINDOW_MS, type BudgetLedger, type Charge } from './budget';

/** Prune old buckets at most once a minute per process. */
const PRUNE_EVERY_MS = 60 * 1000;

/**
 * Budgets kept in the database (BUDGET_STORE=database), so that every server behind a load balancer
 * charges the same budget per caller. A charge reads the caller's window and adds to its minute with
 * one upsert (no transaction): two servers charging the same caller at the same instant may both let
 * a request through on the last points, so a budget may be overspent by one request per server; a
 * charge is never lost. Two statements a request: use it when there is more than one server.
 */
export class DatabaseBudgetLedger implements BudgetLedger {
  private prunedAt = 0;

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly now: () => number = Date.now,
  ) {}

  async charge(key: string, cost: number, limit: number): Promise<Charge> {
    const t = this.now();
    const budgets = this.connection.repos().budgets;
    const { window: _, ...result } = settle(await budgets.window(key, t - WINDOW_MS), cost, limit, t);
    if (result.allowed && cost > 0) await budgets.add(key, bucketOf(t), cost);
    if (t - this.prunedAt > PRUNE_EVERY_MS) {
      this.prunedAt = t;
      await budgets.prune(t - WINDOW_MS);
    }
    return result;
  }
}
