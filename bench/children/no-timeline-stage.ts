// The scale build's timeline stage, for the build thread to import: no events (extraction would take minutes at
// 100,000 chunks; scale-build.ts measures its rate on a sample instead), saved like a real build's.
import type { TimelineModule } from '../../src/core/deps.ts';
import { saveTimelineBuild } from '../../src/timeline/stage.ts';

export const timelineBuildStage: Pick<TimelineModule, 'extract' | 'save'> = {
  extract: async () => ({ events: [], records: [], extracted: [], ms: { extract: 0, assemble: 0 }, computed: 0 }),
  save: saveTimelineBuild,
};
