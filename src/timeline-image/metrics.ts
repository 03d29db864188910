/**
 * Sizes in px of the 1× canvas. Discord's preview shows the 600 px canvas at about 0.9×, so 12 px labels come
 * out near 11 px, about the smallest text that stays readable there; source numbers and band labels are
 * secondary and a little smaller.
 */
export const METRICS = {
  margin: 14,
  titleSize: 15,
  labelSize: 12,
  sourceSize: 10,
  bandSize: 10.5,
  legendSize: 10.5,
  laneHeight: 17,
  bandRow: 16,
  legendRow: 15,
  headRadius: 3.5,
  markGap: 5,
} as const;

/** Text made safe inside SVG markup. */
export const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A coordinate rounded to 1/100 px, which keeps the SVG short. */
export const n = (value: number) => String(Math.round(value * 100) / 100);

/** A baseline this many em below a row's middle centres Inter's capitals and digits on it. */
export const CENTRE_BASELINE = 0.36;
