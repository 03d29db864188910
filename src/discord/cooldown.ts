/** Per-user cooldown between questions. */
export class Cooldowns {
  readonly #until = new Map<string, number>();

  constructor(
    readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts the user's cooldown and returns 0 when they may ask now; otherwise the whole seconds left to wait. */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const until = this.#until.get(userId) ?? 0;
    if (until > now) return Math.ceil((until - now) / 1000);
    if (this.#until.size > 10_000) this.#prune(now);
    this.#until.set(userId, now + this.seconds * 1000);
    return 0;
  }

  #prune(now: number): void {
    for (const [user, until] of this.#until) if (until <= now) this.#until.delete(user);
  }
}
