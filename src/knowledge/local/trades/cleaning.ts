import type { PrefixRule } from '../prefix-table.js';

/**
 * Home cleaning services: general, maintenance and post-renovation cleaning, window washing, dry cleaning of sofas,
 * carpets and mattresses at home, the chemicals and equipment, prices per square metre. Earlier groups read "химчистка"
 * and "почистить" as one ("чистк"), "помыть"/"мытьё" ("мыт"), "пылюка", "москитка", "аллергия", "вынос", "утилизация",
 * and the square metre's "квадратов"/"кв.м" (a unit). "Мойка" is a sink and a wash, "моём" (ё folded) is also "my",
 * "туалет" is also a cat's litter box, "трёшка" also three thousand roubles, "студия" also a design studio, and
 * "метраж" also a length of cable or cloth: all stay out.
 */
export const CLEANING_RULES: readonly PrefixRule[] = [
  // Cleaning asked with the verb ("убраться в двушке", "уберёте после гостей?", "приберётесь?") and sold as "уборка",
  // "клининг". "Убирается" / "уберётся" (a pram's hood folds away, a sofa fits) stay out, so the verb goes by whole words.
  {
    term: 'уборк',
    prefixes: ['убрат', 'прибрат', 'прибира', 'приберет', 'приберу', 'приберем', 'клининг', 'клинер', 'уборщ'],
    words: [
      'убрал', 'убрала', 'убрали', 'уберу', 'уберем', 'уберете', 'уберет', 'уберут', 'уберешь',
      'убирать', 'убираем', 'убираете', 'убирает', 'убирают', 'убирал', 'убирала', 'убирали',
    ],
  },
  // "Генералка" is the general cleaning; "генерал" (an officer) is why the clipped noun goes by its own prefix.
  { term: 'генеральн', prefixes: ['генералк', 'генеральк'] },
  { term: 'ремонт', prefixes: ['послеремонт'] },
  // "После стройки" is the documents' "после строительства"; "стройматериалы", "стройдвор" start otherwise.
  { term: 'строительств', prefixes: ['послестро'], words: ['стройка', 'стройки', 'стройку', 'стройкой', 'стройке'] },
  { term: 'мусор', prefixes: ['строймусор'], words: ['хлам', 'хлама', 'хламом'] },
  // Cleaning chemicals: "какой химией моете?"; "химчистка" is read earlier and keeps its term.
  { term: 'хим', prefixes: ['химикат', 'химоз'] },
  { term: 'хлор', prefixes: ['хлорк', 'хлорн', 'хлорсодерж'] },
  // "Гипоаллергенная химия" answers "у ребёнка аллергия": one question of safety.
  { term: 'аллерг', prefixes: ['гипоаллерг', 'гипоалерг'] },
  // Snowball reads "окон" apart from "окна"; "окошко" has the window's two senses (a time slot too), as "окно" has.
  // "Окончательная" starts alike, so "окон" goes whole.
  // "Окон" itself stays apart: joined, a listing titled "Мойка окон" took "окно" of the buyer's question as its own name,
  // and "помыть окно двухстворчатое" lost the word it was asked by.
  { term: 'окн', prefixes: ['окошк', 'окошек', 'окошеч'] },
  // Washing verbs Snowball keeps apart from "мыть" ("помоете окна?", "отмоете жир?" / "отмываем нагар"). "Моем" is
  // left out: with ё folded it is also "моём" (my).
  {
    term: 'мыт',
    prefixes: ['отмыва', 'отмыт'],
    words: [
      'моете', 'помоете', 'помоем', 'помоет', 'помоют', 'помою', 'вымоете', 'вымоем', 'вымоет', 'вымоют', 'вымою',
      'отмыть', 'отмоете', 'отмоем', 'отмоет', 'отмоют', 'отмою', 'отмоется', 'отмоются',
    ],
  },
  // Cleaning again for free: "перемоете, если что?" is the documents' "переуборка", "перемоем бесплатно". "Перемотка"
  // (rewinding) keeps its stem.
  {
    term: 'переуборк',
    prefixes: ['переубор', 'переубра', 'переубир', 'перемыв', 'перемыт'],
    words: ['перемоем', 'перемоете', 'перемоет', 'перемоют', 'перемою'],
  },
  // Snowball reads "ковёр" as "ковер" and "ковры" as "ковр"; a "палас" is a carpet too. "Коврик" (a car's or a mouse's
  // mat) keeps its stem.
  { term: 'ковр', prefixes: ['палас'], words: ['ковер'] },
  { term: 'ворс', prefixes: ['длинноворс', 'коротковорс', 'высоковорс', 'низковорс'] },
  // "Выведение пятен": Snowball reads "пятен" apart from "пятна".
  { term: 'пятн', words: ['пятен'] },
  // "Выведете пятно?" is the documents' "выведение пятен". "Вывод" (a conclusion) and "вывести деньги" are why whole
  // words, of the forms a stain is asked with.
  {
    term: 'выведен',
    prefixes: ['пятновывод'],
    words: ['выводите', 'выводить', 'выводим', 'выведете', 'выведем', 'выведет', 'выведут', 'вывести', 'выводится', 'выводятся', 'выведется', 'выведутся'],
  },
  // Scrubbing off is cleaning: "ототрёте?", "отчистите?" meet "чистка"/"химчистка" and "отчищаем пену".
  { term: 'чистк', prefixes: ['отчист', 'отчищ', 'оттер', 'ототр'] },
  // Drying after dry cleaning: "долго сохнет?", "когда высохнет?" / "после высыхания". The "суш-" verbs stay out: "кожу
  // не сушит" (cosmetics) and a dishwasher's "сушка" are other things.
  // The noun ("после высыхания") is when something else happens, not how long drying takes: it stays out.
  { term: 'сохнет', prefixes: ['сохнут', 'высох', 'просох', 'подсох'], words: ['высыхает', 'высыхают', 'просыхает', 'подсыхает'] },
  // Tiles in a bathroom: "кафель" is the documents' "плитка на стенах".
  { term: 'плитк', prefixes: ['кафел'] },
  { term: 'подушк', prefixes: ['подушечк', 'подушечек'] },
  // "Софт" (software) is why whole words.
  { term: 'диван', words: ['софа', 'софы', 'софу', 'софой', 'софе', 'софами'] },
  // Snowball reads "санузел" apart from "санузла".
  { term: 'санузел', prefixes: ['санузл'] },
  { term: 'балкон', prefixes: ['балкончик'] },
  // A flat by its rooms: "генералка однушки" is priced by "квартира до 40 м²". "Трёшка" (also three thousand roubles) and
  // "студия" stay out.
  {
    term: 'квартир',
    prefixes: ['однушк', 'двушк', 'евродвушк', 'однокомнатн', 'двухкомнатн', 'трехкомнатн', 'однокомнатк', 'двухкомнатк'],
  },
  // "Квадратура" is the area the documents price by ("зависит от площади").
  { term: 'площад', prefixes: ['квадратур'] },
  { term: 'жир', prefixes: ['обезжир'] },
  // Burnt-on grease: "пригар", "копоть" are the documents' "нагар". "Пригород" (a suburb) is why no "пригор" prefix.
  { term: 'нагар', prefixes: ['пригар', 'копот', 'пригоревш', 'пригорел'] },
  // Limescale: "накипь" is the "налёт" of "удаление известкового налёта".
  { term: 'налет', prefixes: ['накип'] },
  { term: 'дезинфекц', prefixes: ['дезинф', 'обеззараж'] },
  // Paying for damage: "компенсируете?" / "возмещаем стоимость" ("компенсатор", a pipe's joint, keeps its stem); Snowball
  // keeps "повредили" apart from "повреждения".
  { term: 'возмеща', prefixes: ['возмещ', 'возмест', 'компенсир', 'компенсац'] },
  { term: 'поврежден', prefixes: ['повред', 'поврежд'] },
  { term: 'страховк', prefixes: ['застрах', 'страхуе', 'страхую'] },
  { term: 'альпинист', prefixes: ['промальп', 'альпинизм'] },
  { term: 'глад', prefixes: ['глажк'] },
  // "После квартирантов" is the documents' "после жильцов".
  { term: 'жильц', prefixes: ['квартирант', 'съемщик'] },
  { term: 'пылесос', prefixes: ['пропылесос'] },
  { term: 'парогенератор', prefixes: ['пароочист', 'парогенер'] },
  { term: 'тряпк', prefixes: ['тряпочк', 'тряпочек', 'ветош'] },
  // Rescheduling: Snowball reads "перенести" apart from "перенос", "переносите" (carrying over shares all of them).
  { term: 'перенос', prefixes: ['перенест', 'перенес'] },
];
