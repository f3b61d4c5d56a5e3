import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';
import { setAnswerTracer } from '../../../src/knowledge/local/answer-trace.js';
import type { ScopeTrace } from '../../../src/knowledge/local/answer-trace.js';

describe('the answer tracer', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-answer-trace-'));
    await writeFile(join(dir, 'razmery.md'), '# Пуховик\n\nРазмеры: 44–54.\n\nНаличие: графит — 46, 48, 50.\n');
  });
  afterEach(() => setAnswerTracer(undefined));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('tells which check turned a hit away', async () => {
    const traces: ScopeTrace[] = [];
    setAnswerTracer((trace) => traces.push(trace));
    await createLocalEngine({ dir }).answer({ question: 'а 56 размер есть?' });
    const verdicts = traces.flatMap((trace) => trace.verdicts);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.every((verdict) => !verdict.numbers)).toBe(true);
  });

  it('traces nothing once cleared', async () => {
    const traces: ScopeTrace[] = [];
    setAnswerTracer((trace) => traces.push(trace));
    setAnswerTracer(undefined);
    await createLocalEngine({ dir }).answer({ question: 'размеры какие?' });
    expect(traces).toEqual([]);
  });
});
