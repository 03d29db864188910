import type { Axis } from './axis.ts';
import type { Theme } from './themes.ts';

/** One event as drawn: its mark (a dot at `x`, over its period's bar x0..x1) and its placed label. */
export interface DrawnEvent {
  x: number;
  spanX0: number;
  spanX1: number;
  precision: 'day' | 'month' | 'year';
  approximate: boolean;
  direction: 'right' | 'left';
  lane: number;
  date: string;
  summary: string;
  sources: string;
}

/** Everything `drawSvg` needs: the laid-out events, the axis, the legend and the colours. */
export interface Frame {
  width: number;
  title: string;
  subtitle: string;
  axis: Axis;
  events: DrawnEvent[];
  lanes: number;
  legend: string[];
  legendColumns: number;
  theme: Theme;
}
