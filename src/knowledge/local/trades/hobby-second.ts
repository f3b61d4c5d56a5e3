import type { PrefixRule } from '../prefix-table.js';

/**
 * Pet supplies, fishing tackle and boats, musical instruments: a second pass over what pets.ts, fishing.ts and music.ts
 * miss, written from the trade alone. Left out for two meanings: "лс" (horsepower, and the "личные сообщения" of "пишите
 * в лс"), "лошадей" (horses are fed too), "РК" (Royal Canin and Kazakhstan), "нднд" (a boat's inflatable floor: the
 * bikes' group reads "надувное" as any inflatable, so it would answer for every PVC boat), "комбо" (an amplifier and a
 * combo set), "комбик" as a prefix ("комбикорм", compound feed), "датчики" (a guitar's pickups and any sensor), "тарелки"
 * (cymbals and plates), "примочка" (an effects pedal and any gadget's feature), "акустика" (an acoustic guitar and
 * loudspeakers), "грузики" (sinkers and a wheel's balancing weights), "резина" (soft lures and tyres). Read earlier and
 * so kept: "вертушка" (a spinner lure, read as a fan), "забродный" (wading, read as fermenting honey), "строй" (a rod's
 * action and a guitar's tuning, read as "вышел из строя").
 */
export const HOBBY_SECOND_RULES: readonly PrefixRule[] = [
  // Pet supplies.
  { term: 'шлейк', prefixes: ['шлееч'] },
  { term: 'поилк', prefixes: ['автопоил', 'поилочк'] },
  { term: 'груминг', prefixes: ['грумер', 'грумин'] },
  { term: 'блох', prefixes: ['блошк', 'блошек'] },
  // Vaccinated: "привит?", "прививки сделаны?", "вакцинирован" are one question. A garden's grafted sapling ("привитый")
  // shares the word, but no garden document says "вакцина".
  {
    term: 'прививк',
    prefixes: ['вакцин', 'привив'],
    words: ['привит', 'привита', 'привито', 'привиты', 'привитый', 'привитая', 'привитое', 'привитые', 'привитых', 'привитого', 'привитым'],
  },
  { term: 'паспорт', prefixes: ['ветпаспорт'] },
  { term: 'пород', prefixes: ['породист', 'чистокровн', 'чистопородн'] },
  // A veterinary diet is the documents' "лечебный корм".
  { term: 'лечебн', prefixes: ['ветдиет'] },

  // Fishing tackle and boats.
  // A rod: shops write "удилище", buyers "удочка" (a cat's teaser "удочка" is read so in both of a pet shop's texts).
  { term: 'удилищ', prefixes: ['удочк', 'удочек', 'удочеч'] },
  { term: 'катушк', prefixes: ['катух', 'катушечк'] },
  // Fluorocarbon line: "флюр", "флюорик". "Флюорография" and "флюоресцентный" start with "флюор", so only these starts.
  { term: 'флюорокарбон', prefixes: ['флюорокарб', 'флюорик', 'флюр'] },
  { term: 'блесн', prefixes: ['блесен', 'блеснушк'] },
  // A spoon lure: "колебалка" against "колеблющаяся блесна".
  { term: 'колеблющ', prefixes: ['колебалк'] },
  // A PVC boat, clipped ("пвхшка"); the windows' "ПВХ" is the same material.
  { term: 'пвх', words: ['пвхшка', 'пвхшку', 'пвхшки', 'пвхшкой', 'пвхашка', 'пвхашку', 'пвхашки', 'пвхэшка'] },
  { term: 'якор', prefixes: ['якорек', 'якорьк'] },
  { term: 'жилет', prefixes: ['спасжилет'] },
  { term: 'садк', prefixes: ['садочк', 'садочек'] },
  { term: 'фидер', prefixes: ['фидерн', 'фидерок', 'фидерк'] },
  // Yamaha, said aloud (outboard motors, pianos, guitars): the sound match reads "я" as "a" and misses it.
  { term: 'yamaha', words: ['ямаха', 'ямахи', 'ямаху', 'ямахой', 'ямахе'] },
  // Horsepower: "сколько лошадиных сил?" is answered by "мощность 9.8 л.с." (music.ts reads "мощный" so).
  { term: 'мощност', words: ['лошадиных', 'лошадиные', 'лошадиная', 'лошадиной', 'лошадиными'] },

  // Musical instruments.
  { term: 'электрогитар', words: ['электруха', 'электруху', 'электрухи', 'электрухой', 'электрухе'] },
  { term: 'stratocaster', words: ['страт', 'страта', 'страту', 'стратом', 'страте', 'страты', 'стратов', 'стратокастер', 'стратокастера', 'стратакастер'] },
  { term: 'бас', prefixes: ['басух', 'басгитар', 'басуш'] },
  // A combo amplifier: "комбик" against "комбоусилитель". By whole words: "комбикорм" (compound feed) starts alike.
  {
    term: 'комбоусилител',
    prefixes: ['комбоусил'],
    words: ['комбик', 'комбика', 'комбику', 'комбиком', 'комбике', 'комбики', 'комбиков', 'комбикам', 'комбиками'],
  },
  { term: 'усилител', prefixes: ['усилок', 'усилк'] },
  // An acoustic guitar's preamp: "эквик", "темброблок" are the documents' "эквалайзер".
  { term: 'эквалайзер', prefixes: ['эквик', 'эквалайз', 'темброблок'] },
  // "Синт" by whole words: "синтетика" (a fabric) starts alike.
  { term: 'синтезатор', words: ['синт', 'синта', 'синту', 'синтом', 'синте', 'синты', 'синтов', 'синтюк', 'синтюка', 'синтик', 'синтика'] },
  // A digital piano: "электропианино", "фоно" against "цифровое пианино".
  { term: 'пианин', prefixes: ['электропиан', 'пианинк'], words: ['фоно'] },
  // A soft case is one of the documents' cases ("чехол" is read as "кейс" by cosmetics.ts).
  { term: 'кейс', words: ['гигбэг', 'гигбег', 'гигбэга', 'гигбега', 'гигбэги', 'гигбеги'] },
  { term: 'каподастр', prefixes: ['каподастер', 'каподаст', 'капошк'], words: ['капо'] },
  // Lessons: "научите играть?", "уроки есть?" against "обучение игре на гитаре".
  {
    term: 'обучен',
    words: ['научите', 'научить', 'научу', 'научим', 'научиться', 'научусь', 'урок', 'урока', 'уроку', 'уроком', 'уроки', 'уроков', 'урокам', 'уроками'],
  },
  { term: 'звуков', prefixes: ['аудиоинтерфейс', 'аудиокарт', 'звуковух', 'звуковушк'] },
];
