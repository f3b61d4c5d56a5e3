import type { PrefixRule } from '../prefix-table.js';

/**
 * Baby goods: prams and strollers new and used, car seats, cots, high chairs, carriers; their parts, cleaning, trade-in.
 * "Прогулка" (the stroller's seat unit, and a walk), "кресло" (a car seat, and an armchair), "ножки" (a child's feet, and
 * a table's legs), "фартук", "муфта", "переноска" (read by an earlier group as an extension lead) stay out: two meanings.
 */
export const BABY_RULES: readonly PrefixRule[] = [
  // The goods by their diminutives and misspellings.
  { term: 'коляск', prefixes: ['колясочк', 'колясоньк', 'каляск', 'калясочк'] },
  { term: 'прогулочн', prefixes: ['прогулочк'] },
  { term: 'люльк', prefixes: ['люлечк'], words: ['люлек'] },
  // An infant car seat is called by the brand that made it common.
  { term: 'автолюльк', prefixes: ['автолюл'], words: ['максикози', 'максикоси'] },
  // "Автокресел" (genitive plural) gets a stem of its own from Snowball.
  { term: 'автокресл', prefixes: ['автокрес', 'афтокресл'] },
  { term: 'кроватк', prefixes: ['кроваточк'] },
  { term: 'стул', prefixes: ['стульчик'] },
  // "Эргономичный" begins with "эрго": the carrier by whole words.
  { term: 'эргорюкзак', prefixes: ['эргорюкзак', 'эргорюкзач', 'слингорюкзак'], words: ['эрго', 'эргошка', 'эргошку'] },
  { term: 'москитн', prefixes: ['москитк', 'антимоскит'], words: ['комар', 'комары', 'комаров', 'комарами', 'комарья', 'мошкара', 'мошкары'] },
  { term: 'дождевик', prefixes: ['дождевич'] },
  { term: 'накидк', prefixes: ['накидочк'] },
  { term: 'пеленальн', prefixes: ['пеленальн', 'пеленалк'] },
  { term: 'качел', prefixes: ['качел', 'электрокачел'] },
  { term: 'манеж', prefixes: ['манеж'] },
  { term: 'матрас', prefixes: ['матрас', 'матрац'] },
  // Parts. "Шасси" of a pram is its frame; "поручень" its bumper bar ("поручение" is an order: whole words).
  { term: 'рам', words: ['шасси'] },
  // A car seat goes on another pram's frame through adapters; buyers call them "переходники".
  { term: 'адаптер', prefixes: ['переходник'] },
  { term: 'бампер', words: ['поручень', 'поручня', 'поручнем', 'поручни', 'поручней'] },
  { term: 'колес', prefixes: ['колесик', 'колесич'] },
  { term: 'сиден', prefixes: ['сидушк'] },
  // Snowball gives "козырек" and "козырька" two stems, "ремень" and "ремни" too.
  { term: 'козырьк', prefixes: ['козырек', 'козырьк', 'козыречк'] },
  { term: 'ремн', prefixes: ['ремешк', 'ремешок'], words: ['ремень'] },
  // "Корзиночка" is also a pastry: the diminutive by "корзинк" only.
  { term: 'корзин', prefixes: ['корзинк'] },
  { term: 'экокож', prefixes: ['экокож', 'кожзам', 'искожа'] },
  // Wheels and mattresses of foam ("ППУ" in specs, "поролон" said aloud) are read by the furniture's group.
  // Harness points: "пятиточечные ремни?" meets "5-точечные ремни".
  { term: 'точечн', prefixes: ['пятиточ', 'трехточ'] },
  // Front wheels that swivel: "крутятся?" meets "передние поворотные" ("поворотник", a turn signal, keeps its stem).
  { term: 'вращ', words: ['поворотные', 'поворотных', 'поворотными', 'поворотная', 'поворотный', 'поворотное', 'поворотного'] },
  // Pumping wheels: "подкачка", "накачать" meet "качать не надо" (Snowball's "кача"); "надувные" is read as "пневматические" (bikes).
  { term: 'кача', prefixes: ['подкач', 'накач'] },
  // Getting a pram through a lift or a door: "пролезет?" is answered by "влезает", "подходит".
  { term: 'подход', words: ['пролезет', 'пролезут', 'пролезает', 'пролезают', 'пролезла', 'пролез'] },
  // Folding: "складывается", "сложить", "в сложенном виде", "складная" — "склад" (a warehouse), "сложно" and "складывать" (to
  // stack) keep their stems. The term is the bikes' and pets' one ("складн"), and their words for "складывается" are read first.
  {
    term: 'складн',
    prefixes: ['складн', 'сложен'],
    words: ['сложить', 'сложу', 'сложится', 'сложатся', 'сложил', 'сложила', 'сложили', 'сложите', 'сложим', 'сложишь', 'сложит'],
  },
  { term: 'раскладыва', prefixes: ['раскладыв', 'раскладн', 'разлож'] },
  // A seat back lying flat: "лёжа", "до лежачего", "в горизонт", "горизонтальное положение".
  { term: 'горизонт', prefixes: ['горизонт', 'лежач'], words: ['лежа'] },
  // Swivel wheels that lock ("поворотные с фиксацией"); "фиксированная цена" keeps its stem.
  {
    term: 'фиксац',
    words: ['фиксируется', 'фиксируются', 'фиксировать', 'зафиксировать', 'фиксирует', 'фиксируют', 'фиксатор', 'фиксатора', 'фиксатором', 'фиксаторы', 'фиксаторов', 'стопорится', 'стопорятся'],
  },
  // Faults of a used pram. "Скрипка" and "скрипт" keep their stems.
  { term: 'скрип', prefixes: ['скрипи', 'скрипя', 'скрипе', 'скрипуч', 'поскрип', 'заскрип'], words: ['скрип', 'скрипа', 'скрипом', 'скрипы', 'скрипов'] },
  {
    term: 'люфт',
    prefixes: ['люфт', 'разболтан'],
    words: ['шатается', 'шатаются', 'болтается', 'болтаются', 'разболтался', 'разболталась', 'разболталось', 'разболтались', 'ходуном'],
  },
  // "Заедает?" is answered by "механизм заклинил"; "заеду" (I'll drop by) is read earlier, the rest by whole words.
  {
    term: 'заклин',
    words: ['заедает', 'заедают', 'заедал', 'заедало', 'заела', 'заело', 'клинит', 'клинят', 'клинило', 'заклинит', 'заклинило', 'заклинила', 'заклинивает', 'заклинивают', 'подклинивает'],
  },
  { term: 'полом', prefixes: ['лопн'], words: ['лопается', 'лопаются'] },
  { term: 'дыр', prefixes: ['дырк', 'дырочк', 'дыряв', 'порван', 'порвал', 'порвет', 'порвут', 'порвать', 'прорван', 'прорвал'], words: ['дырок', 'дырочек'] },
  { term: 'пятн', prefixes: ['пятнышк', 'заляпан', 'запятнан'], words: ['пятнышек'] },
  // Fading is the phones' burn-in term ("выгорел" is read there).
  { term: 'выгоран', prefixes: ['выгор', 'выцве'] },
  { term: 'износ', prefixes: ['изнош', 'изнашив'] },
  // A used car seat is asked about crashes: "в аварии не было?" / "не после ДТП". "Аварийный" (emergency) keeps its stem.
  { term: 'дтп', words: ['авария', 'аварии', 'аварию', 'аварией', 'аварий', 'авариях'] },
  // Cleaning and servicing: "почистили?" (read as "чистк") meets "химчистка"; "смазывается" (make-up smudging) stays out.
  { term: 'чистк', prefixes: ['химчист', 'химчищ'] },
  {
    term: 'смазк',
    words: ['смазать', 'смажете', 'смажем', 'смажу', 'смазали', 'смазал', 'смазала', 'смазана', 'смазаны', 'смазан', 'смазано', 'смазываете', 'смазываем', 'смазывать', 'смазывали'],
  },
  // Trade-in: "трейд-ин" is split at the hyphen, so its "ин" is read with it.
  { term: 'трейд', words: ['трейдин', 'трейдина', 'трейдину', 'трейдином', 'трэйд', 'трэйдин', 'tradein', 'trade', 'ин', 'ина', 'ину', 'ином'] },
  { term: 'зачет', prefixes: ['засчит'], words: ['зачесть', 'зачтете', 'зачтем', 'зачтешь', 'зачтут', 'зачтет', 'зачтите'] },
  // Buying back for money; "выкупать" (to bathe a baby) stays out.
  { term: 'выкуп', words: ['выкупаете', 'выкупаем', 'выкупает', 'выкупают', 'выкупите', 'выкупим', 'выкупить', 'скупка', 'скупку', 'скупки', 'скупаете', 'скупаем'] },
  // Trying a pram out: "покатать", "прокатить", the bikes' test ride ("прокат" is a hire, read by whole words earlier).
  {
    term: 'прокат',
    words: ['покатать', 'покатаю', 'покатаем', 'покатаете', 'покатали', 'прокатить', 'прокатим', 'прокатите', 'прокатили', 'обкатать', 'обкатаю', 'потестить', 'потестим', 'протестить'],
  },
  // How much weight it takes: "выдержит 20 кг?" / "нагрузка до 22 кг".
  { term: 'нагрузк', words: ['выдержит', 'выдержат', 'выдерживает', 'выдерживают', 'выдержать', 'выдерживать'] },
  { term: 'проходим', prefixes: ['проходим', 'вездеход', 'бездорож'] },
  // Whom it is for: "с роддома", "для новорожденного" meet "с рождения".
  { term: 'рожден', prefixes: ['новорожд', 'новорожк', 'роддом', 'грудничк', 'младенц'], words: ['грудничок', 'младенец'] },
  {
    term: 'ребенк',
    prefixes: ['малышк', 'ребятенк', 'ребеночк'],
    words: [
      'малыш', 'малыша', 'малышу', 'малышом', 'малыше', 'малыши', 'малышей', 'малышам', 'малышами', 'малышок',
      'кроха', 'крохи', 'кроху', 'крохе', 'крохой', 'дети', 'детей', 'детям', 'детьми', 'детях', 'детки', 'деток', 'деткам',
      'дите', 'дитя', 'ребеночек',
    ],
  },
];
