// A quoted sentence that points to another document ("см. прайс", "подробно в файле про гарантию") is followed there.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/engine.js';
import { listPointers } from '../../../src/knowledge/local/cross-references.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';

const BIKE = 4180000001;
const LITTER = 4190000002;
const DOCUMENTS: Record<string, string> = {
  [`item-${BIKE}-stels-navigator.md`]: [
    '# Велосипед Stels Navigator 700',
    '',
    '## Комплектация',
    'Педали, подножка, отражатели, звонок. Крылья и фонари в комплект НЕ входят, можно докупить у нас (см прайс).',
    '',
    '## Размеры',
    'Рама 17 и 19 дюймов, колеса 27.5. Высота рамы 50 см на размере 19.',
  ].join('\n'),
  [`item-${LITTER}-napolnitel.txt`]: [
    'Наполнитель для кошачьего туалета',
    '',
    'Доставка наполнителя по Екатеринбургу как обычный заказ, но если берете от 20 кг — считается как крупногабарит, см. файл по доставке.',
  ].join('\n'),
  'prais.csv': ['Услуга/товар;Цена, руб', 'Крылья 27.5 комплект;990', 'Фонари комплект перед+зад;1290', 'Замок тросовый;700'].join('\n'),
  'dostavka.md': [
    '# Доставка',
    '',
    'По Екатеринбургу:',
    '- заказ от 3 000 ₽ — бесплатно',
    '- до 3 000 ₽ — 250 ₽',
    '- крупногабарит (клетки, аквариумы, наполнитель от 20 кг) — 500 ₽',
  ].join('\n'),
};

let dir: string;
let engine: LocalKnowledgeEngine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'avito-ai-pointers-'));
  for (const [name, text] of Object.entries(DOCUMENTS)) await writeFile(join(dir, name), text);
  engine = createLocalEngine({ dir, checkIntervalMs: 0 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a sentence pointing to another document', () => {
  it('quotes the price list line it points to ("можно докупить у нас (см прайс)")', async () => {
    const answer = await engine.answer({ question: 'крылья идут в комплекте или докупать?', listing: { id: BIKE } });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('НЕ входят');
    expect(answer.text).toContain('990');
    expect(answer.sources).toEqual([`item-${BIKE}-stels-navigator.md`, 'prais.csv']);
  });

  it('quotes what the delivery file says of the case the sentence names ("см. файл по доставке")', async () => {
    const answer = await engine.answer({ question: 'если наполнителя кило 20 возьму доставка по екб скока будет', listing: { id: LITTER } });
    expect(answer.text).toContain('крупногабарит');
    expect(answer.text).toContain('500 ₽');
    expect(answer.sources).toContain('dostavka.md');
  });

  it('follows nothing from an answer that holds no pointer', async () => {
    const answer = await engine.answer({ question: 'какая рама', listing: { id: BIKE } });
    expect(answer.status).toBe('FOUND');
    expect(answer.sources).toEqual([`item-${BIKE}-stels-navigator.md`]);
  });
});

describe('listPointers', () => {
  const documents: Passage[] = [
    { id: 0, document: 'prais.csv', title: '', headings: [], text: 'Крылья;990', position: 0 },
    { id: 1, document: 'garantiya-i-vozvrat.md', title: 'Гарантия и возврат', headings: [], text: 'Гарантия 12 месяцев.', position: 1 },
    { id: 2, document: 'item-1-bike.md', title: 'Велосипед', headings: [], text: 'Рама 50 см.', position: 2, itemId: 1 },
  ];
  const pointed = (text: string): string[] => listPointers(text, 'item-1-bike.md', documents, extractTerms).map((pointer) => pointer.document);

  it('reads the pointers sellers write, by file name or title', () => {
    expect(pointed('Фонари докупаются (см. прайс).')).toEqual(['prais.csv']);
    expect(pointed('Гарантия 12 мес (подробно в файле про гарантию).')).toEqual(['garantiya-i-vozvrat.md']);
    expect(pointed('Условия смотрите в «Гарантия и возврат», там всё расписано.')).toEqual(['garantiya-i-vozvrat.md']);
  });

  it('takes "см" after a number for centimetres, and points to no listing nor to a document it cannot name', () => {
    expect(pointed('Высота 50 см прайс не нужен.')).toEqual([]);
    expect(pointed('Подробнее смотрите в объявлении про велосипед.')).toEqual([]);
    expect(pointed('См. фото 4.')).toEqual([]);
  });

  it('keeps the pointing sentence without the pointer: its own words say what to look for there', () => {
    const [pointer] = listPointers('Крылья не входят, можно докупить (см. прайс).', 'item-1-bike.md', documents, extractTerms);
    expect(pointer?.sentence).toContain('Крылья не входят');
    expect(pointer?.sentence).not.toContain('прайс');
  });
});
