import { describe, expect, it } from 'vitest';
import { listAskedTitleTerms } from '../../../src/knowledge/local/query-reading.js';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const PHONE = 9101;
const SCOOTER = 9102;
const BED = 9103;

describe('a word of the listing’s title asked with a question word', () => {
  const shop = useKnowledgeFolder({
    [`item-${PHONE}-phone.md`]:
      '---\ntitle: Смартфон Pixel 8 128 ГБ, eSIM, АКБ 88%\n---\n\n# Pixel 8\n\nЦена: 32 000 ₽\n\nВерсия для США: только eSIM, слота под сим-карту нет.\n\nСостояние отличное, царапин нет, всегда в чехле.\n\n- Ёмкость аккумулятора 88%\n- Память 128 ГБ\n',
    'proverka.md': '# Проверка\n\nПри покупке можно вставить свою симку и посмотреть ёмкость аккумулятора в настройках.\n',
    [`item-${SCOOTER}-scooter.md`]: '---\ntitle: Электросамокат Ninebot F2, новый, гарантия\n---\n\nГарантия: 12 мес.\n\nБатарея: 367 Вт·ч.\n',
    [`item-${BED}-bed.md`]: '---\ntitle: Детская кроватка Соня\n---\n\nГарантия от производителя 18 мес.\n\nКроватка из березы.\n',
  });

  it('asks that word, answered by the listing’s line stating it, not by the line under the title naming it', async () => {
    const answer = await shop.ask('акб какая, слот под симку есть', { id: PHONE, title: 'Смартфон Pixel 8 128 ГБ, eSIM, АКБ 88%' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('88%');
    expect(answer.text).toContain('слота под сим-карту нет');
    // A general passage naming the battery in passing does not say which this phone has.
    expect(answer.text).not.toContain('в настройках');
  });

  it('asks it beside another question joined by "и"', async () => {
    const answer = await shop.ask('гарантия сколько и батарея какая', { id: SCOOTER, title: 'Электросамокат Ninebot F2, новый, гарантия' });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('12 мес');
    expect(answer.text).toContain('367');
  });

  it('reads a word after a preposition as what is asked about, and "почем" as the price of a thing', () => {
    const identity = new Set(['кроватк', 'гарант', 'аккумулятор', 'коламб']);
    expect(listAskedTitleTerms('гарантия на кроватку скока', identity, extractTerms)).toEqual([]);
    expect(listAskedTitleTerms('кофта коламбия почем', identity, extractTerms)).toEqual([]);
    expect(listAskedTitleTerms('какая акб?', identity, extractTerms)).toEqual(['аккумулятор']);
  });

  it('reads "какой X" followed by what is to be done with it as asking X', () => {
    const identity = new Set(['бензин', 'генератор']);
    expect(listAskedTitleTerms('на сколько часов хватит, какой бензин лить', identity, extractTerms)).toEqual(['бензин']);
    expect(listAskedTitleTerms('какой генератор посоветуете для дачи', identity, extractTerms)).toEqual([]);
  });
});
