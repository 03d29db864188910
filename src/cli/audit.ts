import { auditLogPath, readAudit } from '../ingest/audit.ts';
import type { CliOut } from './confirm.ts';

/** `dossier audit [--json]`: the corpus audit log, oldest first. Needs no index. */
export async function runAudit(dataDir: string, options: { json: boolean }, out: Pick<CliOut, 'print'>): Promise<number> {
  const entries = await readAudit(dataDir);
  if (options.json) {
    out.print(JSON.stringify(entries, null, 2));
    return 0;
  }
  if (entries.length === 0) out.print(`No corpus changes recorded yet (${auditLogPath(dataDir)}).`);
  for (const entry of entries) {
    if ('damaged' in entry) out.print(`(damaged line: ${entry.damaged})`);
    else
      out.print(
        `${entry.at}  ${entry.action.padEnd(6)} ${entry.source}  by ${entry.actor.via}:${entry.actor.id}${entry.actor.name ? ` (${entry.actor.name})` : ''}  sha256 ${entry.checksum}${entry.origin ? `  from ${entry.origin}` : ''}`,
      );
  }
  return 0;
}
