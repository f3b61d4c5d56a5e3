import type { PrefixRule } from '../prefix-table.js';

/**
 * Computers and their repair, phones and gadgets: a second pass over what computers.ts, cosmetics-computers-more.ts and
 * phones.ts miss, written from the trade alone. Left out for two meanings: "акк" (an account and, more often, a battery),
 * "джой" (a joystick and the car-seat brand Joie), "плойка" (a PlayStation and a curling iron), "кондер" (an air
 * conditioner and a capacitor), "плашка" (a RAM stick and a threading die), "тач" (a touch screen and the "Touch" of Touch
 * ID typed apart), "микро" (a microphone and micro-USB), "пс" alone (a PlayStation and a P.S.), "восстановить" (data
 * recovery, where phones.ts reads "восстановленный" as refurbished), "сбросить" (a reset and a dropped price), "колонка"
 * (a speaker and a gas water heater), "приставка" and "консоль" (a game console, a TV box, a console table).
 */
export const ELECTRONICS_SECOND_RULES: readonly PrefixRule[] = [
  // Game consoles by the names buyers type, which the sound match misses: "плейстейшн" is PlayStation, "иксбокс" Xbox.
  {
    term: 'playstation',
    words: ['плейстейшн', 'плейстейшен', 'плэйстейшн', 'плэйстейшен', 'плейстешн', 'плестейшн', 'плейстейшна', 'плейстейшну', 'плейстейшне', 'плейстейшном'],
  },
  { term: 'xbox', words: ['иксбокс', 'иксбокса', 'иксбоксе', 'иксбоксом', 'иксбоксу', 'иксбоксы', 'хбокс', 'хбокса', 'хбоксе', 'иксбох'] },
  // A controller: shops write "геймпад", buyers "джойстик" (not "джой": a car-seat brand is said so).
  { term: 'геймпад', prefixes: ['гейпад', 'джойстик', 'джостик'] },
  // Playing: "игровой ноут", "геймерский ПК" are the documents' "для игр".
  { term: 'игр', prefixes: ['игров', 'геймер'] },
  // "Вай фай" typed as two words: each half alone means nothing else to a buyer ("вайфай" the sound match finds).
  { term: 'wifi', words: ['вай', 'фай'] },
  { term: 'роутер', prefixes: ['маршрутизатор', 'роутерок', 'роутерочек'] },
  { term: 'флешк', prefixes: ['флэшк', 'флешечк', 'флэшечк'], words: ['флеха', 'флеху', 'флехи', 'флехой', 'флехе', 'флэха', 'флэху', 'флэхи'] },
  // "Мик" is a gamer's and a streamer's microphone ("наушники с миком").
  { term: 'микрофон', words: ['мик', 'мика', 'мику', 'миком', 'мике', 'мики', 'миков'] },
  // An account: "учётка", "учётная запись" against the documents' "аккаунт отвязан".
  { term: 'аккаунт', prefixes: ['учетк'], words: ['учетная', 'учетной', 'учетную', 'учетные', 'учетных'] },
  // Cores: "сколько ядер?" against "6-ядерный" (read "6" and "ядерный") and "4 ядра"; Snowball gives three stems.
  { term: 'ядр', prefixes: ['ядерн'], words: ['ядро', 'ядра', 'ядру', 'ядром', 'ядре', 'ядер', 'ядрам', 'ядрами', 'ядрах'] },
  // "13 промакс" is the documents' "13 Pro Max" ("макс" alone is read as "максимальный" first).
  { term: 'max', words: ['промакс', 'промакса', 'промаксу', 'промаксом', 'промаксе', 'промаксы'] },
  // Brands the sound match misses: "хуавей" (the Latin "w" is silent to it), "джифорс" (GeForce), "хп" (HP).
  { term: 'huawei', words: ['хуавей', 'хуавэй', 'хуавеи', 'хуавея', 'хуавею', 'хуавеем', 'хуавее', 'хувей', 'хуавэя'] },
  { term: 'geforce', words: ['джифорс', 'жифорс', 'жефорс', 'джифорса', 'жифорса', 'джифорсы', 'жифорсы', 'джифорсом'] },
  { term: 'hp', words: ['хп', 'эйчпи'] },
  // A dash camera: "регистратор", "регик" are the documents' "видеорегистратор" ("регистратура" has its own stem).
  {
    term: 'видеорегистратор',
    words: [
      'регистратор', 'регистратора', 'регистратору', 'регистратором', 'регистраторе', 'регистраторы', 'регистраторов',
      'регик', 'регика', 'регику', 'региком', 'регике', 'регики', 'региков',
    ],
  },
  // A small chip is one of the documents' "сколы" (read with the scratches).
  { term: 'потертост', words: ['скольчик', 'скольчики', 'скольчиков', 'сколышек', 'сколышки'] },
  // Stripes on a screen: "полоски" against "полосы на экране". The noun's forms only: "полоскать" (to rinse) shares the start.
  {
    term: 'полос',
    words: ['полоска', 'полоски', 'полоску', 'полоской', 'полоске', 'полосок', 'полоскам', 'полосками', 'полосках', 'полосочка', 'полосочки', 'полосочку'],
  },
  // A motherboard: "матплата" against "материнская плата".
  { term: 'материнк', prefixes: ['матплат'] },
  { term: 'мфу', prefixes: ['мфушк'] },
  // An uninterruptible power supply: "бесперебойник" against the price list's "ИБП".
  { term: 'бесперебойн', prefixes: ['бесперебойник'], words: ['ибп'] },
  // A push-button phone: "звонилка", "кнопочник", "бабушкофон" against "кнопочный телефон".
  {
    term: 'кнопочн',
    words: [
      'звонилка', 'звонилку', 'звонилки', 'звонилкой', 'кнопочник', 'кнопочника', 'кнопочнику', 'кнопочником', 'кнопочники',
      'бабушкофон', 'бабушкофона', 'бабушкофоны',
    ],
  },
  // An operator lock: "без симлока?" against "не залочен", "Neverlock" (phones.ts reads them as "блок").
  { term: 'блок', words: ['симлок', 'симлока', 'симлоку', 'симлоком', 'симлоке'] },
  { term: 'парол', words: ['пинкод', 'пинкода', 'пинкоду', 'пинкодом', 'пинкоде'] },
  // A subwoofer: "саб", "сабик".
  { term: 'сабвуфер', words: ['саб', 'саба', 'сабу', 'сабом', 'сабе', 'сабы', 'сабик', 'сабика', 'сабику', 'сабиком'] },
  // The phone's vibration motor: "вибро работает?", "вибрирует?" against "вибрация". Whole words: "виброплита" (a
  // compactor) starts alike.
  {
    term: 'вибрац',
    prefixes: ['вибромотор', 'виброотклик'],
    words: ['вибро', 'вибрик', 'вибрирует', 'вибрируют', 'вибрировать', 'вибрировал', 'вибрировала', 'вибрировало'],
  },
];
