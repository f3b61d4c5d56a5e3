import type { PrefixRule } from '../prefix-table.js';

/**
 * Garden and dacha goods: greenhouses, their polycarbonate, frames and foundations, the crews that assemble them; garden
 * beds, sheds, garden tools and supplies. Left out as words of two meanings: "секция" (a furniture
 * section), "окошко" (a free slot, a box's window), "перенос" (moving files), "держит" (a battery holds a
 * charge), "подкормка" (feeding pets), "прослужит" (as "служба" it met "газовая служба"), "дача"/"дачный" (the stem of the
 * greenhouse model "Дачница"), "сотка" (a plot's hundred square metres), "профиль" (a polycarbonate joining strip too).
 */
export const GARDEN_RULES: readonly PrefixRule[] = [
  // "Тепличка 3 на 6": a greenhouse. "Парник" (a low cold frame) is another product and keeps its own stem.
  { term: 'теплиц', prefixes: ['тепличк', 'тепличек', 'тепличн', 'типлиц'] },
  { term: 'парник', prefixes: ['парнич'] },
  // "Полик 4 мм" and the misspellings "поликарбанат", "поликорбонат".
  { term: 'поликарбонат', prefixes: ['поликарб', 'поликорб'], words: ['полик', 'полика', 'поликом', 'полику', 'полике'] },
  // The frame's tube: "профтруба 20 на 20" is the documents' "профильная труба 20х20".
  { term: 'профильн', prefixes: ['профтруб'] },
  { term: 'оцинковк', prefixes: ['оцинков', 'цинкован'], words: ['цинк', 'цинка', 'цинке', 'цинком'] },
  // Snow load: "сколько снега выдержит?" is answered by "снеговая нагрузка до 120 кг/м2".
  { term: 'снег', prefixes: ['снегов', 'снежн', 'сугроб'] },
  // "Выдержка" (curing, ageing) is another word: the verb by whole forms.
  {
    term: 'нагрузк',
    words: ['выдержит', 'выдержат', 'выдерживает', 'выдерживают', 'выдержать', 'выдерживать', 'выдержал', 'выдержала', 'выдержало', 'выдержали'],
  },
  // Bending under snow: "не прогнётся?", "провиснет?", "продавит?"; "прогн" alone would take "прогнали", "продав" "продавец".
  {
    term: 'прогиба',
    prefixes: ['прогиб', 'прогнет', 'прогнут', 'прогнул', 'провис'],
    words: ['продавит', 'продавят', 'продавило', 'промнет', 'промнется', 'промнутся'],
  },
  // A frame's shape: "полукруглая" is the documents' "арочная", a roof "домиком" their "двускатная".
  { term: 'арочн', prefixes: ['полукругл'] },
  { term: 'двускатн', words: ['домиком'] },
  // Painted or bare: "каркас крашеный?" / "покраска порошковая", "не красим"; "покрас" alone would take "покраснение".
  {
    term: 'покраск',
    prefixes: ['покраск', 'покраш', 'крашен'],
    words: [
      'окрашен', 'окрашена', 'окрашенный', 'окрашенная', 'окрашенное', 'окрашенные',
      'красим', 'красите', 'красят', 'красить', 'покрасить', 'покрасите', 'покрасим', 'покрасят',
    ],
  },
  // Rigid: "6 мм жестче" answers "он жёсткий?".
  { term: 'жестк', words: ['жестче', 'пожестче'] },
  // The assembly crew: "сборщики", "бригадир" ("монтажники" is already read as installation).
  { term: 'бригад', prefixes: ['бригад', 'сборщик', 'сборщиц'] },
  { term: 'двер', prefixes: ['дверк', 'дверц', 'дверок', 'дверочк'] },
  { term: 'форточк', prefixes: ['форточ', 'фрамуг'] },
  // The automatic window opener: "автопроветриватель", "термопривод", "автооткрыватель" are one device.
  { term: 'термопривод', prefixes: ['термопривод', 'термоприв', 'автопроветр', 'проветривател', 'автооткрыв', 'термоцилиндр'] },
  // Lengthening a greenhouse (or a table) is done by an insert: "можно нарастить?" / "докупаете вставку 2 м". "Удлинитель"
  // (an extension cord) and "удлинённый" (a long cut) stay out: the verb by whole forms.
  {
    term: 'вставк',
    prefixes: ['вставк', 'вставок', 'надставк', 'наращ', 'нараст', 'нарощ'],
    words: ['удлинить', 'удлиним', 'удлините', 'удлинять', 'удлиняете', 'удлиняется', 'удлинение', 'удлинения', 'удлинении'],
  },
  // Winter props under the arches; "подпор" alone would take "подпорная стенка".
  {
    term: 'подпорк',
    prefixes: ['подпорк', 'подпорок', 'подпорочк'],
    words: ['подпереть', 'подпирать', 'подпираем', 'подпирают', 'подопру', 'подопрем'],
  },
  // Unloading a truck: "водитель выгрузит?" / "разгрузка силами водителя"; "погрузка" (loading) is the other way.
  { term: 'разгрузк', prefixes: ['разгруз', 'выгруз', 'сгруз'] },
  // How thick a sheet or a wall is: "полик не тонкий?" is answered by "толщина 4 мм". "Тонка" (a bean) stays out.
  {
    term: 'толщин',
    words: [
      'толстый', 'толстая', 'толстое', 'толстые', 'толстого', 'толстую', 'толстым', 'толще', 'потолще',
      'тонкий', 'тонкая', 'тонкое', 'тонкие', 'тонкого', 'тонкой', 'тонкую', 'тонким', 'тоньше', 'потоньше',
    ],
  },
  // "УФ-защита" said as "уф", which the stemmer reads as the city Уфа; "Уфа" itself keeps the city's stem.
  { term: 'ультрафиолет', prefixes: ['ультрафиолет'], words: ['уф', 'uv'] },
  // Sheets losing their clearness: "не мутнеет?" / "не пожелтеет"; "жёлтый" (a colour) stays out.
  { term: 'пожелтеет', prefixes: ['пожелте', 'пожелтел', 'желтеет', 'желтеют', 'желтеть', 'помутне', 'помутнел', 'мутнеет', 'мутнеют', 'мутнеть'] },
  // "Крошка" (crumbs, chips) stays out: only the verb.
  { term: 'раскрош', prefixes: ['раскрош', 'крошит', 'крошат'] },
  { term: 'гниет', prefixes: ['гниет', 'гниют', 'гнить', 'сгни', 'подгни', 'загни', 'прогни', 'гнил'] },
  { term: 'корроз', prefixes: ['корроз', 'антикорроз', 'ржав', 'заржав', 'проржав'] },
  // What grows inside: "огурчики", "помидорки", "помики" are the documents' "огурцы", "томаты".
  { term: 'огурц', prefixes: ['огур'] },
  { term: 'томат', prefixes: ['помидор', 'томат'], words: ['помики', 'помиков', 'помидорки'] },
  // "Навесной" (hinged) stays out: only the diminutive and the carport's names.
  { term: 'навес', prefixes: ['навесик', 'автонавес', 'карпорт'] },
  { term: 'беседк', prefixes: ['беседочк'] },
  // A garden shed by any name; "бытовка" (a cabin to live in) is another product.
  {
    term: 'хозблк',
    prefixes: ['хозблок', 'хозблоч', 'сарайчик', 'сараюшк', 'хозпострой'],
    words: ['сарай', 'сарая', 'сараю', 'сараем', 'сарае', 'сараи', 'сараев', 'сараях'],
  },
  { term: 'грядк', prefixes: ['грядк', 'грядоч'], words: ['гряда', 'гряды', 'гряду', 'грядой', 'гряд'] },
  // Non-woven covering fabric: sellers write "спанбонд" or "укрывной материал", buyers name it by brand ("лутрасил").
  { term: 'спанбонд', prefixes: ['спанбон', 'спандбон', 'агроволокн', 'агроспан', 'агротекс', 'лутрасил', 'укрывн', 'укрывашк'] },
  { term: 'затеня', prefixes: ['затен'] },
  // The sprinkler before watering: "поливалка" for a lawn is a sprinkler.
  { term: 'дождевател', prefixes: ['дождевател', 'разбрызгивател', 'спринклер', 'поливалк'] },
  // "Полив" alone is stemmed to "пол" (a floor): its forms by whole words, the verb and "поливочный" by prefix.
  { term: 'полива', prefixes: ['полива', 'поливк', 'поливочн'], words: ['полив', 'поливу', 'поливом', 'поливе', 'поливы', 'поливов', 'полить'] },
  { term: 'капельн', prefixes: ['капельниц'] },
  // Garden tools by their everyday names.
  { term: 'триммер', prefixes: ['бензокос', 'мотокос', 'электрокос', 'бензотриммер', 'электротриммер', 'тример'] },
  { term: 'газонокосилк', prefixes: ['газонокос', 'косилк'] },
  { term: 'культиватор', prefixes: ['мотокультиват', 'культиват'] },
  { term: 'тяпк', prefixes: ['тяпк', 'тяпочк', 'сапк', 'мотыг'] },
  { term: 'саженц', prefixes: ['саженц', 'саженец', 'саженч', 'сажанц'] },
  { term: 'удобрен', prefixes: ['удобр'] },
  // "Семян" and "семя" fall apart from "семена" in the stemmer; "семечки" (a snack) stays out.
  { term: 'семен', words: ['семя', 'семян'] },
  // Through the winter: "перезимует?" is answered by what happens "зимой".
  { term: 'зим', prefixes: ['перезим', 'зимовк', 'зимова', 'зимует', 'зимуют'] },
  // Snow off the roof: "счищать снег" is the documents' "чистить снег".
  { term: 'чистк', prefixes: ['счищ', 'счист'] },
];
