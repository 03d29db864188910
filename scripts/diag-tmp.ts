import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFromDotenv } from '/work/main/src/config.ts';
import { loadEmbeddings } from '/work/main/src/index/embeddings/load.ts';
import { fitParameters, evaluate, statesAnswer } from '/work/main/src/eval/cross-validate.ts';
import { loadLabelledSets } from '/work/main/src/eval/labelled.ts';
import { prepareSets } from '/work/main/src/eval/prepare.ts';
import { decide } from '/work/main/src/answer/answer.ts';
const config = loadConfigFromDotenv();
const embeddings = await loadEmbeddings(config.embeddings, () => {});
const sets = loadLabelledSets('/work/main/eval/sets.json');
let t = performance.now();
const items = await prepareSets(sets, config, embeddings, join(tmpdir(), 'dossier-calibrate', embeddings.modelId.replace(/[^A-Za-z0-9]+/g, '-')), () => {});
console.log('prepare ms', performance.now() - t);
t = performance.now();
const p = fitParameters(items);
console.log('fit ms', performance.now() - t, p.ranker.features.map((f, i) => `${f}:${p.ranker.weights[i]!.toFixed(2)}`).join(' '), 'b', p.ranker.weights.at(-1));
console.log('decision', p.decision.features.map((f, i) => `${f}:${p.decision.weights[i]!.toFixed(2)}`).join(' '), p.threshold, p.keepRatio);
const ans = items.filter((i) => i.question.must_contain_any.length);
const poolHit = ans.filter((i) => i.prepared.candidates.some((c) => statesAnswer(i, c))).length;
const outs = evaluate(ans, { ...p, threshold: 0 });
const top1 = ans.filter((i) => { const d = decide(i.index, i.prepared, { version: 1, encoder: '', fittedAt: '', ...p }); return d.ranked[0] && statesAnswer(i, d.ranked[0]); }).length;
console.log('answerable', ans.length, 'pool recall', poolHit / ans.length, 'top1 states', top1 / ans.length, 'answer correct if all answered', outs.filter((o) => o.correct).length / ans.length);
for (const o of outs.filter((o) => !o.correct).slice(0, 12)) console.log('MISS', o.item.question.id, o.item.question.question, '=>', o.text.slice(0, 200), '| want', JSON.stringify(o.item.question.must_contain_any));
for (const k of [1, 2, 3, 5]) {
  const hit = ans.filter((i) => { const d = decide(i.index, i.prepared, { version: 1, encoder: '', fittedAt: '', ...p }); return d.ranked.slice(0, k).some((c) => statesAnswer(i, c)); }).length;
  console.log('top', k, hit / ans.length);
}
const byType = new Map<string, number[]>();
for (const o of outs) { const t = o.item.prepared.analysis.type; const v = byType.get(t) ?? [0, 0]; v[0]! += o.correct ? 1 : 0; v[1]! += 1; byType.set(t, v); }
console.log([...byType].map(([t, [c, n]]) => `${t}:${c}/${n}`).join(' '));
