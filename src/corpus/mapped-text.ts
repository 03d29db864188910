/**
 * Text built from pieces of an original string that remembers, for every character, where it came from,
 * so a cleaned sentence can always be quoted verbatim from the original file.
 */
export class MappedTextBuilder {
  private text = '';
  private readonly offsets: number[] = [];

  /** Appends one character standing for the original character at `offset`. */
  push(char: string, offset: number): void {
    this.text += char;
    this.offsets.push(offset);
  }

  /** Drops trailing spaces, so a line never ends in white space. */
  trimEnd(): void {
    while (this.text.endsWith(' ')) {
      this.text = this.text.slice(0, -1);
      this.offsets.pop();
    }
  }

  get length(): number {
    return this.text.length;
  }

  endsWith(suffix: string): boolean {
    return this.text.endsWith(suffix);
  }

  build(): { text: string; offsets: number[] } {
    return { text: this.text, offsets: [...this.offsets] };
  }
}

/** The original span [start, end) covered by clean[cleanStart, cleanEnd). */
export function originalSpan(offsets: number[], cleanStart: number, cleanEnd: number): { start: number; end: number } {
  return { start: offsets[cleanStart]!, end: offsets[cleanEnd - 1]! + 1 };
}
