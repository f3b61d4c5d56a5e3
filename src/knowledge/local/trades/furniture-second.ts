import type { PrefixRule } from '../prefix-table.js';

/**
 * Furniture, new and used, a second pass over what furniture.ts leaves: sizes of beds and sofas by their clipped
 * names, parts, finishes and upholstery by their trade names, stems Snowball splits or shares with another word
 * ("белья" is read as "белый", "эмали" apart from "эмаль"), what a buyer of a used sofa asks (sagging, smoke), and IKEA
 * as typed.
 * Diminutives the engine already finds ("креслице", "банкеточка", "этажерочка") are left to it. Earlier groups read
 * "сборщик" (a crew, garden.ts), "разобрать" (moving.ts), "просел" (sagging, windows.ts), "софа" (cleaning.ts): those keep
 * their terms. Left out, two meanings: "стенка" (a wall unit and a wall), "горка" (a display cabinet and a slide),
 * "уголок" (a kitchen corner and a steel angle), "полозья" (drawer runners and a sledge's), "пенал" (a tall cabinet and a
 * pencil case), "цоколь" (a plinth and a basement), "карго" (a pull-out and a freight service), "змейка" (zigzag springs
 * and a zip), "плечики" (hangers and shoulder pads), "микровелюр" (another fabric than "велюр"), "еврокнижка" (another
 * mechanism than a "книжка"), "антивандальная" (a window's glass too), "деревянный" (fuel.ts keeps wood apart from
 * trees), "стеклянный" (read as "стекло" it would meet a phone's protective glass).
 */
export const FURNITURE_SECOND_RULES: readonly PrefixRule[] = [
  // Sizes of a bed or a sofa: "полуторка" (140 wide), "односпалка", "двуспалка".
  { term: 'полуторн', prefixes: ['полуторк'] },
  { term: 'односпальн', prefixes: ['односпалк'] },
  { term: 'двуспальн', prefixes: ['двуспалк', 'двухспалк'] },
  // A corner sofa or cabinet: "угловик" is the documents' "угловой".
  { term: 'углов', words: ['угловик', 'угловика', 'угловику', 'угловиком', 'угловике', 'угловики', 'угловиков'] },
  // An office chair's base: "пятилучье" is the documents' "крестовина"; a "геймерское" chair is their "игровое", which
  // electronics-second.ts reads as "для игр".
  { term: 'крестовин', prefixes: ['пятилуч'] },
  { term: 'игр', prefixes: ['геймер'] },
  // A bathroom vanity: "мойдодыр" is the documents' "тумба под раковину".
  { term: 'тумб', prefixes: ['мойдодыр'] },
  // A wardrobe for clothes is "платяной" or "плательный".
  { term: 'платян', prefixes: ['плательн'] },
  { term: 'трансформер', prefixes: ['трансформир'] },
  { term: 'направля', prefixes: ['направляйк'] },
  { term: 'петл', prefixes: ['петельк', 'петелек'] },
  { term: 'кромк', prefixes: ['кромочк', 'кромочн', 'кромлен'] },
  // A kitchen's glass backsplash: "скинали" are the documents' "фартук".
  { term: 'фартук', prefixes: ['скинал'] },
  // Linen: Snowball reads "белья", "бельё" as "бел", the stem of "белый" (white): "ящик для белья" is the documents'
  // "бельевой ящик", and "нижнее бельё" a clothes shop's, never a colour.
  { term: 'бельев', words: ['белье', 'белья', 'белью', 'бельем'] },
  // Finishes. Enamel: Snowball reads "эмаль" as "эмал" and "эмали" as "эма"; "эмалевые фасады", "эмалированные".
  { term: 'эмал', prefixes: ['эмалев', 'эмалир'], words: ['эмали'] },
  // Lacquer: "лакированный", "лаковый" against "покрыт лаком" (a shoe's patent leather is "лаковые" and "лакированные"
  // alike). "Лакомство" (a treat) starts otherwise.
  { term: 'лак', prefixes: ['лакиров', 'лаков'] },
  { term: 'патин', prefixes: ['патинир'] },

  // Upholstery and fillings. Snowball reads "рогожа" and "рогожка" apart.
  { term: 'рогожк', prefixes: ['рогож'] },
  { term: 'шенилл', words: ['шенил', 'шинилл', 'шинил', 'шенила'] },
  // Claw-proof fabric: "антикогти" against "антикоготь".
  { term: 'антикогот', prefixes: ['антикогт'] },
  // Coir: a mattress's "кокосовая койра" is its "кокос".
  { term: 'кокос', prefixes: ['койр'] },
  // A stretch cover: "еврочехол" joins the term cosmetics.ts gives "чехол".
  { term: 'кейс', prefixes: ['еврочехл', 'еврочехол'] },

  // A used sofa. A seat that has sagged: "продавлен?", "просиженный" are the documents' "не проседает" (windows.ts
  // reads "просел" as sagging, "прогиба").
  { term: 'прогиба', prefixes: ['продавлен', 'продавлин', 'просижен'] },
  // Smoke: "курили в квартире?", "прокуренный" against "некурящая семья". Snowball reads "курили" as "кур" (hens, whose
  // feed a pet shop sells), so the verb's forms go whole.
  {
    term: 'некуря',
    prefixes: ['некурящ', 'прокурен', 'курящ'],
    words: ['курили', 'курил', 'курила', 'курят', 'курит', 'курю', 'курим', 'курите', 'курение', 'курения'],
  },

  // IKEA as typed: "икея", "икеевский"; the documents write "ИКЕА" or "IKEA".
  { term: 'ikea', prefixes: ['икеевск', 'икейск'], words: ['икея', 'икеи', 'икею', 'икее', 'икеей', 'икеа'] },
  // A coat hanger by its southern name.
  { term: 'вешалк', prefixes: ['тремпел'] },
];
