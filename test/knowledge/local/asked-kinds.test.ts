import { describe, expect, it } from 'vitest';
import { findAskedKinds, statesAskedKinds } from '../../../src/knowledge/local/asked-kinds.js';
import type { Passage } from '../../../src/knowledge/local/passages.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const GREENHOUSE = 7601;
const LITTER = 7602;
const PAINTED = 7603;

describe('a kind of value the question asks (asked-kinds.ts)', () => {
  const shop = useKnowledgeFolder({
    [`item-${GREENHOUSE}-teplica.md`]:
      '---\ntitle: Теплица усиленная 3х6\n---\n\nКомплектация: 2 двери, 2 форточки, крепеж, уплотнитель, инструкция. Можно докупить автоматический проветриватель (термопривод, сам открывает форточку в жару) - 3 500 р.\n',
    [`item-${LITTER}-napolnitel.txt`]:
      'Наполнитель тофу\n\nТофу с зелёным чаем, 6 л (2,3 кг) — 690 р. Комкующийся, смывается в унитаз.\n\nСиликагель «Кошкин дом», 3,8 л — 470 р. Кристаллы, одной упаковки на одну кошку хватает примерно на месяц.\n',
    [`item-${PAINTED}-teplica.md`]:
      '---\ntitle: Теплица Дачница\n---\n\nКомплектация: каркас, крепеж, уплотнитель чёрный, инструкция. Термопривод открывает форточку от +20 °C.\n\nНаполнитель хватает примерно на месяц.\n',
  });

  it('falls back where the passage on the thing states no colour', async () => {
    // "уплотнитель какого цвета": the kit line names the seal and says nothing of its colour.
    expect((await shop.ask('уплотнитель и торцевая лента какого цвета, черные?', { id: GREENHOUSE, title: 'Теплица усиленная 3х6' })).status).toBe('NOT_FOUND');
  });

  it('falls back where the passage states no temperature for "до скольки градусов"', async () => {
    expect((await shop.ask('термопривод до скольки градусов открывает', { id: GREENHOUSE, title: 'Теплица усиленная 3х6' })).status).toBe('NOT_FOUND');
  });

  it('answers where the passage states a value of the kind asked', async () => {
    const colour = await shop.ask('уплотнитель какого цвета?', { id: PAINTED, title: 'Теплица Дачница' });
    expect(colour.status).toBe('FOUND');
    expect(colour.text).toContain('чёрный');
    const degrees = await shop.ask('термопривод до скольки градусов открывает', { id: PAINTED, title: 'Теплица Дачница' });
    expect(degrees.status).toBe('FOUND');
    expect(degrees.text).toContain('°C');
  });
});

describe('a time asked: "на скока хватает", "скока по времени"', () => {
  const words = (text: string): string[] => text.split(/[^а-яё0-9]+/u).filter((word) => word !== '');
  const passage = (text: string): Passage => ({ text, headings: [] }) as unknown as Passage;

  it('asks a time of the words of its clause and of the bare noun phrases beside it', () => {
    const [time] = findAskedKinds('тофу 6 л одной кошке на скока примерно хватает?', words);
    expect(time?.name).toBe('time');
    expect(statesAskedKinds([time!], ['тофу', '6'], passage('Тофу, 6 л (2,3 кг) — 690 р. Комкующийся.'))).toBe(false);
    expect(statesAskedKinds([time!], ['тофу', '6'], passage('Одной упаковки на одну кошку хватает примерно на месяц.'))).toBe(true);
  });

  it('leaves a clause asking its own question to itself', () => {
    const [time] = findAskedKinds('фотки не слетят после переустановки и скока по времени займет', words);
    expect(time?.within.has('фотки')).toBe(false);
  });

  it('reads a count asked after "на скока" as no time', () => {
    expect(findAskedKinds('пятерки на скока пшиков хватит примерно', words)).toEqual([]);
  });
});
