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

  describe('with a passage stating another amount', () => {
    const bags = useKnowledgeFolder({ 'cement.md': '# Цемент\n\nЦемент М500 в мешках по 50 кг, 600 ₽ за мешок.\n' });

    it('names the answer check that turned a hit away', async () => {
    const traces: ScopeTrace[] = [];
    setAnswerTracer((trace) => traces.push(trace));
    await bags.ask('цемент в мешках по 25 кг есть?');
    const refused = traces.flatMap((trace) => trace.verdicts).filter((verdict) => !verdict.check);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.map((verdict) => verdict.refusedBy)).toContain('amount');
    });
  });

  it('traces nothing once cleared', async () => {
    const traces: ScopeTrace[] = [];
    setAnswerTracer((trace) => traces.push(trace));
    setAnswerTracer(undefined);
    await shop.ask('размеры какие?');
    expect(traces).toEqual([]);
  });
});
