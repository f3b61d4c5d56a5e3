import type { PrefixRule } from '../prefix-table.js';

/**
 * Cakes to order, greenhouses and the garden: a second pass over what confectionery.ts and garden.ts miss, written from
 * the trade alone. A flavour is asked by the fruit ("с грушей?") and written as its adjective ("грушевая прослойка"); where
 * Snowball keeps the two apart and the stem is too short for the engine's own reading of unknown words, they are joined
 * here. Left out for two meanings: "мятный" (Snowball reads "мята" as "мятый", crumpled), "сырный" (its "сыр" is also
 * "сырой", damp or soggy), "сливочный" (cream and butter: "на сливочном масле"), "кремовый" (a colour), "картинка" (a
 * screen's picture), "дужки" (a lock's and a pair of glasses'), "грунт" (a primer), "посадка" (a garment's fit).
 */
export const CAKES_GARDEN_SECOND_RULES: readonly PrefixRule[] = [
  // Cakes.
  { term: 'мусс', prefixes: ['муссов'] },
  { term: 'глазур', prefixes: ['глазиров', 'глазуров'] },
  // "Цифра" is a number-shaped cake; the diminutive is the buyer's.
  { term: 'цифр', prefixes: ['циферк', 'циферок', 'циферочк'] },
  // A first birthday: "торт на годик" against "торт на 1 год".
  { term: 'год', words: ['годик', 'годика', 'годику', 'годиком', 'годике', 'годовасие', 'годовасия'] },
  { term: 'лактоз', prefixes: ['безлактоз'] },
  // Flavours: the adjective joins the fruit. "Маковка" (a dome) and "коричневый" (brown) start alike, so those go whole;
  // "медовик" (a cake of its own) is why "медовый" does.
  { term: 'мак', words: ['маковый', 'маковая', 'маковое', 'маковые', 'маковым', 'маковой', 'макового', 'маковом', 'маковую', 'маковых', 'маковыми'] },
  { term: 'груш', prefixes: ['грушев'] },
  { term: 'яблк', prefixes: ['яблочн', 'яблочк'] },
  { term: 'манг', prefixes: ['мангов'] },
  { term: 'тыкв', prefixes: ['тыквен'] },
  { term: 'лайм', prefixes: ['лаймов'] },
  { term: 'слив', prefixes: ['сливов'] },
  { term: 'коф', prefixes: ['кофейн'] },
  { term: 'имбир', prefixes: ['имбирн'] },
  { term: 'кориц', words: ['коричный', 'коричная', 'коричное', 'коричные', 'коричным', 'коричной', 'коричного', 'коричную', 'коричных'] },
  { term: 'мед', words: ['медовый', 'медовая', 'медовое', 'медовые', 'медовым', 'медовой', 'медового', 'медовом', 'медовую', 'медовых', 'медовыми'] },

  // Greenhouses and the garden.
  { term: 'торц', prefixes: ['торцев'] },
  // "Плотный поликарбонат?" is answered by "плотность 0.7 кг/м²"; the adverb "плотно" (tightly) keeps its stem.
  {
    term: 'плотност',
    words: ['плотный', 'плотная', 'плотное', 'плотные', 'плотного', 'плотной', 'плотную', 'плотным', 'плотными', 'плотных'],
  },
  // "Крепёж в комплекте?" against "все крепления в комплекте".
  { term: 'креплен', prefixes: ['крепеж'] },
  { term: 'перц', prefixes: ['перчик', 'перчиков'] },
  { term: 'торф', prefixes: ['торфян'] },
  { term: 'куст', prefixes: ['кустарн', 'кустик', 'кусточ'] },
  { term: 'лейк', prefixes: ['леечк', 'лейчк'] },
  { term: 'шланг', prefixes: ['шланчик', 'шлангик', 'шланжик'] },
  { term: 'бочк', prefixes: ['бочонок', 'бочонк', 'бочечк'] },
  // Light for seedlings: "досветка", "фитосветильник" against "фитолампа".
  { term: 'фитоламп', prefixes: ['фитолам', 'фитосвет', 'фитолент', 'фитопрожект', 'досветк', 'досвечив'] },
  // Soil: "земля для рассады" against "почвогрунт", "почва". "Грунт" alone stays out: it is also a primer.
  { term: 'земл', prefixes: ['почвогрунт', 'землиц'], words: ['почва', 'почвы', 'почву', 'почвой', 'почве', 'почв'] },
  // Mowing: "покосите?", "скосить траву" against "покос травы". "Покосился" (leaning) and "скос" (a bevel) stay out.
  {
    term: 'покос',
    words: [
      'покос', 'покоса', 'покосу', 'покосом', 'покосить', 'покосите', 'покосим', 'покошу', 'скосить', 'скосите', 'скосим', 'скошу',
      'выкосить', 'выкосите', 'выкосим', 'косить', 'косите', 'косим', 'кошу', 'косят', 'косили',
    ],
  },
  // Pruning: "обрезать яблоню" against "обрезка деревьев".
  { term: 'обрезк', words: ['обрезать', 'обрежете', 'обрежем', 'обрежу', 'обрежут', 'обрезаете', 'обрезаем', 'обрезают', 'обрезали'] },
  // Tying up tomatoes: "подвязать" against "подвязка" (Snowball splits the verb from the noun).
  { term: 'подвязк', words: ['подвязать', 'подвяжете', 'подвяжем', 'подвязывать', 'подвязываете', 'подвязываем', 'подвязывают'] },
  // Sowing a lawn: Snowball reads "посев" as "пос" and "посева" as "посев"; "засеять", "подсев" are the same service.
  {
    term: 'посев',
    prefixes: ['посея', 'засея', 'подсея', 'пересея'],
    words: ['посев', 'посева', 'посеву', 'посевом', 'посеве', 'посевы', 'засев', 'засева', 'засевом', 'подсев', 'подсева', 'подсевом', 'посеете', 'засеете', 'засеем', 'посеем'],
  },
  // A stump: Snowball reads "пней", "пни", "пень" three ways ("пен" is also foam's "пена"), so the forms go whole under the
  // price list's "корчевание пней".
  { term: 'пне', words: ['пень', 'пня', 'пню', 'пнем', 'пне', 'пни', 'пней', 'пням', 'пнями', 'пнях', 'пенек', 'пеньков'] },
  // Uprooting stumps: "выкорчевать", "раскорчёвка" against "корчевание".
  { term: 'корчеван', prefixes: ['корчев', 'выкорчев', 'раскорчев'] },
];
