/**
 * What the picture needs of an event: any timeline extractor's events fit this shape, so the renderer
 * does not depend on how events are found.
 */
export interface ImageEvent {
  /** YYYY, YYYY-MM or YYYY-MM-DD, matching `precision`. */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** The date is an estimate (e.g. a relative date whose anchor is uncertain). */
  approximate?: boolean;
  summary: string;
  sources: ReadonlyArray<{ source: string }>;
}

/** A corpus file named in the legend; `title` is shown when known. */
export interface ImageArticle {
  source: string;
  title?: string;
}

export type ThemeName = 'light' | 'dark';

export interface TimelineImageOptions {
  theme?: ThemeName;
  /** The heading, e.g. the filters that chose the events. */
  title?: string;
  /** Titles for the legend, looked up by file name. */
  articles?: ReadonlyArray<ImageArticle>;
}

/** A rendered timeline: the SVG source and its PNG, `width` × `height` pixels. */
export interface TimelineImage {
  svg: string;
  png: Buffer;
  width: number;
  height: number;
}
