import type { PrefixRule } from '../prefix-table.js';

/**
 * Cosmetics and perfume, a third pass over what cosmetics.ts and cosmetics-computers-more.ts leave: products and tools
 * by their buyers' names ("дезик", "бьютиблендер", "несмывайка"), the actives' clipped and other names ("салицилка",
 * "церамиды", "цика"), skin complaints and claims, perfume's concentrations by their Latin letters, and "ИСЛ" for YSL.
 * Diminutives the engine already finds ("патчики", "масочка", "шампунька") are left to it; brands it matches by sound
 * ("сераве", "эсти лаудер", "баккара") too. Earlier groups read "палетка" (a pallet, building.ts), "тканевая" (a
 * material), "утюжка" (pressing, tailoring.ts), "охлаждающий" (cooling): those keep their terms. Left out, two meanings:
 * "помадка" (a lipstick and fondant), "губки" (lips and sponges), "ноготки" (nails and calendula), "палитра" (make-up
 * and paint colours), "корректор" (a concealer and a posture corrector), "шпилька" (a hairpin and a heel), "лак" (for
 * hair and for nails), "essence" (a product type and a make-up brand), "glow" (Glow Recipe), "клон" (a perfume's
 * inspired copy, and a phone's counterfeit, which the vocabulary reads as "оригинал"), "плойка" (a curling iron, where
 * "локон" is any curl product), "утюжок" (its other cases are pressing, tailoring.ts), "пигментный" (a paint's pigment
 * paste), "атомайзер" (an empty atomiser is sold apart from a decant).
 */
export const COSMETICS_SECOND_RULES: readonly PrefixRule[] = [
  // Products by their buyers' names. The engine finds "кремушка", not "кремик", "кремчик" (Snowball keeps "крем" whole).
  { term: 'крем', prefixes: ['кремушк'], words: ['кремик', 'кремика', 'кремики', 'кремиков', 'кремчик', 'кремчика', 'кремчики', 'кремчиков'] },
  { term: 'тинт', prefixes: ['тинтик'] },
  // A deodorant is sold as "антиперспирант" and asked as "дезик".
  { term: 'дезодорант', prefixes: ['дезик', 'антиперспирант'] },
  { term: 'несмыва', prefixes: ['несмывайк', 'несмывашк'] },
  { term: 'гидрофильн', prefixes: ['гидрофилк'] },
  { term: 'хайлайтер', prefixes: ['хайлайт', 'хайлик', 'хайлатер'] },
  // "ББшка" is a BB cream ("BB" in the documents).
  { term: 'bb', words: ['бб', 'ббшка', 'ббшку', 'ббшки', 'ббшкой', 'ббшечка'] },
  // Hair colour's developer: "окислитель", "оксидант" are the documents' "оксид".
  { term: 'оксид', prefixes: ['оксидант', 'окислител'] },
  // Tools: a make-up sponge ("бьютиблендер", a maker's name said for any), a brush.
  { term: 'спонж', prefixes: ['спонжик', 'бьютиблендер'] },
  { term: 'кист', prefixes: ['кисточк', 'кисточек'] },
  { term: 'ногт', prefixes: ['ноготочк', 'ноготочек'] },
  // Travel sizes: "миник", "тревел" are the documents' "миниатюра".
  { term: 'миниатюр', prefixes: ['миниатюрк'], words: ['миник', 'миника', 'миники', 'миников', 'тревел', 'трэвел', 'travel'] },

  // Exfoliation: "гоммаж", "скатка", "отшелушивающий" are kinds of the documents' "пилинг". "Шелушится" (flaky skin, a
  // complaint) keeps cosmetics.ts's term.
  { term: 'пилинг', prefixes: ['гоммаж', 'эксфолиа', 'отшелуш'], words: ['скатка', 'скатку', 'скатки', 'скаткой'] },
  // Actives. Ceramides are written with "к" and "ц" alike; centella is "цика" (CICA) on the labels.
  { term: 'керамид', prefixes: ['церамид'] },
  { term: 'центелл', prefixes: ['центел'], words: ['цика', 'цики', 'цикой', 'cica'] },
  { term: 'салицилов', prefixes: ['салицилк'] },
  { term: 'азелаинов', prefixes: ['азелаинк'] },
  { term: 'гликолев', prefixes: ['гликольк'] },

  // Skin complaints and claims. Redness: "краснота", "покраснеет?" against "покраснения".
  { term: 'покраснен', prefixes: ['покрасне', 'краснот'] },
  { term: 'антивозрастн', prefixes: ['антиэйдж', 'антиейдж', 'омолаж', 'омолож'] },
  // Snowball reads "сияние" as "сиян" and "сияющий" as "сия".
  { term: 'сиян', prefixes: ['сияющ', 'сияет', 'сияют'], words: ['сиять', 'глоу'] },
  // "Матирующий" is a matte finish, which computers.ts reads with "глянцевый" as one question.
  { term: 'матов', prefixes: ['матирующ', 'матиру'] },

  // Perfume. Snowball reads "селектив" as "селект"; "селективка" is the buyers' noun.
  { term: 'селективн', prefixes: ['селективк'], words: ['селектив', 'селектива', 'селективе', 'селективом'] },
  // Concentrations by their letters: "EDT" is "туалетная вода", "EDP" "парфюмерная вода" (read as "парфюм").
  { term: 'туалетн', words: ['edt', 'эдт'] },
  { term: 'парфюм', words: ['edp', 'эдп'] },
  // Yves Saint Laurent by its letters, in either alphabet, and said aloud ("ив сен лоран"): the sound match misses the
  // short words ("ив" is Yves Rocher's too, "Ив Роше").
  { term: 'laurent', words: ['ysl', 'исл', 'исэль', 'ивсенлоран', 'лоран', 'лорана', 'лорану', 'лораном', 'лоране'] },
  { term: 'yves', words: ['ив'] },
  { term: 'saint', words: ['сен', 'сэн'] },
  { term: 'beauty', words: ['бьюти'] },
];
