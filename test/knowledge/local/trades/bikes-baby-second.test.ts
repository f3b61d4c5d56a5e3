import { describe, expect, it } from 'vitest';
import { expectReadAlike, expectReadApart } from '../../../helpers/trade-words.js';
import { useKnowledgeFolder } from '../../../helpers/knowledge-folder.js';

describe('bike, scooter, pram and baby goods words, second pass', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['звездочку', 'звезды'],
      ['цепочку', 'цепь'],
      ['педальки', 'педали'],
      ['педали', 'педаль'],
      ['двухподвесный', 'двухподвес'],
      ['дискачи', 'дисковые'],
      ['балансбайк', 'беговел'],
      ['трюкач', 'трюковой'],
      ['спидак', 'спидометр'],
      ['гироборд', 'гироскутер'],
      ['гирик', 'гироскутера'],
      ['найнбот', 'Ninebot'],
      ['куго', 'Kugoo'],
      ['хэппи', 'Happy'],
      ['беби', 'Baby'],
      ['йойо', 'Yoyo'],
      ['сидячка', 'прогулочный'],
      ['капор', 'капюшон'],
      ['памперсы', 'подгузники'],
      ['КПБ', 'постельное'],
      ['одеялом', 'одеяло'],
      ['бодик', 'боди'],
      ['двойни', 'близнецов'],
      ['двойняшек', 'близнецы'],
      ['для дочки', 'для девочки'],
      ['девчачий', 'девочка'],
      ['сыну', 'мальчику'],
      ['мальчуковый', 'мальчик'],
    ];
    expectReadAlike(pairs);
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      // "Двойня" and "двойной" share Snowball's stem; only the twins joined "близнецы".
      ['двойной', 'двойня'],
      ['сидячий', 'сидячка'],
      ['бодрый', 'боди'],
      // Said to grown men too.
      ['пацан', 'мальчик'],
      // The car-seat brand Joie keeps its own name.
      ['джой', 'Joie'],
    ];
    expectReadApart(pairs);
  });

  describe('answer a buyer asking in other words than the price list', () => {
    const folder = useKnowledgeFolder({
      'prices.md': [
        '# Велосипеды, самокаты, коляски',
        '',
        '## Велосипеды и самокаты',
        'Двухподвес Stels Navigator 910 MD, тормоза дисковые механические — 32 000 ₽.',
        'Беговел Hobby-bike Magestic, колёса 12 дюймов — 3 500 ₽.',
        'Гироскутер 10,5 дюймов с приложением — 9 900 ₽.',
        'Электросамокат Ninebot Max G30 — 45 000 ₽.',
        'Замена звезды и цепи — 900 ₽.',
        '',
        '## Коляски',
        'Коляска-трансформер Tako: прогулочный блок и люлька в комплекте — 15 000 ₽.',
        'Коляска для близнецов Valco Snap Duo — 25 000 ₽.',
        '',
      ].join('\n'),
    });

    it.each([
      ['двухподвесный сколько?', '32 000'],
      ['балансбайк почем?', 'Беговел'],
      ['гироборд почем?', '9 900'],
      ['найнбот почем?', '45 000'],
      ['замена звездочки сколько?', '900'],
      ['сидячка в комплекте?', 'прогулочный блок'],
      ['для двойни коляска есть?', 'близнецов'],
    ])('"%s"', async (question, fragment) => {
      const answer = await folder.ask(question);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain(fragment);
    });
  });
});
