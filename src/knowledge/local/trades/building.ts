import type { PrefixRule } from '../prefix-table.js';

/** Building materials. */
export const BUILDING_RULES: readonly PrefixRule[] = [
  { term: 'газобетон', prefixes: ['газобетон', 'газоблок', 'газобет'] },
  { term: 'поддон', prefixes: ['поддон', 'паллет', 'палет', 'европоддон'] },
  { term: 'штукатурк', prefixes: ['штукатур', 'оштукатур'] },
  { term: 'шпаклевк', prefixes: ['шпакл', 'шпатл', 'зашпакл'] },
  { term: 'финишн', words: ['финишка', 'финишку', 'финишки', 'финишкой'] },
  // "Крышка" is a lid: the roof by whole words.
  { term: 'кровл', prefixes: ['кровл', 'кровельн'], words: ['крыша', 'крыши', 'крышу', 'крыше', 'крышей'] },
  { term: 'саморез', prefixes: ['саморез', 'шуруп', 'самик'] },
  { term: 'манипулятор', prefixes: ['манипулятор', 'воровайк'], words: ['кран', 'краном', 'крана', 'краны'] },
  { term: 'газел', prefixes: ['газел'] },
  { term: 'подъем', prefixes: ['подъем', 'поднят', 'подним', 'подымет'] },
  // Waiting, by every form of the verb: "курьер подождёт?" is the documents' "курьер ждёт 15 мин", and a delivery truck's
  // idle time ("ожидание", "простой"; "простой" alone is also "simple", so only the noun's other forms).
  { term: 'ожидан', prefixes: ['ожидани'], words: ['подождать', 'подождет', 'подождете', 'подождут', 'подожду', 'подождем', 'ждать', 'ждет', 'ждут', 'ждете', 'ждем', 'жду', 'ждешь', 'простоя', 'простою', 'простои'] },
  // "Прокатиться" is a ride: the hire by whole words.
  { term: 'аренд', prefixes: ['аренд'], words: ['прокат', 'проката', 'прокатом', 'прокате', 'напрокат'] },
  { term: 'залог', prefixes: ['залог', 'депозит'] },
  { term: 'удлинител', prefixes: ['удлинител'], words: ['переноска', 'переноску', 'переноски', 'переноской'] },
  { term: 'расход', words: ['уходит', 'уйдет', 'уходят', 'уйдут'] },
  { term: 'армир', prefixes: ['армир', 'армиров'] },
  { term: 'добор', prefixes: ['добор'] },
  // Cutting to size: "нарежете?" / "режем листы"; "подрезка" (trimming waste) is another thing.
  { term: 'нарезк', prefixes: ['нарез', 'нареж', 'порез', 'пореж'], words: ['режем', 'режете', 'режут', 'резать'] },
];
