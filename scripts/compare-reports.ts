/** One figure across reports: where it sits in the JSON, and its value in each report (undefined where absent). */
export interface ComparedRow {
  path: string;
  values: Array<number | string | undefined>;
}

export interface Comparison {
  labels: string[];
  rows: ComparedRow[];
}

/**
 * Lines up the numbers (and short strings) of JSON reports by their path, whatever the reports contain.
 * Arrays of objects are keyed by their elements' first field when it is a string (e.g. a label), else by position.
 */
export function compareReports(reports: Array<{ label: string; report: unknown }>, options: { skip?: RegExp } = {}): Comparison {
  const flat = reports.map(({ report }) => {
    const leaves = new Map<string, number | string>();
    flatten(report, '', leaves, options.skip);
    return leaves;
  });
  const paths: string[] = [];
  for (const leaves of flat) for (const path of leaves.keys()) if (!paths.includes(path)) paths.push(path);
  return { labels: reports.map((r) => r.label), rows: paths.map((path) => ({ path, values: flat.map((leaves) => leaves.get(path)) })) };
}

function flatten(value: unknown, path: string, into: Map<string, number | string>, skip: RegExp | undefined): void {
  if (skip?.test(path)) return;
  if (typeof value === 'number' || typeof value === 'boolean') into.set(path, Number(value));
  else if (typeof value === 'string') into.set(path, value);
  else if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      into.set(path, value.length === 0 ? '(none)' : value.join('; '));
      return;
    }
    value.forEach((item, index) => {
      const [key, first] = item && typeof item === 'object' ? (Object.entries(item)[0] ?? []) : [];
      if (typeof first !== 'string') return flatten(item, `${path}[${index}]`, into, skip);
      // The label names the element; the rest of its fields are the figures.
      const { [key!]: _label, ...fields } = item as Record<string, unknown>;
      flatten(fields, `${path}[${first}]`, into, skip);
    });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, path ? `${path}.${key}` : key, into, skip);
  }
}

// Shares in [0, 1] read better as percentages; the key names that hold one.
const SHARE = /accuracy|hit|validity|recall|rate$|share|abstention|declined|wrong/i;

/**
 * A text table of the numbers: one row per path, one column per report, and the ratio of the last to the first
 * (not for shares); then the texts (model names, lists of misses), each report's on its own line.
 */
export function renderComparison({ labels, rows }: Comparison): string {
  const numeric = rows.filter((row) => row.values.some((value) => typeof value === 'number'));
  const cells = numeric.map(({ path, values }) => {
    const [first, last] = [values[0], values.at(-1)];
    const ratio =
      typeof first === 'number' && typeof last === 'number' && first !== 0 && !isShare(path) && labels.length > 1
        ? `${(last / first).toFixed(2)}×`
        : '';
    return [path, ...values.map((value) => format(path, value)), ratio];
  });
  const header = ['figure', ...labels, labels.length > 1 ? `${labels.at(-1)}/${labels[0]}` : ''];
  const table = [header, ...cells];
  const widths = header.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col]!))
      .join('  ')
      .trimEnd(),
  );
  const labelWidth = Math.max(...labels.map((label) => label.length));
  for (const { path, values } of rows.filter((row) => !numeric.includes(row))) {
    lines.push('', `${path}:`, ...values.map((value, i) => `  ${labels[i]!.padEnd(labelWidth)}  ${value ?? '–'}`));
  }
  return lines.join('\n');
}

const isShare = (path: string) => SHARE.test(path.split('.').at(-1) ?? '');

function format(path: string, value: number | string | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (isShare(path) && value >= 0 && value <= 1) return `${(value * 100).toFixed(1)}%`;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
}
