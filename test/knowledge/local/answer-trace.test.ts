import { afterEach, describe, expect, it } from 'vitest';
import { setAnswerTracer } from '../../../src/knowledge/local/answer-trace.js';
import type { ScopeTrace } from '../../../src/knowledge/local/answer-trace.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('the answer tracer', () => {
  const shop = useKnowledgeFolder({ 'razmery.md': '# Пуховик\n\nРазмеры: 44–54.\n\nНаличие: графит — 46, 48, 50.\n' });
  afterEach(() => setAnswerTracer(undefined));

  it('tells which check turned a hit away', async () => {
    const traces: ScopeTrace[] = [];
    setAnswerTracer((trace) => traces.push(trace));
    await shop.ask('а 56 размер есть?');
    const verdicts = traces.flatMap((trace) => trace.verdicts);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((verdict) => !verdict.numbers)).toBe(true);
  });

  it('traces nothing once cleared', async () => {
    const traces: ScopeTrace[] = [];
    setAnswerTracer((trace) => traces.push(trace));
    setAnswerTracer(undefined);
    await shop.ask('размеры какие?');
    expect(traces).toEqual([]);
  });
});
