import type { PrefixRule } from '../prefix-table.js';

/**
 * Sauna stoves and chimneys: wood, cast-iron and electric stoves, their fireboxes, tanks and heat exchangers, sauna
 * stones, sandwich pipes and their parts, sold and fitted. Earlier groups read "дверца" ("двер"), "монтаж"
 * ("установк"), "парогенератор", "минвата" ("ват"), "экран" (a display's "матриц"), "ППУ" (furniture's foam) and
 * "дрова" (computers.ts's drivers): those keep their terms. "Змеевик" (a stone and a coil), "бачок" (a stove's tank and a
 * car's washer reservoir, in one car parts shop), "заслонка" (a throttle too) and "сауна" (sold apart from "баня" by many
 * shops) stay out.
 */
export const SAUNA_STOVE_RULES: readonly PrefixRule[] = [
  // "Печка", "печурка" against "печь"; "каменка" is what buyers call any sauna stove ("каменка на 12 кубов"), and the
  // documents' "печь-каменка" too.
  { term: 'печ', prefixes: ['печк', 'печурк', 'печечк', 'каменк'], words: ['печек'] },
  // An electric sauna heater: "электрокаменка" against "электропечь".
  { term: 'электропеч', prefixes: ['электрокамен', 'электропечк'] },
  // Snowball reads "камень" as "камен" and "камни" as "камн": one stone, and "камушки" with it.
  { term: 'камн', prefixes: ['камушк', 'камушек', 'камешк', 'камешек'], words: ['камень'] },
  { term: 'жаде', prefixes: ['жадеит', 'жадиит', 'жадит', 'жадейт'] },
  // Snowball reads "хромит" (a sauna stone) as "хром" (chrome plating).
  { term: 'хромит', words: ['хромит', 'хромита', 'хромитом', 'хромите', 'хромиты', 'хромитов'] },
  { term: 'габбр', prefixes: ['габро'] },
  // Talc-chlorite is sold as "талькомагнезит" too.
  { term: 'талькохлор', prefixes: ['талькохлор', 'талькомагнез'] },
  // "На дровах" against "дровяная печь": "дрова" itself is read earlier as drivers (computers.ts) and its other cases join
  // that term (fuel.ts), so the adjective does too.
  { term: 'драйвер', prefixes: ['дровян', 'дровишк', 'дровец'] },
  { term: 'чугун', prefixes: ['чугунк'] },
  // Stainless steel: "нержа", "нерж", "нержавейка" against "нержавеющая сталь".
  { term: 'нержавеющ', prefixes: ['нерж'] },
  { term: 'жаростойк', prefixes: ['жаропрочн', 'термостойк'] },
  { term: 'шамот', prefixes: ['шамот'] },
  { term: 'топк', prefixes: ['топочн'] },
  // Lighting a fire: "растопить", "розжиг" against "растопка". Whole verbs: "растопленный шоколад" is a cake's.
  {
    term: 'растопк',
    prefixes: ['розжиг', 'разжиг', 'разжеч'],
    words: ['растопить', 'растопите', 'растопим', 'растопится', 'растапливать', 'растапливаете', 'растапливается'],
  },
  // Heating a steam room up: "за сколько протопится?", "прогреется?" against "прогрев парной за 40 минут". Snowball
  // reads "прогрев", "прогреть" and "прогревается" three ways. "Прогресс", "протоптать" and "натоптать" (to trample) are
  // why the prefixes run long.
  {
    term: 'прогр',
    prefixes: ['прогрев', 'прогрет', 'прогреет', 'прогреют', 'прогреем', 'протопит', 'протопл', 'протопя', 'протап', 'натопит', 'натопл', 'натап'],
  },
  // The ash pan: "поддувало" is its old name.
  { term: 'зольник', prefixes: ['зольн', 'поддувал'] },
  // The chimney damper: "шибер" is the pets group's "задвижка" (a cage latch there), the word buyers use for it.
  { term: 'задвижк', prefixes: ['шибер'] },
  { term: 'сэндвич', prefixes: ['сендвич', 'сэндвичь', 'сендвичь'] },
  { term: 'дымоход', prefixes: ['дымаход'] },
  { term: 'бан', prefixes: ['баньк', 'банек', 'баньч'] },
  // A steam room: "парилка" against "объём парной". "Парное молоко" reads alike, in a shop with no stoves.
  { term: 'парн', prefixes: ['парилк', 'парилочк'] },
  // A stove's or a chimney's water heater: "регистр" is the fitter's name of "теплообменник". Whole words: "регистрация".
  { term: 'теплообменник', words: ['регистр', 'регистра', 'регистром', 'регистры', 'регистров', 'регистре'] },
  // Soot in a chimney is cleaning.ts's "нагар" ("копоть"). "Сажу" (I plant) stays out.
  { term: 'нагар', words: ['сажа', 'сажи', 'сажей'] },
  { term: 'искрогасител', prefixes: ['искрогас', 'искроуловит'] },
  { term: 'облицовк', prefixes: ['облицов', 'облицев', 'облицу'] },
  { term: 'теплоизоляц', prefixes: ['термоизол'] },
  // Makers said aloud or spelt in Latin against the documents' spelling; "ТМФ" is how Термофор abbreviates itself.
  { term: 'термофор', prefixes: ['термофор'], words: ['thermofor', 'termofor', 'тмф', 'tmf'] },
  { term: 'теплодар', words: ['teplodar'] },
  { term: 'grilld', words: ['грилд', 'грилда', 'грилде', 'грилдом'] },
  { term: 'feringer', words: ['ферингер', 'ферингера', 'ферингере', 'ферингером'] },
  { term: 'harvia', words: ['харвия', 'харвии', 'харвию', 'харвией', 'харвиа'] },
  { term: 'tylo', words: ['tylö', 'тило', 'тюло'] },
  { term: 'helo', words: ['хело'] },
  { term: 'kastor', words: ['кастор', 'кастора', 'кастором'] },
  // A roof's pipe flashing: the documents write "мастер-флеш", a buyer one word.
  { term: 'флеш', words: ['мастерфлеш', 'мастерфлэш', 'мастерфлеша', 'мастерфлешем', 'masterflash'] },
];
