import { readFileSync } from 'node:fs';

/** A field of /proc/self/status in MiB (VmHWM: the peak resident set; VmRSS: now), or NaN off Linux. */
export function procStatusMb(field: 'VmHWM' | 'VmRSS'): number {
  try {
    const line = readFileSync('/proc/self/status', 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN;
  } catch {
    return NaN;
  }
}
