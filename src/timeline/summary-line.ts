/** The event a date belongs to: its clause (for matching), a one-line summary, and whether it reports a statement. */
export interface EventText {
  clause: string;
  /** Where the clause sits in the sentence. */
  start: number;
  end: number;
  summary: string;
  said: boolean;
}

// A summary is one line: long enough for actor, verb and object, short enough for a list or a Discord field.
const MAX_SUMMARY = 120;

/** The summary as one line: cut at a word within the length, capitalised. */
export function finish(text: string): string {
  let out = text;
  if (out.length > MAX_SUMMARY) {
    const cut = out.slice(0, MAX_SUMMARY);
    out = `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,;:–—-]+$/, '')}…`;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}
