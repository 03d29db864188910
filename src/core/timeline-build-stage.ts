// The real timeline stage of a build, as a module the build thread imports by URL (see build-thread.ts).
import { buildTimeline, saveTimelineBuild } from '../timeline/stage.ts';
import type { TimelineModule } from './deps.ts';

export const timelineBuildStage: Pick<TimelineModule, 'extract' | 'save'> = { extract: buildTimeline, save: saveTimelineBuild };
