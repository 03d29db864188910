import { UserError } from '../errors.ts';
import type { ThemeName } from './types.ts';

/** Colours of one theme; the dark one uses Discord's dark background so the picture sits flush in the client. */
export interface Theme {
  background: string;
  text: string;
  muted: string;
  accent: string;
  grid: string;
  band: string;
  bandAlt: string;
  bandText: string;
}

export const THEMES: Record<ThemeName, Theme> = {
  light: {
    background: '#ffffff',
    text: '#1f2328',
    muted: '#5f6670',
    accent: '#5b4bc4',
    grid: '#eceef1',
    band: '#e7e4f7',
    bandAlt: '#d6d0f1',
    bandText: '#2f2870',
  },
  dark: {
    background: '#313338',
    text: '#f2f3f5',
    muted: '#b5bac1',
    accent: '#a89cff',
    grid: '#3d3f45',
    band: '#3f3a66',
    bandAlt: '#4c4680',
    bandText: '#ecebff',
  },
};

/** Checks a theme name given by a person (a CLI flag); light when none is given. */
export function parseTheme(value: string | undefined): ThemeName {
  if (value === undefined) return 'light';
  if (Object.hasOwn(THEMES, value)) return value as ThemeName;
  throw new UserError(`Unknown theme "${value}": use ${Object.keys(THEMES).join(' or ')}.`, 'BAD_THEME');
}
