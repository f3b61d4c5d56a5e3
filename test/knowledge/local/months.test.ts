import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a month asked of a season the documents state as a range', () => {
  const shop = useKnowledgeFolder({
    'o-nas.txt': [
      'О нас',
      '"Шинный двор" - шины и диски новые и б/у, шиномонтаж, сезонное хранение. Работаем с 2015 года.',
      'Режим работы:\nпн-сб 9:00-19:00\nвс 10:00-16:00\nВ сезон переобувки (15 окт - 15 дек, 1 апр - 20 мая) работаем без выходных с 8:00 до 21:00.',
      'Хранение шин и колес: теплый сухой склад, храним в пакетах, на стеллажах.',
    ].join('\n\n'),
  });

  it('is answered by the season holding it ("в ноябре" of "15 окт - 15 дек")', async () => {
    expect(await shop.ask('в ноябре во скока открываетесь')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('8:00') });
  });

  it('leaves a day of it unanswered: "31 декабря" is no day the season names', async () => {
    expect((await shop.ask('31 декабря работаете?')).status).toBe('NOT_FOUND');
  });
});

describe('months read from dates and seasons', () => {
  it('stand for every month a season spans, over the new year too', () => {
    expect(extractTerms('с ноября по март храним')).toEqual(expect.arrayContaining(['ноябрь', 'декабрь', 'январь', 'февраль', 'март']));
    expect(extractTerms('в сезон (май-июль)')).toContain('июнь');
  });

  it('give a day of a month as the date a seller may write', () => {
    expect(extractTerms('31 декабря работаете?')).toEqual(expect.arrayContaining(extractTerms('31.12 не работаем')));
  });
});
