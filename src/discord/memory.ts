import type { Answer } from '../answer/types.ts';

/** A map that forgets its oldest entries past `maxEntries` and entries older than `ttlMs`. */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs = Infinity,
    private readonly now: () => number = Date.now,
  ) {}

  set(key: K, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, at: this.now() });
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as K);
  }

  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Forgets one entry; true when it was there. */
  delete(key: K): boolean {
    return this.#entries.delete(key);
  }
}

/** An answer the bot gave recently, for feedback buttons and thread follow-ups. */
export interface RecentAnswer {
  question: string;
  answer: Answer;
}

/** Recent answers by answer id and by message id, and the last question asked in each thread. */
export class AnswerMemory {
  readonly #answers = new BoundedMap<string, RecentAnswer>(2000);
  readonly #threads = new BoundedMap<string, string>(2000);

  /** Remembers an answer under each of `ids` (the answer id, then the message id once known). */
  remember(ids: string[], entry: RecentAnswer): void {
    for (const id of ids) this.#answers.set(id, entry);
  }

  get(id: string): RecentAnswer | undefined {
    return this.#answers.get(id);
  }

  rememberThreadQuestion(threadId: string, question: string): void {
    this.#threads.set(threadId, question);
  }

  threadQuestion(threadId: string): string | undefined {
    return this.#threads.get(threadId);
  }
}
