// A passage naming none of a document's brands ("От 5 кг одного корма — скидка 5%") states a rule for all of them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';

const FOOD = 4190000001;
const listing = { id: FOOD, title: 'Корм для кошек и собак на развес, сухой и влажный (Brit, Pro Plan, Monge)' };
const DOCUMENT = [
  '# Корм на развес для кошек и собак',
  '',
  '## Сухой корм, цена за 1 кг',
  '',
  '| Корм | Для кого | Цена за 1 кг |',
  '|---|---|---|',
  '| Brit Premium Dog Adult Medium | собаки средних пород | 520 ₽ |',
  '| Monge Dog Speciality Mini ягнёнок рис | собаки мелких пород | 1 180 ₽ |',
  '',
  '## Влажный корм поштучно',
  '',
  '- Felix Аппетитные кусочки, пауч 75 г — 45 руб',
  '- Brit Premium для собак, банка 400 г — 190 руб',
  '',
  '## Скидки',
  'От 5 кг одного корма — скидка 5%. Торг не уместен, цены и так ниже магазинных)',
].join('\n');

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brand-rules-'));
  await writeFile(join(dir, `item-${FOOD}-korm.md`), DOCUMENT);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a rule stated for every brand of a document', () => {
  it('answers a question naming one brand by a passage naming none', async () => {
    const answer = await createLocalEngine({ dir }).answer({ question: 'если возьму 6 кило брита собачьего скидка будет', listing });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('скидка 5%');
  });
});
