import type { PrefixRule } from '../prefix-table.js';

/**
 * Tyres and wheels: winter and summer tyres, studded and studless, used sets, alloy and stamped wheels, tyre fitting and
 * balancing, puncture repair, seasonal storage. auto.ts and auto-building-more.ts already read "резина", "переобуть",
 * "литьё", "шиповка", "отбалансировать": these groups add what they leave. Left out: "скаты" (a roof's slopes in a
 * building shop), "колпачок" (a centre cap is not a hubcap), "вентиль" (a plumbing valve), "шишка" on a tyre (pine
 * cones), "шипы" (thorns; see below), "лето"/"летом" (any summer: "летом работаем"), "радиусе" (a delivery radius).
 */
export const WHEEL_RULES: readonly PrefixRule[] = [
  // Studless tyres: "липучка" is the buyer's word, "фрикционная" the seller's. "Липучка" is a shoe's Velcro too, but no
  // document of a shoe shop writes "фрикционная", so the two still meet only each other there.
  {
    term: 'фрикцион',
    prefixes: ['фрикцион', 'нешипован', 'нешиповк'],
    words: ['липучка', 'липучку', 'липучки', 'липучке', 'липучкой', 'липучек', 'липучках', 'липучками', 'липучкам'],
  },
  // "Шипастая" is the studded tyre. Re-studding ("дошиповка", "ошиповка") is a service of its own, no word for the tyre:
  // read so, "дошиповку делаете?" was answered by a listing of studded tyres. "Шипы" stays out: auto-building-more.ts
  // keeps it apart from "шипованная" (a rose's thorns in a garden shop) and tests so.
  { term: 'шипова', words: ['шипастая', 'шипастые', 'шипастую'] },
  // Summer and winter tyres by their clipped names; "зимник" (a winter boot or jacket) is winter wear anyway.
  { term: 'летн', prefixes: ['летник', 'летняк'], words: ['летка', 'летку', 'летки', 'летках'] },
  { term: 'зимн', prefixes: ['зимник', 'зимняк'] },
  { term: 'всесезон', prefixes: ['всесезонк', 'всесезонн'] },
  // Tyres by their diminutive and the "авто-" compounds.
  {
    term: 'шин',
    prefixes: ['авторезин', 'автошин', 'шиночк'],
    words: ['шинка', 'шинки', 'шинку', 'шинкой', 'шинке', 'шинок'],
  },
  // Wheels: "катки" among car owners ("летние катки на литье"); "каток" (a rink, a roller) stays out.
  { term: 'колес', words: ['катки', 'катков', 'каткам', 'катками', 'катках'] },
  { term: 'лит', prefixes: ['литух', 'литушк', 'литьев'] },
  // Stamped wheels: "штампы", "штамповка", "штампованные" were three stems; the singular "штамп" (a rubber stamp) stays out.
  { term: 'штампова', prefixes: ['штамповк', 'штамповочк', 'штампован'], words: ['штампы', 'штампов', 'штампах', 'штампами', 'штампам'] },
  // "Какой радиус?" asks a wheel's diameter ("R16"); "в радиусе 10 км" (a delivery area) is not taken.
  { term: 'диаметр', words: ['радиус', 'радиуса', 'радиусу', 'радиусом', 'радиусы', 'радиусов'] },
  // The centre bore: "центровка", "центровочные кольца" meet the listing's "DIA" and "ступица" (read "цо" by auto.ts).
  // "Централка" stays out: a car's central locking.
  { term: 'цо', prefixes: ['центровк', 'центровочн'] },
  // Fitting misspelt (auto.ts reads the right spelling and "переобуть").
  { term: 'шиномонтаж', prefixes: ['шиномантаж', 'шинамонтаж', 'шинамантаж', 'шиномонтож', 'шинмонтаж'] },
  // "Балансируются?" (Snowball "балансир") against "балансировка"; the noun "балансир" (a rocker) stays out.
  {
    term: 'балансировк',
    prefixes: ['балансиру'],
    words: ['балансить', 'отбалансить', 'отбалансите', 'отбалансишь', 'сбалансить', 'балансите', 'балансят', 'балансит'],
  },
  // "Шинный отель" is the documents' seasonal storage.
  { term: 'хранен', prefixes: ['шиноотел', 'шинотел'] },
  // How long a used set was run: "сколько откатали?" / "откатана 2 сезона, пробег небольшой". "Откатные ворота" (sliding
  // gates) start otherwise.
  { term: 'пробег', prefixes: ['откатан', 'откатал', 'откатыва', 'отъездил'] },
  // Losing air: "травит?" / "держат давление", "начало спускать".
  { term: 'спуска', prefixes: ['подспуска', 'подтравлив', 'стравлив'], words: ['травит', 'травят', 'травила', 'травило', 'травили', 'травить', 'подтравливает'] },
  // A bald tyre: "лысая резина" is the listing's "износ".
  { term: 'износ', words: ['лысая', 'лысые', 'лысую', 'лысых', 'лысыми', 'облысела', 'облысели', 'изношенная', 'изношенные', 'изношена', 'изношены'] },
  // Straightening a rim: "прокатка дисков" is the price list's "правка" (bikes.ts reads "выправить"); "прокат" (a hire) is
  // a whole word read before, "раскатать" (dough, fondant) stays out.
  { term: 'правк', words: ['прокатка', 'прокатку', 'прокатки', 'прокаткой', 'прокатать', 'прокатаете', 'прокатаем'] },
  // Hot patching: "завулканизировать", "вулканизировать" against the price list's "вулканизация".
  { term: 'вулканизац', prefixes: ['вулканиз', 'завулканиз'] },
];
