/**
 * Draws the README's example pictures from the shipped corpus: `npm run timeline:image [-- --from X --person P
 * …]` (the CLI's timeline filters) writes docs/timeline.png (light) and docs/timeline-dark.png, with the same events
 * `/timeline` and `dossier timeline` would list for those filters. The index is built in a temporary folder
 * with the packaged offline encoder, so neither `.env` nor an existing `data/` changes the result.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDossier } from '../src/core/open-dossier.ts';
import { TIMELINE_FLAGS, timelineQuery } from '../src/core/timeline-options.ts';
import { pictureTitle } from '../src/timeline-image/title.ts';
import { writeTimelinePng } from '../src/timeline-image/write-png.ts';

const root = join(import.meta.dirname, '..');
const query = timelineQuery(parseArgs({ options: TIMELINE_FLAGS }).values);
const dataDir = await mkdtemp(join(tmpdir(), 'dossier-timeline-image-'));
try {
  const config = loadConfig(
    { CORPUS_DIR: join(root, 'corpus'), DATA_DIR: dataDir, EMBEDDINGS: 'use-lite', ALLOW_REMOTE_MODELS: 'false' },
    root,
  );
  const dossier = await openDossier(config, { notice: (m) => console.error(m), warn: (m) => console.error(`warning: ${m}`) });
  try {
    const events = await dossier.timeline(query);
    await mkdir(join(root, 'docs'), { recursive: true });
    for (const [theme, name] of [
      ['light', 'timeline.png'],
      ['dark', 'timeline-dark.png'],
    ] as const) {
      const image = await writeTimelinePng(join(root, 'docs', name), events, {
        theme,
        title: pictureTitle(query),
        articles: dossier.sources(),
      });
      console.log(`docs/${name}: ${image.width}×${image.height} px, ${(image.png.length / 1024).toFixed(0)} KB, ${events.length} events`);
    }
  } finally {
    await dossier.close();
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
