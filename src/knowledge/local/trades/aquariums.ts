import type { PrefixRule } from '../prefix-table.js';

/**
 * Aquariums: used tanks and their equipment (filters, air pumps, heaters, lids, cabinets), substrate, driftwood, plants
 * and fish, and the service of starting and keeping a tank (gravel cleaning, water changes, cloudy water, algae). The pet
 * supplies group reads "акварик", "запустите", "рыбки", "обогреватель", "градусник", "тумбочка" and "подтекает" (pets.ts),
 * other groups "помпа" ("насос"), "литраж" ("объем"), "переклеить", "улиточки", "обслужить" and "помутнела" (with
 * "пожелтеет", garden.ts): those keep their terms. "Банка" (a jar), "водоросли" (the buyers' word for plants and the
 * documents' word for algae), "присоска" (a catfish and a suction cup), "катушки" (snails and reels), "манка"
 * (ich and semolina), "свет" (a car's beam as much as a lid's lamp) and "перезапуск" (a phone's reboot beside its
 * "запуск камеры") stay out.
 */
export const AQUARIUM_RULES: readonly PrefixRule[] = [
  { term: 'аквариум', prefixes: ['акварим', 'акваруим', 'аквариам', 'аквриум'] },
  // Filters by where they sit: "внешник" (a canister), "внутряк". A listing names them "внешний фильтр"; "внешний" alone
  // is also "внешний вид", so the nicknames read as the filter.
  {
    term: 'фильтр',
    prefixes: ['фильтрик', 'фильтрочек'],
    words: ['внешник', 'внешника', 'внешнику', 'внешником', 'внешнике', 'внешники', 'внешников', 'внутряк', 'внутряка', 'внутряком', 'внутряки', 'внутренник', 'внутренника'],
  },
  // The air pump: "бурбулятор", "аэратор", "аэрация" against "компрессор". A lawn's aerator and a septic tank's aeration
  // read alike, in shops that sell no aquarium pumps.
  { term: 'компрессор', prefixes: ['компрессорчик', 'компресор', 'бурбулятор', 'барбулятор', 'бульбулятор', 'аэратор', 'аэрац'] },
  // Gravel cleaning: "посифонить", "сифонка" against "сифон грунта". Snowball already reads "сифонить" so, and a window's
  // draught ("из окна сифонит") with it: nothing wider is joined.
  { term: 'сифон', prefixes: ['сифонк', 'посифон'] },
  // Water changes: "подменять воду" / "подмена воды 30%".
  { term: 'подмен', prefixes: ['подмен'] },
  // Cloudy water: "вода мутная", "муть" are read with "помутнела" (garden.ts's "не мутнеет" of a greenhouse sheet).
  {
    term: 'пожелтеет',
    prefixes: ['замутнен', 'помутнен'],
    words: ['мутная', 'мутной', 'мутную', 'мутный', 'мутное', 'мутные', 'мутных', 'муть', 'мути', 'мутью'],
  },
  // Algae as buyers see them: "стёкла зеленеют", "позеленел", "нитчатка" against "борьба с водорослями".
  { term: 'водоросл', prefixes: ['позеленел', 'позеленеет', 'позеленеют', 'зеленеет', 'зеленеют', 'нитчатк', 'нитчатой'] },
  // Fish dying: "дохнут", "гибнут" against "гибель рыб". "Сдохли" is read earlier as a breakage ("полом").
  { term: 'гибел', prefixes: ['гибнут', 'гибнет', 'погиб', 'дохнут', 'дохнет', 'подох', 'передох', 'подыха'] },
  // Starter bacteria: "бактерийки", "биостартер".
  { term: 'бактер', prefixes: ['бактерийк', 'биостартер'] },
  // Carbon dioxide for plants, typed in Cyrillic ("со2") or named ("углекислота", "углекислый газ").
  { term: 'co2', prefixes: ['углекисл'], words: ['со2', 'сo2', 'cо2'] },
  // "Кислотность" is the documents' "pH"; "кислотный" (an acid colour) keeps its stem.
  { term: 'ph', prefixes: ['кислотност'], words: ['рн', 'пэаш'] },
  { term: 'скребк', prefixes: ['скребоч'] },
  { term: 'сачк', prefixes: ['сачоч'] },
  { term: 'коряг', prefixes: ['коряжк', 'коряжек', 'коряжин'] },
  // "Грунтовка" (a primer) keeps its stem: only the diminutive.
  { term: 'грунт', prefixes: ['грунтик'] },
  { term: 'кормушк', prefixes: ['автокормушк', 'автокормушек'] },
  { term: 'панорамн', prefixes: ['панорамник'] },
  { term: 'морск', prefixes: ['морник', 'морнич'] },
  // "Пресняк" is a freshwater tank to its keepers; "пресный" (bland) keeps its stem.
  { term: 'пресноводн', prefixes: ['пресновод'], words: ['пресняк', 'пресняка', 'пресняке', 'пресняком'] },
  // A heater's thermostat: "с термостатом" against "нагреватель с терморегулятором".
  { term: 'терморегулятор', prefixes: ['термостат'] },
  // "Декорации" (the tank's ornaments) against "декор".
  { term: 'декор', prefixes: ['декорац'] },
  // A marine tank's protein skimmer: "пеноотделитель".
  { term: 'скиммер', prefixes: ['пеноотделит', 'пеноскиммер'] },
  // Snowball reads "малёк" as "малк" and "мальки" as "мальк". Whole words: "мал" starts too much.
  { term: 'мальк', words: ['малек', 'малька', 'мальку', 'мальком', 'мальке'] },
  // The fish by their keepers' nicknames and misspellings.
  { term: 'гупп', prefixes: ['гуп'] },
  { term: 'неон', prefixes: ['неончик'] },
  { term: 'скаляр', prefixes: ['скалярк', 'скалярий'] },
  { term: 'меченосц', prefixes: ['меченос', 'мечинос'] },
  { term: 'анциструс', prefixes: ['анцик', 'анцистр', 'анцитрус'] },
  // "Коридорас" is the catfish sold as "сомик"; "сом" alone is a river fish (fishing) and stays out.
  { term: 'сомик', prefixes: ['сомик', 'сомят', 'коридорас'] },
  // The betta is "петушок" to buyers and "бетта" in catalogues.
  { term: 'петушк', prefixes: ['петушок', 'петушк'], words: ['бетта', 'бетты', 'бетту', 'беттой', 'betta'] },
  { term: 'цихлид', prefixes: ['цихл', 'малавийц', 'малавик'] },
  { term: 'моллинез', prefixes: ['молинез', 'моллинез'], words: ['молли'] },
  { term: 'креветк', prefixes: ['креветоч', 'креветок'] },
  { term: 'ампуляр', prefixes: ['ампулярк', 'ампулярий'] },
  { term: 'живородя', prefixes: ['живородк'] },
  // Makers said aloud where the Latin spelling is not how they sound. "Тетра" (a fish and a maker of food) stays out.
  { term: 'aquael', words: ['акваэль', 'акваель', 'акваэл', 'аквель', 'аквел'] },
  { term: 'eheim', words: ['эхейм', 'эхайм', 'ехейм', 'эйхейм'] },
  { term: 'juwel', words: ['ювель', 'ювел'] },
];
