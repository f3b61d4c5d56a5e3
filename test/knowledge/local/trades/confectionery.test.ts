import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../../src/knowledge/local/answer.js';
import type { Passage } from '../../../../src/knowledge/local/passages.js';
import { buildPassageIndex } from '../../../../src/knowledge/local/search.js';
import { extractTerms } from '../../../../src/knowledge/local/terms.js';

function passage(id: number, text: string, extra: Partial<Passage> = {}): Passage {
  return { id, document: 'doc.md', title: '', headings: [], text, position: id, ...extra };
}

describe('home confectionery words', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['тортики', 'торт'],
      ['тортище', 'торты'],
      ['бенточка', 'бенто'],
      ['бэнто', 'бенто'],
      ['капкэйки', 'капкейков'],
      ['макарон', 'макаронс'],
      ['макаруны', 'макаронс'],
      ['медовичок', 'медовик'],
      ['безешки', 'меренги'],
      ['пряничный', 'пряники'],
      ['пироженки', 'пирожное'],
      ['чизик', 'чизкейк'],
      ['на свадьбу', 'свадебный'],
      ['в два яруса', 'ярусные'],
      ['многоярусный', 'ярусный'],
      ['двухярусный', 'двухъярусный'],
      ['трёхярусный', 'трехъярусный'],
      ['на днюху', 'день рождения'],
      ['на 10 человек', 'на 10 чел'],
      ['на 15 гостей', 'на 15 человек'],
      ['гостя', 'чел'],
      ['кусок', 'кусочками'],
      ['начиночка', 'начинка'],
      ['бисквитный', 'бисквит'],
      ['бисквите', 'бисквита'],
      ['шоколадный', 'шоколадом'],
      ['эклерчики', 'эклер'],
      ['зефирки', 'зефир'],
      ['печеньки', 'печенье'],
      ['конфетки', 'конфеты'],
      ['клубничка', 'клубничный'],
      ['вишенка', 'вишней'],
      ['фисташковый', 'фисташка'],
      ['малиновый', 'малина'],
      ['карамелька', 'карамель'],
      ['ванилька', 'ванильный'],
      ['морковка', 'морковный'],
      ['орешки', 'орехи'],
      ['кремчиз', 'чиз'],
      ['на растишке', 'растительные'],
      ['мастичные', 'мастикой'],
      ['топер', 'топпер'],
      ['надпись', 'надписью'],
      ['надпесь', 'надписи'],
      ['свечку', 'свеча'],
      ['ягодки', 'ягоды'],
      ['фигурочки', 'фигурки'],
      ['мультяшные', 'мультиков'],
      ['нарисуете', 'рисунок'],
      ['рисую', 'рисунок'],
      ['украсите', 'декор'],
      ['ложку', 'ложечка'],
      ['печёте', 'пеку'],
      ['отменяю', 'отмена'],
      ['продегустировать', 'дегустация'],
      ['дегустационный', 'дегустация'],
      ['холодос', 'холодильнике'],
      ['морозилку', 'заморозить'],
      ['разморозить', 'размораживать'],
      ['испортится', 'испорчен'],
      ['аллергик', 'аллергии'],
      ['безглютеновый', 'глютен'],
      ['на сахарозаменителе', 'диабетиков'],
      ['веганский', 'веган'],
      ['кбжу', 'калорийность'],
      ['ккал', 'калории'],
      ['приторный', 'сладкий'],
      ['медкнижка', 'книжка'],
    ];
    for (const [buyer, seller] of pairs) expect(extractTerms(buyer), buyer).toEqual(extractTerms(seller));
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      ['бентонит', 'бенто'],
      ['макароны', 'макаронс'],
      ['ул. Малиновского', 'малиновый'],
      ['калорифер', 'калории'],
      ['украшения', 'декор'],
      ['украсть', 'украсить'],
      ['весенние заморозки', 'заморозить'],
      ['рисовый', 'рисунок'],
      ['и др.', 'день рождения'],
      ['подтеки', 'дрип'],
      ['двухэтажный', 'двухъярусный'],
      ['двухъярусный', 'трехъярусный'],
      ['подпишу открытку', 'надпись'],
      ['по ГОСТу', 'гостей'],
      ['печенье', 'пеку'],
      ['печенка', 'печеньки'],
    ];
    for (const [one, other] of pairs) expect(extractTerms(one), one).not.toEqual(extractTerms(other));
  });

  it('answer a question asked in slang from the passage written in the trade\'s words', () => {
    const index = buildPassageIndex([
      passage(0, 'Сколько брать: примерно 150-200 г на одного гостя. Т.е. на 10 чел хватит торта 2 кг.'),
      passage(1, 'Макаронс хранятся 5 суток в холодильнике, их можно заморозить до 1 месяца.', { position: 1 }),
      passage(2, 'Дегустация только для свадебных тортов, сет из 4 начинок за 1500 р.', { position: 2 }),
      passage(3, 'Бенто-торт с надписью: рисую от руки кремом, надпись до 25 символов входит в цену.', { position: 3 }),
    ]);
    expect(findAnswer(index, { question: 'макаруны в морозилку можно?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('заморозить до 1 месяца') });
    expect(findAnswer(index, { question: 'на 15 гостей скока кило брать?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('на 10 чел') });
    expect(findAnswer(index, { question: 'торт на свадьбу, продегустировать можно?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('сет из 4 начинок') });
    expect(findAnswer(index, { question: 'на бенточке нарисуете?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('рисую от руки') });
  });

  it('do not answer a look-alike word of another meaning from that passage', () => {
    const index = buildPassageIndex([
      passage(0, 'Макаронс хранятся 5 суток в холодильнике, их можно заморозить до 1 месяца.'),
      passage(1, 'Бенто-торт 1300 р, в комплекте коробка-ланчбокс и свечка.', { position: 1 }),
    ]);
    for (const question of ['бентонит есть?', 'весенние заморозки выдержит?']) {
      const answer = findAnswer(index, { question });
      expect(answer.status, question).not.toBe('FOUND');
    }
  });
});
