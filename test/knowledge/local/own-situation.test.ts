import { describe, expect, it } from 'vitest';
import { splitOwnSituation } from '../../../src/knowledge/local/reason-clauses.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const CLEANING = 7101;
const isUnit = (word: string): boolean => ['метров', 'м', 'кг'].includes(word);

describe("the buyer's own case told after the question", () => {
  const shop = useKnowledgeFolder({
    [`item-${CLEANING}-uborka.md`]:
      '# Генеральная уборка квартир\n\nЦены:\n\n| Площадь | Цена |\n|---|---|\n| до 40 м² | 5 900 ₽ за всё |\n| от 40 до 60 м² | 7 500 ₽ за всё |\n\nПриезжаем бригадой 2–3 человека, квартиру 50–60 м2 убираем примерно за 5–7 часов.\n',
    'dacha.md': '# Дачи\n\nДачный домик до 30 метров убираем за 3 часа.\n',
  });

  it('only ranks: its amount is no word a passage must hold', async () => {
    const answer = await shop.ask('сколько часов вы будете у меня убирать, 55 метров', { id: CLEANING });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('5–7 часов');
  });

  it('is checked against a passage stating its measure for other amounts: that passage does not answer', async () => {
    const answer = await shop.ask('сколько часов будете убирать дачу, 55 метров');
    expect(answer.status).toBe('NOT_FOUND');
  });
});

describe('splitOwnSituation', () => {
  it('sets apart an amount alone, or the buyer himself with one, after a question', () => {
    expect(splitOwnSituation('сколько часов будете убирать, 55 метров', isUnit)).toEqual({ main: 'сколько часов будете убирать', situation: '55 метров' });
    expect(splitOwnSituation('высота столешницы какая, я высокая 178', isUnit)).toEqual({ main: 'высота столешницы какая', situation: 'я высокая 178' });
  });

  it('keeps a thing with its amount, a plan, and a clause after no question', () => {
    expect(splitOwnSituation('на скока дороже выйдет, кухня 2.8', isUnit)).toBeUndefined();
    expect(splitOwnSituation('скидка будет, беру 10 кг', isUnit)).toBeUndefined();
    expect(splitOwnSituation('подойдет, у меня 42', isUnit)).toBeUndefined();
  });
});
