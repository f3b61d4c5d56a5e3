import type { PrefixRule } from '../prefix-table.js';

/**
 * What buyers say of an item (it fits, lasts, broke, differs) against what sellers write of it: verbs and adjectives, each
 * family joined to the document's word. "Рабочий" and "целый" stay out: the documents mean a working day and whole pallets.
 */
export const PREDICATE_RULES: readonly PrefixRule[] = [
  // Fitting on or into: "налезет на 40-й?", "телефон влезет?" — the documents write "подходит", "влезает телефон".
  {
    term: 'подход',
    words: ['налезет', 'налезут', 'налезла', 'налез', 'влезает', 'влезают', 'влезла', 'влез', 'поместится', 'поместятся', 'помещается', 'помещаются', 'уместится'],
  },
  // The present of "встанет": "на Солярис 2 тоже встают" says the wheels fit it. The past ("встал", a stalled engine) stays out.
  { term: 'подход', words: ['встает', 'встают'] },
  // What a seller recommends is what fits: "жене рост 160 подойдёт?" / "Рекомендуемый рост — 155-178 см", "для сухой кожи
  // рекомендую".
  { term: 'подход', prefixes: ['рекоменд', 'порекоменд'] },
  // How long a scent lasts: "быстро выветривается?" is answered by "стойкость 6–8 часов".
  { term: 'стойк', prefixes: ['выветр'] },
  // Receiving a parcel: "когда получу?" / "при получении"; "получается" (it works out) is another word.
  {
    term: 'получен',
    words: ['получу', 'получим', 'получить', 'получите', 'получишь', 'получит', 'получат', 'получил', 'получила', 'получили', 'получение', 'получения', 'получении', 'получением', 'получать', 'получаю', 'получаете'],
  },
  // Coming over to collect: "подъеду сам" is a pickup.
  { term: 'самовывоз', words: ['приеду', 'приедем', 'подъеду', 'подъедем', 'заскочу', 'заскочим', 'заскочить', 'подскочу', 'подскочим'] },
  // "Закину на карту": a transfer; "скинуть" stays a discount and "кину фото" a photo.
  { term: 'перевод', words: ['закину', 'закинуть', 'закинем', 'закинете', 'перекину', 'перекинуть', 'перекинем'] },
  { term: 'брон', prefixes: ['застолб'] },
  // Worn out: "не убитый?" asks the scuffs a seller lists; "поношенный" is second-hand.
  { term: 'потертост', prefixes: ['убит', 'ушатан', 'потрепан'] },
  { term: 'бу', prefixes: ['поношен'] },
  // "В чём разница?", "чем отличается?": "отличное" (excellent) keeps its own stem.
  {
    term: 'разниц',
    prefixes: ['разниц', 'различ'],
    words: ['отличие', 'отличия', 'отличий', 'отличается', 'отличаются', 'отличаться', 'отличает', 'отличить', 'отличиях'],
  },
  // Broke down: "неисправен" (the prefix "неисправн" misses it), "сгорел", "отвалилась", "накрылся"; the documents write
  // "поломка", "вышло из строя".
  {
    term: 'полом',
    words: ['неисправен', 'сгорел', 'сгорела', 'сгорело', 'сгорит', 'сгорят', 'накрылся', 'накрылась', 'накрылось', 'накроется', 'отвалился', 'отвалилась', 'отвалилось', 'отвалится', 'отвалятся', 'отвалились'],
  },
  // The rest of the spoken family ("навернётся", "гикнется", "откажет", "развалится", "помрёт"), future and past. Left out:
  // "полетит" (a drone flies, a parcel goes by air), "загнулся" (bent), "отказали" (refused a return), "крякнет" (a crack),
  // "вырубается" (an iron's automatic shut-off).
  {
    term: 'полом',
    words: [
      'навернется', 'навернутся', 'навернулся', 'навернулась', 'навернулось', 'гикнется', 'гикнулся', 'гикнулась', 'гикнулось',
      'откажет', 'откажут', 'отказал', 'отказала', 'отказало', 'развалится', 'развалятся', 'развалился', 'развалилась',
      'развалилось', 'помрет', 'помер', 'померла', 'померло', 'загнется', 'загнутся', 'глюкнет',
    ],
  },
  { term: 'протека', prefixes: ['протек', 'протеч'], words: ['течет', 'текут', 'течь', 'потек', 'потекла', 'потекло'] },
  // Putting a cream on: "как часто мазать?" is answered by "наносить через день". The noun "нанесение" stays out: a
  // plaster's "машинного нанесения" names how it is sold, and read as "наносить" it let a trap about that plaster pass.
  {
    term: 'нанос',
    prefixes: ['нанос', 'намаз', 'намаж', 'помаз', 'помаж'],
    words: ['нанести', 'нанесите', 'нанесу', 'нанесет', 'мазать', 'мажу', 'мажет', 'мажут', 'мазаться', 'мажусь', 'мажете'],
  },
  // Taking an item, as the documents advise it ("берите на размер больше") and buyers ask it ("какой брать?").
  { term: 'брать', words: ['берите', 'бери', 'берется', 'берутся', 'возьмите', 'возьми', 'взяли', 'взяв', 'брали', 'брал', 'брала'] },
  // A child's size bought "на вырост" ("вырастет", "подрастёт"); "растут" is left out: prices grow too.
  { term: 'вырост', prefixes: ['вырост', 'выраст', 'подраст'] },
  // Participles and verbs Snowball keeps apart: "не разбавленный?" / "не разбавляю"; "впитываеться" misspelt.
  { term: 'разбав', prefixes: ['разбав'] },
  { term: 'впитыва', prefixes: ['впитыв', 'впита', 'впитае'] },
  // "Зарядка родная?" asks whether it is the original one ("в родной коробке", "оригинальная зарядка").
  { term: 'оригинал', words: ['родная', 'родной', 'родную', 'родные', 'родное', 'родных', 'родного', 'родными'] },
  // How strong: "шлейф сильный?" is answered by "шлейф средний", a degree on the same scale; "слабокислый" keeps its own stem.
  {
    term: 'средн',
    words: ['сильный', 'сильная', 'сильное', 'сильные', 'сильного', 'слабый', 'слабая', 'слабое', 'слабые', 'слабого', 'слабенький', 'слабенькая'],
  },
  // A part replaced on the item, asked and told in the past ("что меняли?", "экран менялся?" / "заменили подшипник",
  // "аккумулятор заменён"): a term of its own, so that a service offered ("замена колёс" in a price list) does not answer
  // what was done to this item. "Менять", "поменять" are an exchange ("можно поменять на размер больше?") and stay out.
  {
    term: 'заменил',
    prefixes: ['заменил', 'заменен'],
    words: ['меняли', 'менял', 'меняла', 'менялся', 'менялась', 'менялось', 'менялись', 'менян', 'меняный', 'меняная', 'меняное'],
  },
  // How long a thing keeps, asked with a verb of standing or lying ("сколько простоит в холодосе?", "полежит до субботы?"):
  // the documents write "хранение", "хранится". By whole words: "простоя" (idle time) and "постой" are other words.
  {
    term: 'хранен',
    words: ['простоит', 'простоят', 'постоит', 'постоят', 'полежит', 'полежат', 'пролежит', 'пролежат', 'пролежал', 'пролежала', 'пролежало'],
  },
  // Starting up is working: "ноут запускается?", "заводится?"; "включается" is also "included in the price".
  { term: 'исправн', words: ['запускается', 'запускаются', 'запустится', 'заводится', 'заведется'] },
];
