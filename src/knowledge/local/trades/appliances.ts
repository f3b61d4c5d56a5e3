import type { PrefixRule } from '../prefix-table.js';

/**
 * Household appliances, new and used: washing machines, fridges, stoves and ovens, dishwashers, their delivery, carrying
 * up, connecting and buying back. Earlier groups already read the trade's everyday names ("стиралка", "холодос",
 * "посудомойка"/"ПММ", "духовка", "микроволновка", "морозилка", "фронталка", "уценка", "вмятина", "ржавчина",
 * "выкуп"/"скупка", "трейд-ин"), so these are the words left: clipped and misspelt parts, and what buyers ask of the
 * machines. "Вертикалка" (a top loader) stays out: it is also a shotgun, and its stem is how fridges travel ("только
 * вертикально"). "Мойка" is a sink and a wash, and "кран" a tap and a crane (read as a crane earlier): both stay out.
 */
export const APPLIANCE_RULES: readonly PrefixRule[] = [
  // "Машинку подключите?" is the documents' "стиральная машина": the diminutive of the same word (a toy car is a car
  // too; a hair clipper's "машинка" has no "машина", but shops selling clippers seldom write "машина").
  {
    term: 'машин',
    words: ['машинка', 'машинки', 'машинку', 'машинкой', 'машинке', 'машинок', 'машинкам', 'машинками', 'машинках', 'машинкою'],
  },
  // Snowball reads "отжим" as "отж" but "отжима", "на отжиме" as "отжим", and the verb apart. "Отжимания" (push-ups)
  // share the prefix, so the forms go whole.
  {
    term: 'отжим',
    words: ['отжим', 'отжимы', 'отжимом', 'отжимает', 'отжимают', 'отжимать', 'отжимал', 'отжимала', 'отжимало', 'отожмет', 'отожмут'],
  },
  // A machine walking on spin: "не скачет на отжиме?" is the documents' "на отжиме не прыгает". "Скачки напряжения"
  // (power surges) keep their stem: only the verb's forms.
  {
    term: 'прыга',
    words: ['скачет', 'скачут', 'скакала', 'скакал', 'скакать', 'танцует', 'танцуют', 'танцевала', 'подпрыгивает', 'подпрыгивают', 'подпрыгивала'],
  },
  // "Течей нет" is the documents' "не течёт" (predicates read "течь", "течёт" as a leak); "течение" (within a time) has
  // its own stem.
  { term: 'протека', words: ['течей', 'течи'] },
  { term: 'хладагент', prefixes: ['фреон'] },
  // "Хорошо морозит?", "холодит нормально?" ask what "температуру держит отлично, в морозилке -20" answers.
  {
    term: 'температур',
    words: ['морозит', 'морозят', 'морозил', 'морозила', 'морозило', 'холодит', 'холодят', 'холодил', 'холодила', 'холодило'],
  },
  // No Frost typed as one word; the documents write "ноу фрост" and "no frost".
  { term: 'фрост', words: ['ноуфрост', 'нофрост', 'nofrost', 'ноуфроста', 'ноуфростом'] },
  // A burner misspelt ("комфорка", "канфорка") and its diminutive.
  { term: 'конфорк', prefixes: ['комфорк', 'канфорк', 'камфорк', 'конфороч', 'комфороч'], words: ['комфорок', 'канфорок', 'камфорок'] },
  // Ignition, whatever the buyer calls it: the documents write "поджиг" and "электроподжиг конфорок".
  { term: 'поджиг', prefixes: ['электроподжиг', 'автоподжиг', 'пьезоподжиг', 'электророзжиг'] },
  // "Газконтроль" typed as one word; "газ-контроль" is split at the hyphen and read as "газ" and "контроль".
  { term: 'контрол', prefixes: ['газконтрол', 'газоконтрол'] },
  { term: 'духов', prefixes: ['духовочк', 'духовочек'] },
  // A heating element misspelt "тен"; "тень" (a shade) is another word and keeps its stem.
  { term: 'тэн', words: ['тен', 'тена', 'тену', 'теном', 'тены', 'тенов', 'тенами', 'тэнчик'] },
  // Snowball reads "противень" as "противен" and "противни" as "противн", the stem of "противный" (nasty): the tray's
  // other cases join its nominative.
  {
    term: 'противен',
    words: ['противни', 'противня', 'противню', 'противнем', 'противне', 'противней', 'противням', 'противнями', 'противнях'],
  },
  // "Литраж" is a fridge's volume. "Объем" itself (Snowball's "объ" beside "объема"'s "объем") stays as it is: joined, a
  // tuning question on a cosmetics listing ("какие объемы есть?") lost its answer, as it did when the cosmetics words
  // joined it before (cosmetics-computers-more.ts).
  { term: 'объем', prefixes: ['литраж'] },
  // "Сколько комплектов вмещает?" is the documents' "вместимость 10 комплектов"; "вместе" (together) is why whole words.
  { term: 'вместим', words: ['вмещает', 'вмещают', 'вместит', 'вместят', 'вмещается', 'вмещаются'] },
  { term: 'энергопотреблен', prefixes: ['энергопотреб', 'энергокласс', 'энергоэффект', 'электропотреб'] },
  // The drain: "кран и слив" against "сливной шланг", "подключите к канализации?". "Сливки" (cream) and "слива" (a plum)
  // share the start, so whole words.
  { term: 'сливн', prefixes: ['канализац'], words: ['слив', 'сливом'] },
  // Re-hanging a fridge's doors: the pets group reads "перевесить" as weighing again ("взвес"), so the documents'
  // "перевесим двери" carry that term, and the buyer's unambiguous "перенавесить" joins it. "Перевес" (excess weight)
  // keeps its stem.
  { term: 'взвес', prefixes: ['перенавес', 'перенавеш'] },
  // Taking the old one away: "вывоз старой техники" is the furniture group's "вынос старой мебели" ("утилизация" is read
  // there). "Самовывоз" starts otherwise and keeps its term.
  { term: 'вынос', prefixes: ['вывоз', 'вывез'] },
  // Carrying in: the furniture group reads "занести", "заносите" as the documents' "подъём"; "заносим в помещение" is the
  // same service. "Занос" (a skid) is why whole words.
  { term: 'подъем', words: ['заносим', 'заносить', 'заношу', 'занесу', 'занесешь'] },
  // A fridge carried "лёжа" (baby goods read it with "горизонтально"), or "плашмя".
  { term: 'горизонт', words: ['плашмя'] },
  // A pump ("сменили помпу", "давление помпы") is a "насос"; "помпон" (a bobble) is why whole words.
  { term: 'насос', words: ['помпа', 'помпы', 'помпу', 'помпой', 'помпе', 'помп', 'помпами', 'помпах'] },
];
