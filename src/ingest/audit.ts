import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Who made a corpus change, and through which adapter. */
export interface Actor {
  via: 'discord' | 'cli';
  id: string;
  name?: string;
}

/** One line of the corpus audit log. */
export interface AuditEntry {
  at: string;
  action: 'add' | 'remove';
  actor: Actor;
  source: string;
  title?: string;
  /** sha256 of the article file's bytes. */
  checksum: string;
  /** The uploaded file's name or the URL an added article came from. */
  origin?: string;
  chunks: number;
}

/** The audit log's file in DATA_DIR. */
export const auditLogPath = (dataDir: string) => join(dataDir, 'corpus-audit.jsonl');

/** Appends one entry (the file is only ever appended to, one JSON object a line). */
export async function appendAudit(dataDir: string, entry: AuditEntry): Promise<void> {
  const path = auditLogPath(dataDir);
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${JSON.stringify(entry)}\n`, { flag: 'a' });
}

/** Every entry, oldest first; a damaged line is returned as a note rather than dropped silently. */
export async function readAudit(dataDir: string): Promise<(AuditEntry | { damaged: string })[]> {
  const text = await readFile(auditLogPath(dataDir), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as AuditEntry;
      } catch {
        return { damaged: line.slice(0, 200) };
      }
    });
}
