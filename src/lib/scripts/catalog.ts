import { stageIds } from '../content/schema.ts';
import type { ScriptData, StageId } from '../content/schema.ts';

export interface ScriptEntry {
  id: string;
  data: ScriptData;
}

/** Scripts grouped in call order (opening → callback); within a stage, by title. */
export function groupByStage<T extends ScriptEntry>(scripts: readonly T[]): { stage: StageId; scripts: T[] }[] {
  return stageIds
    .map((stage) => ({
      stage,
      scripts: scripts
        .filter((s) => s.data.stage === stage)
        .sort((a, b) => a.data.title.localeCompare(b.data.title, 'zh-CN')),
    }))
    .filter((g) => g.scripts.length > 0);
}
