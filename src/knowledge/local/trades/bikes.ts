import type { PrefixRule } from '../prefix-table.js';

/** Bicycles and electric scooters: new and used, parts and accessories, the workshop, seasonal storage, trade-in. */
export const BIKE_RULES: readonly PrefixRule[] = [
  // "Велик" by whole words: the prefix takes "великий", "великоват". Its short-adjective look-alikes ("велика", "велики":
  // too big) are read as the bike too: they are the noun's commonest forms in a bike shop's chat.
  {
    term: 'велосипед',
    prefixes: ['велосипедик', 'велосипедн', 'велосипет', 'лисапед', 'лисапет'],
    words: ['велик', 'велика', 'велику', 'великом', 'велике', 'велики', 'великов', 'великам', 'великами', 'великах', 'велек'],
  },
  // An e-scooter is what an Avito buyer means by "самокат" ("б/у самокат, пробег 1200 км"). "Самик" is a self-tapping
  // screw in the building trade, read there first.
  { term: 'самокат', prefixes: ['самокат', 'электросамокат', 'електросамокат', 'электросамик', 'элсамокат', 'самакат', 'электросамакат'] },
  // An e-bike is another product than a bike: its own group, so "электровелик" is not answered by a plain bike.
  { term: 'электровелосипед', prefixes: ['электровелосипед', 'электровелик', 'электробайк', 'электровел'] },
  { term: 'шин', prefixes: ['покрых', 'покрышечк'] },
  { term: 'бескамерн', prefixes: ['бескамерн', 'бескамерк', 'тублес', 'тубелес', 'тюблес'] },
  { term: 'колес', prefixes: ['колесик', 'колесич'] },
  // Seat of a bike ("седло") and of a scooter ("сиденье"): one thing to the buyer who says "сидушка".
  {
    term: 'сиден',
    prefixes: ['сидушк', 'сидух', 'седушк', 'сидулк'],
    words: ['седло', 'седла', 'седлу', 'седлом', 'седле', 'седел', 'седлами', 'седлах'],
  },
  // "Фара" stays out: in car parts a headlight is not a tail light ("фонарь").
  { term: 'фонар', prefixes: ['фонарик', 'фонарич'] },
  // "Замочек" by whole words: the prefix "замоч" takes "замочить" (to soak).
  { term: 'замк', prefixes: ['велозам', 'тросозам'], words: ['замочек', 'замочка', 'замочку', 'замочком', 'замочки', 'замочков'] },
  { term: 'шлем', prefixes: ['шлемак', 'шлемик', 'велошлем'], words: ['каска', 'каску', 'каски', 'каской', 'каске'] },
  { term: 'отражател', prefixes: ['катафот', 'светоотраж', 'отражател'] },
  // Frame materials. "Стали" stays out: it is also "became"; "сталь" and "стальная" were two stems.
  { term: 'алюмин', prefixes: ['алюмин', 'алюминьк', 'алюмишк'] },
  { term: 'стальн', words: ['сталь', 'сталью'] },
  // Bike types as buyers clip them ("горник", "шоссер", "складник").
  { term: 'горн', words: ['мтб', 'mtb', 'горник', 'горника', 'горником', 'горники', 'горников'] },
  { term: 'шоссейн', prefixes: ['шоссейн', 'шоссер'] },
  { term: 'фэтбайк', prefixes: ['фэтб', 'фетб', 'фатб'] },
  // Folding: "складывается?" is answered by "складной"; "склад" (a warehouse) and "складывать" (to stack, to add up) are
  // not taken.
  {
    term: 'складн',
    prefixes: ['складник', 'складушк'],
    words: ['складывается', 'складываются', 'складывания', 'складывание', 'складывании', 'складываться'],
  },
  // "Ростовка" is the frame's size by the rider's height.
  { term: 'размер', prefixes: ['ростовк', 'ростовочк'] },
  // Gear shifters: "манетки", "шифтеры", the rear derailleur "перекидка".
  { term: 'переключател', prefixes: ['манетк', 'манеточ', 'шифтер', 'шифтэр', 'перекидк', 'переключалк'] },
  // Hydraulic brakes: "гидра" as whole words. "Механика" is left out: car parts read it as a manual gearbox first.
  { term: 'гидравлическ', prefixes: ['гидравлик', 'гидравлич'], words: ['гидра', 'гидру', 'гидры', 'гидрой', 'гидре'] },
  // Rim brakes as price lists write them ("V-brake", read as "brake") and buyers say them.
  { term: 'brake', words: ['вибрейк', 'вибрейки', 'вибрейка', 'вибрейков', 'вибрейками', 'вибрейках', 'вибрэйк', 'вибрэйки', 'vbrake'] },
  // A planetary hub: "планетарка" against "планетарная втулка".
  { term: 'планетарн', prefixes: ['планетарк'] },
  // A fork's lockout: "блокируется?" is answered by "с блокировкой".
  { term: 'блокировк', prefixes: ['блокир', 'локаут'] },
  { term: 'пневматическ', words: ['пневма', 'пневмо', 'надувные', 'надувных', 'надувными', 'надувная', 'надувной', 'надувное', 'надувную'] },
  // Play in a used bike's bearings or a scooter's stem: "не шатается?" is answered by "люфтов нет".
  { term: 'люфт', prefixes: ['люфт', 'шатает', 'шатают', 'расшатан', 'разболтан'] },
  { term: 'ходов', prefixes: ['ходовк'] },
  // Range on one charge: the documents write "запас хода".
  { term: 'запас', words: ['дальность', 'дальности', 'автономность', 'автономности', 'автономка', 'автономку'] },
  // Top speed: "максималка", "до скольки разгоняется"; the noun "разгон" stays out (a processor's overclocking).
  {
    term: 'скорост',
    words: ['максималка', 'максималку', 'максималкой', 'разгоняется', 'разгоняются', 'разгонится', 'разгонятся', 'разгоняет'],
  },
  // Firmware and the speed limit: "прошить" by whole words (it is also to sew), "анлок" is to lift the limit ("разлочить" is the phones' unlocking, read there).
  { term: 'прошивк', prefixes: ['прошивк', 'перепрош'], words: ['прошить', 'прошьете', 'прошьем', 'прошиваете', 'прошиваем'] },
  // "Можете разблокировать?" of a scooter asks to lift its speed limit ("снятие ограничений скорости"); no document of
  // another trade says "разблок" (a phone's unlocking is "разлочен", "Neverlock": trades/phones.ts).
  { term: 'ограничен', prefixes: ['разлок', 'анлок', 'ограничител', 'разблок'] },
  // Holding a rider's weight: "выдержит 100 кг?" is answered by "нагрузка до 120 кг"; "выдержка" (ageing) stays out.
  {
    term: 'нагрузк',
    prefixes: ['грузоподъемн'],
    words: ['выдержит', 'выдержат', 'выдерживает', 'выдерживают', 'выдержать', 'выдерживать', 'выдерживал', 'выдержал'],
  },
  { term: 'влагозащит', prefixes: ['влагозащ', 'водозащ', 'водонепрониц', 'влагостойк', 'водостойк', 'пылевлагозащ'] },
  // The scooter's phone app; "приложите фото" (attach) keeps its own stem.
  { term: 'приложен', words: ['прилка', 'прилку', 'прилке', 'прилки', 'приложуха', 'приложуху', 'приложухе', 'приложка', 'приложку', 'приложке'] },
  // A test ride: "покататься перед покупкой?" / "можно прокатиться"; "кататься" alone is any riding ("зимой кататься").
  { term: 'прокат', words: ['покататься', 'покатаюсь', 'покатаемся', 'покатать', 'прокатнуться', 'прокатнусь', 'потестить', 'тестдрайв', 'тестдрайва', 'драйв'] },
  // The workshop's services, as the buyer's verb against the price list's noun.
  { term: 'обслуживан', prefixes: ['обслуж', 'техобслуж'] },
  // "Настроите?", "отрегулируете тормоза?": the price list writes "настройка", "регулировка"; "настроение" stays out.
  {
    term: 'настройк',
    prefixes: ['настройк', 'настраива', 'регулировк', 'отрегулир', 'подрегулир'],
    words: ['настроить', 'настроите', 'настроим', 'настрою', 'настроят', 'настроил', 'настроили', 'настроен', 'настроена', 'настроены', 'настроенный', 'настроенным', 'настроенная', 'настроенные'],
  },
  { term: 'смазк', prefixes: ['смазк', 'смаза', 'смаж'] },
  { term: 'подкачк', prefixes: ['подкач', 'накач'] },
  { term: 'переборк', prefixes: ['переборк', 'перебра', 'перебер', 'перебира'] },
  // A buckled wheel: "колесо восьмерит" is "восьмерка"; the noun alone is also a car and a number, so only the verb.
  { term: 'восьмерк', words: ['восьмерит', 'восьмерят', 'восьмерить', 'восьмерило', 'восьмерила'] },
  { term: 'правк', prefixes: ['выправ', 'отрихт', 'рихтов'] },
  { term: 'прокол', prefixes: ['прокол'] },
  { term: 'мастерск', prefixes: ['веломастер', 'велосервис'] },
  // Seasonal storage ("где перезимовать велик?") stays with the garden's reading of wintering ("зим").
  // Trade-in: "трейдин" typed as one word, "в зачёт" as the buyer's verb ("зачтёте старый?").
  { term: 'трейд', words: ['трейдин', 'трейдина', 'трейдину', 'трейдином', 'трейдине', 'tradein', 'trade'] },
  { term: 'зачет', prefixes: ['зачт', 'засчит', 'зачест'] },
  // Buying a used bike for money: "скупаете?" against the documents' "выкуп", "выкупаете" ("выкупить" is "выкуп" already).
  { term: 'выкуп', prefixes: ['скупа', 'скупк'], words: ['выкупаете', 'выкупаешь', 'выкупаем', 'выкупают', 'выкупаю'] },
];
