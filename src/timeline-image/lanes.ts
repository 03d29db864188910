/** A label to place: its event's mark spans x0..x1 (a dot, or its month's or year's bar); `width` is its text's. */
export interface LabelRequest {
  x0: number;
  x1: number;
  width: number;
}

/**
 * Where a label goes: its lane (1 is the top one) and whether its text runs right of the mark or, near the
 * canvas's right edge, left of it. `width` is what the text may use (less than asked when the canvas ends first).
 */
export interface LabelPlace {
  lane: number;
  direction: 'right' | 'left';
  width: number;
}

export interface LaneGeometry {
  left: number;
  right: number;
  /** Space between a mark and its text. */
  gap: number;
  /** Space kept between two labels in one lane. */
  padding: number;
  /** A text is turned to the left of its mark when less than this (or its own width) is left on the right. */
  minWidth: number;
  /** How many lanes a label cut short by the canvas edge is worth saving: Infinity never cuts when it can stack. */
  truncationCost: number;
}

/**
 * Each event is a mark at its date with its label beside it, in the first lane (from the top) where mark and
 * label overlap nothing already placed, so events of one day or month stack in a column. A label runs right of
 * its mark, or left where that puts it in a higher lane or the right has no room. Events are taken from the
 * left and from the right; whichever needs fewer lanes is kept.
 */
export function placeLabels(requests: LabelRequest[], g: LaneGeometry): LabelPlace[] {
  const byX = requests.map((_, i) => i).sort((i, j) => requests[i]!.x0 - requests[j]!.x0 || i - j);
  const candidates = [placeInOrder(requests, byX, g), placeInOrder(requests, [...byX].reverse(), g)];
  return candidates.reduce((best, next) => (laneCount(next) < laneCount(best) ? next : best));
}

function placeInOrder(requests: LabelRequest[], order: number[], g: LaneGeometry): LabelPlace[] {
  const taken: Array<Array<[number, number]>> = [];
  const places: LabelPlace[] = new Array(requests.length);
  for (const i of order) {
    const { x0, x1, width } = requests[i]!;
    const options = (['right', 'left'] as const).map((direction) => {
      const room = direction === 'right' ? g.right - x1 - g.gap : x0 - g.gap - g.left;
      const fitted = Math.max(0, Math.min(width, room));
      const span: [number, number] = direction === 'right' ? [x0, x1 + g.gap + fitted] : [x0 - g.gap - fitted, x1];
      return { direction, fitted, span, fits: room >= Math.min(width, g.minWidth), lane: firstFree(taken, span, g.padding) };
    });
    const score = (option: (typeof options)[number]) => option.lane + (option.fitted < width ? g.truncationCost : 0);
    options.sort((a, b) => Number(b.fits) - Number(a.fits) || score(a) - score(b) || b.fitted - a.fitted);
    const best = options[0]!;
    (taken[best.lane] ??= []).push(best.span);
    places[i] = { lane: best.lane + 1, direction: best.direction, width: best.fitted };
  }
  return places;
}

function firstFree(taken: Array<Array<[number, number]>>, [from, to]: [number, number], padding: number): number {
  const lane = taken.findIndex((spans) => spans.every(([a, b]) => to + padding <= a || b + padding <= from));
  return lane === -1 ? taken.length : lane;
}

/** How many lanes the places use. */
export function laneCount(places: LabelPlace[]): number {
  return Math.max(0, ...places.map((p) => p.lane));
}
