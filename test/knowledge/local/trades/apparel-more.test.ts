import { describe, expect, it } from 'vitest';
import { findAnswer } from '../../../../src/knowledge/local/answer.js';
import { buildPassageIndex } from '../../../../src/knowledge/local/search.js';
import { expectReadAlike, expectReadApart, passage } from '../../../helpers/trade-words.js';

describe('clothes and shoes, second pass', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['красовки', 'кроссовки'],
      ['кросовок', 'кроссовки'],
      ['ботасы', 'кроссовки'],
      ['туфельки', 'туфли'],
      ['туфель', 'туфли'],
      ['сапожки', 'сапоги'],
      ['сапожок', 'сапог'],
      ['кедики', 'кеды'],
      ['тапочки', 'тапки'],
      ['курточка', 'куртка'],
      ['куртец', 'куртки'],
      ['жилетка', 'жилет'],
      ['безрукавку', 'жилет'],
      ['свитерок', 'свитер'],
      ['кофточка', 'кофта'],
      ['футболочка', 'футболка'],
      ['платьице', 'платье'],
      ['джинсики', 'джинсы'],
      ['шарфик', 'шарф'],
      ['перчаточки', 'перчатки'],
      ['носочки', 'носки'],
      ['термоноски', 'носки'],
      ['шубка', 'шуба'],
      ['костюмчик', 'костюм'],
      ['комбинизон', 'комбинезон'],
      ['камбинезон', 'комбинезон'],
      ['батинки', 'ботинки'],
      ['копюшон', 'капюшон'],
      ['малния', 'молния'],
      ['премерить', 'примерка'],
      ['шмотки', 'вещи'],
      ['одежку', 'одежда'],
      ['обувка', 'обувь'],
      ['натуралка', 'натуральная'],
      ['нат', 'натуральная'],
      ['кожаные', 'кожа'],
      ['хлопковый', 'хлопок'],
      ['хб', 'хлопок'],
      ['полиэфир', 'полиэстер'],
      ['шерстяная', 'шерсть'],
      ['трикотажное', 'трикотаж'],
      ['меховая', 'мех'],
      ['пуховый', 'пух'],
      ['замшевые', 'замша'],
      ['синтепон', 'утеплитель'],
      ['холлофайбер', 'утеплитель'],
      ['синтетика', 'состав'],
      ['маловат', 'садится'],
      ['великовато', 'посадка'],
      ['жмут', 'садятся'],
      ['впору', 'сидит'],
      ['оверсайс', 'оверсайз'],
      ['юнисекс', 'унисекс'],
      ['разносятся', 'растягиваются'],
      ['вытянется', 'растягивается'],
      ['колючий', 'не колется'],
      ['полиняет', 'линяет'],
      ['рр', 'размер'],
      ['длинна рукава', 'длина рукава'],
      ['хл', 'XL'],
      ['ог', 'обхват'],
      ['полуобхват', 'обхват'],
      ['непромокаемая', 'водоотталкивающая'],
      ['продувает', 'от ветра'],
      ['непродуваемая', 'ветер'],
      ['ветер', 'ветра'],
      ['межсезонье', 'демисезон'],
      ['холодно', 'температура'],
      ['шов', 'швы'],
      ['шва', 'швов'],
      ['застегивается', 'застёжка'],
      ['расстегнуть', 'застёгнутом'],
      ['каблучок', 'каблук'],
      ['голяшка', 'голенище'],
      ['голень', 'голенища'],
      ['стелечка', 'стелька'],
      ['подклад', 'подкладка'],
      ['кармашек', 'карман'],
      ['пуговки', 'пуговицы'],
      ['воротничок', 'воротник'],
      ['двухбегунковая', 'двухзамковая'],
      ['ухаживать', 'уход'],
      ['мужа', 'мужская'],
      ['мужчину', 'мужской'],
      ['жены', 'женский'],
      ['женщину', 'жен'],
      ['детский', 'ребёнка'],
      ['китайское', 'Китай'],
      ['в Китае', 'китайский'],
      ['турецкие', 'Турция'],
    ];
    expectReadAlike(pairs);
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      // A leather jacket is not leather.
      ['кожанка', 'кожаные'],
      // Knitting, a dogs' mating and tying rebar are one word: it keeps its own stem.
      ['вязка', 'вязаная'],
      // A motocross bike is not a trainer; "дело швах" is not a seam.
      ['кроссач', 'кроссовки'],
      ['швах', 'швы'],
      // A filler's "пуховик" stays a coat, "натура" (life) is not natural.
      ['пуховик', 'пуховый'],
      // Delivering is not a shoe stretching, blowing out injectors not a draught.
      ['разносить', 'разносятся'],
      ['продувка', 'продувает'],
      // A vet is not the wind.
      ['ветеринар', 'ветер'],
      // A cold shade and cold water stay themselves.
      ['холодный', 'холодно'],
      // Unfastening a hood (removable) is not the fastener.
      ['отстёгивается', 'застёгивается'],
      // A coffee pot is not Turkish.
      ['турка', 'турецкая'],
      ['премьера', 'примерка'],
      // A winter coat's title is not asked by "на зиму?".
      ['на зиму', 'зимний'],
      // Stretch film and stretch fabric stay apart from stretching with wear.
      ['стрейч', 'растягивается'],
      // "Пог" is a running metre, not chest girth.
      ['пог', 'обхват'],
      // A shoe's last is a brake pad elsewhere: not read as fit.
      ['колодка', 'посадка'],
    ];
    expectReadApart(pairs);
  });

  it('answer a question asked in slang from the passage written in the seller\'s words', () => {
    const index = buildPassageIndex([
      passage(0, 'Верх: 100% полиэстер с водоотталкивающей пропиткой, мокрый снег не пропускает.'),
      passage(1, 'Ботинки: застёжка — молния сбоку, каблук 4 см, высота голенища 16 см.'),
      passage(2, 'Шьют для нас в Иваново, швы ровные, нитки не торчат.'),
      passage(3, 'Верх — натуральная гладкая кожа, подкладка — натуральный мех (овчина).'),
      passage(4, 'Производство — Китай, фабрика в Гуанчжоу, возим сами.'),
      passage(5, 'Доставка СДЭК по всей России, 2–5 дней.'),
    ]);
    expect(findAnswer(index, { question: 'верх непромокаемый?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('водоотталкивающей') });
    expect(findAnswer(index, { question: 'на чем застегиваются ботиночки?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('застёжка') });
    expect(findAnswer(index, { question: 'шов ровный?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('швы') });
    expect(findAnswer(index, { question: 'кожа натуралка?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('натуральная') });
    expect(findAnswer(index, { question: 'фабрика китайская?' })).toMatchObject({ status: 'FOUND', text: expect.stringContaining('Китай') });
    // A leather jacket is not asked about here: no passage answers it.
    expect(findAnswer(index, { question: 'кожанка есть?' })).not.toMatchObject({ status: 'FOUND', text: expect.stringContaining('кожа') });
  });
});
