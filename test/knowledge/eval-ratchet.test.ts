// The evaluation sets (eval/shops, see eval/README.md) run in the suite: a change that lowers answer quality below
// the figures recorded in docs/benchmarks.md fails here. The floors only move up, with the figures beside them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runEval, type EvalReport } from '../../bench/eval-lib.mjs';
import { resolveConfig } from '../../src/config/config.js';
import { composeReply } from '../../src/core/answer.js';
import { createEscalationMatcher } from '../../src/core/escalation.js';
import { createLocalEngine } from '../../src/knowledge/local/local-engine.js';

const SHOPS = join(import.meta.dirname, '../../eval/shops');

/**
 * Per half, over all ten shops: FOUND answered right at least, made-up answers at most, requests for a person caught at
 * least. Silence must stay whole and no escalation be invented. The phones and furniture shops came in at tune 42 FOUND /
 * 3 made-up and held-out 31 / 6; bikes, pets and greenhouse at tune 48 / 5 and held-out 58 / 8, with 2 of 15 and 1 of 15
 * requests for a person missed (see eval/README.md). The held-out half's missed request is unread, so its floor is 49 of 50.
 */
const FLOORS = {
  tune: { found: 271, madeUp: 13, escalation: 50 },
  heldout: { found: 180, madeUp: 17, escalation: 49 },
} as const;

describe('answer quality on the evaluation shops, default settings', () => {
  let report: EvalReport;

  beforeAll(async () => {
    const { responder: settings } = resolveConfig({ env: {}, cwd: mkdtempSync(join(tmpdir(), 'avito-ai-eval-')) });
    report = await runEval(SHOPS, { composeReply, createLocalEngine, escalation: createEscalationMatcher(settings.escalationPhrases), settings });
  }, 60_000);

  it.each(Object.entries(FLOORS))('%s half: answers at least as many right and makes up no more than recorded', (split, floor) => {
    const totals = report.totals[split]!;
    expect(totals.found[0]).toBeGreaterThanOrEqual(floor.found);
    expect(totals.madeUp).toBeLessThanOrEqual(floor.madeUp);
  });

  it.each(Object.entries(FLOORS))('%s half: requests for a person caught as recorded, none invented, no fallback for small talk', (split, floor) => {
    const totals = report.totals[split]!;
    expect(totals.escalation[0]).toBeGreaterThanOrEqual(floor.escalation);
    expect(totals.falseEscalation).toBe(0);
    expect(totals.silent[0]).toBe(totals.silent[1]);
    expect(totals.escalation[1]).toBeGreaterThan(0);
  });
});
