import type { AppContext } from '../context.ts';
import type { AuthContext } from './auth-context.ts';
import { findUnit, unitWithin, type Unit } from './units.ts';

/** Answers, for one request, whether the user reaches units (cached per code). */
export class ScopeCache {
  private readonly reach = new Map<string, boolean>();
  private readonly units = new Map<string, Unit | null>();
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthContext,
  ) {}

  async unit(code: string): Promise<Unit | null> {
    if (!this.units.has(code)) this.units.set(code, await findUnit(this.ctx.db, code));
    return this.units.get(code)!;
  }

  async reaches(code: string): Promise<boolean> {
    if (!this.reach.has(code)) {
      const unit = await this.unit(code);
      this.reach.set(code, unit !== null && (await unitWithin(this.ctx.db, this.auth.scope, unit)));
    }
    return this.reach.get(code)!;
  }
}
