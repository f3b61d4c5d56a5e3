import { describe, expect, it } from 'vitest';
import { expectReadAlike, expectReadApart } from '../../../helpers/trade-words.js';
import { useKnowledgeFolder } from '../../../helpers/knowledge-folder.js';

describe('appliance and home cleaning words, second pass', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['кондюк', 'кондиционер'],
      ['сливает', 'слив'],
      ['гремит', 'стук'],
      ['грохочет', 'стучит'],
      ['стеклокерамическая', 'стеклокерамика'],
      ['электроплита', 'плита'],
      ['робопылесос', 'робот'],
      ['намерзает', 'наледь'],
      ['отпарка', 'отпариватель'],
      ['озонатор', 'озонирование'],
      ['озонация', 'озонирования'],
      ['расходники', 'расходные'],
      ['домработница', 'уборка'],
      ['урина', 'моча'],
      ['нассал', 'мочи'],
      ['описался', 'мочой'],
      ['обеспыливание', 'пыль'],
      ['снаружи', 'наружные'],
      ['наружка', 'снаружи'],
      ['душевуху', 'душевая'],
      ['отбелить', 'отбеливание'],
      ['антиплесень', 'плесень'],
    ];
    expectReadAlike(pairs);
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      // A capacitor to a repairman.
      ['кондер', 'кондиционер'],
      // Selling off cheap, blending in.
      ['сливаю', 'слив'],
      ['сливается', 'слив'],
      ['сливки', 'слив'],
      // The builders' lime.
      ['известка', 'налет'],
      // Described.
      ['описал', 'мочи'],
      // Consumption.
      ['расход', 'расходники'],
      // "Внешний вид" of a used thing.
      ['внешний', 'снаружи'],
      // A stove lit.
      ['затопили', 'потоп'],
    ];
    expectReadApart(pairs);
  });

  describe('answer a buyer asking in other words than the price list', () => {
    const folder = useKnowledgeFolder({
      'prices.md': [
        '# Ремонт техники и клининг',
        '',
        '## Ремонт стиральных машин',
        'Замена сливного насоса — от 1 500 ₽.',
        'Замена подшипников (стук при отжиме) — от 3 500 ₽.',
        '',
        '## Техника в наличии',
        'Варочная панель, стеклокерамика Hansa — 15 000 ₽.',
        'Робот-пылесос Xiaomi S10 — 15 000 ₽.',
        '',
        '## Клининг',
        'Озонирование квартиры после жильцов — 3 000 ₽.',
        'Выведение запаха мочи животных с дивана — от 2 000 ₽.',
        'Расходные материалы и химия входят в стоимость.',
        '',
      ].join('\n'),
    });

    it.each([
      ['машинка не сливает воду, почините?', 'сливного насоса'],
      ['грохочет, сколько будет стоить?', 'подшипников'],
      ['стеклокерамическая почем?', '15 000'],
      ['робопылесос почем?', '15 000'],
      ['озонатором квартиру обработаете?', 'Озонирование'],
      ['кот нассал, выведете?', 'мочи'],
      ['расходники ваши?', 'Расходные материалы'],
    ])('"%s"', async (question, fragment) => {
      const answer = await folder.ask(question);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain(fragment);
    });
  });
});
