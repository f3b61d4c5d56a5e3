import type { PrefixRule } from '../prefix-table.js';

/**
 * Pet supplies: food by weight and in packs, cat litter, aquariums, cages, beds and toys, for cats, dogs, fish, rodents
 * and birds. "Переноска" (a carrier) and "наполнитель" (litter) are read by earlier groups (an extension cord, a jacket's
 * filling), so the documents' words keep those terms and the buyer's forms here join them.
 */
export const PET_RULES: readonly PrefixRule[] = [
  // Feeding is asked with the verb ("чем кормить?", "скормить за месяц") and answered by "корм". "Кормушка" (a feeder)
  // and "подкормка" (fertiliser) keep their stems; "еда" stays out: "перед едой" is a person's meal.
  { term: 'корм', prefixes: ['кормл', 'покорм', 'накорм', 'скорм', 'прокорм', 'кормеж', 'кормеш', 'жрачк', 'хавчик'] },
  { term: 'влажн', words: ['влажка', 'влажку', 'влажки', 'влажкой', 'влажке'] },
  // "На развес", "развесной корм", "вразвес"; "развесистый" (a spreading shrub) is why no bare "развес" prefix.
  { term: 'развес', prefixes: ['развесн', 'развесов', 'вразвес'], words: ['развес', 'развеса', 'развесу', 'развесом', 'развесе'] },
  // Litter misspelt: the documents' "наполнитель" is read by the apparel group's term, so its typos are joined to it here.
  { term: 'утеплител', prefixes: ['наполнитил', 'наполнетел', 'напольнител', 'наполнитэл'] },
  // A heater, an aquarium's or a room's: "обогреватель", "подогреватель", "грелка" name the documents' "нагреватель".
  { term: 'нагревател', prefixes: ['нагревател', 'обогревател', 'подогревател'], words: ['грелка', 'грелку', 'грелки', 'грелкой', 'грелке'] },
  { term: 'силикагел', prefixes: ['силикагел', 'силикогел', 'селикагел', 'силекагел'] },
  { term: 'бентон', prefixes: ['бентонит'] },
  { term: 'комк', prefixes: ['комоч'] },
  // "Лоточник" (a street vendor) is why the diminutive goes by "лоточк".
  { term: 'лотк', prefixes: ['лоточк'], words: ['лоточек'] },
  { term: 'совк', prefixes: ['совоч'] },
  { term: 'когтеточк', prefixes: ['когтеточ', 'когтедрал', 'когтедер', 'когтедран'] },
  { term: 'лежак', prefixes: ['лежак', 'лежанк', 'лежаноч'] },
  { term: 'поводк', prefixes: ['поводоч'] },
  // A carrier: the building group reads "переноска", "переноску" by whole words, but the documents also write "в переноске".
  { term: 'удлинител', prefixes: ['переносочк'], words: ['переноске', 'переносок', 'переноскам', 'переносками', 'переносках'] },
  // A cage door's latch, whatever the buyer calls it.
  { term: 'задвижк', words: ['защелка', 'защелки', 'защелку', 'защелкой', 'защелке', 'защелок', 'защелками', 'шпингалет', 'шпингалеты', 'шпингалета'] },
  // "Банка" is an aquarium to its keepers and a jar to everyone else: left out.
  { term: 'аквариум', prefixes: ['аквариум', 'акварик', 'аквариюм'] },
  { term: 'термометр', prefixes: ['термометр', 'градусник'] },
  { term: 'тумб', prefixes: ['тумбоч'] },
  // Starting an aquarium: "запустите на месте?" / "запуск аквариума"; "запускается" (it starts up) stays a working state.
  { term: 'запуск', words: ['запустить', 'запустите', 'запустим', 'запустят', 'запущу', 'запускаете', 'запускаем', 'запускать'] },
  // Cats, whatever the buyer calls them: "для кота", "котику", "кошачий". "Который" is why "кот" goes by whole words, and
  // "котиковый" (fur seal) why "котик" does; "киска" is left out (vulgar).
  {
    term: 'кошк',
    prefixes: ['кошк', 'кошач', 'кошеч', 'кошак', 'котейк', 'котяр', 'котофе'],
    words: [
      'кот', 'кота', 'коту', 'котом', 'коте', 'коты', 'котов', 'котам', 'котами', 'котах', 'котэ',
      'котик', 'котика', 'котику', 'котиком', 'котике', 'котики', 'котиков', 'котикам', 'котиками', 'котиках',
      'киса', 'кисы', 'кису', 'кисой', 'кисуля', 'кисули', 'кисулю',
    ],
  },
  // Kittens are fed apart from cats ("корма для котят", "Pro Plan Kitten"); Snowball reads "котят" as "кот".
  { term: 'котенк', prefixes: ['котен', 'котят'], words: ['kitten', 'киттен'] },
  // "Щенная" (a pregnant bitch) is why no bare "щен" prefix.
  { term: 'щенк', prefixes: ['щенок', 'щенк', 'щенят', 'щеноч', 'щенул', 'щеняч'], words: ['puppy', 'паппи'] },
  // "Пёс", "пёсель", "собачий": "песок" is why "пёс" goes by whole words; "собачка" stays out (a zip's slider).
  {
    term: 'собак',
    prefixes: ['собак', 'собачь', 'песик', 'песел', 'псин'],
    words: ['собачий', 'пес', 'пса', 'псу', 'псом', 'псы', 'псов', 'псам', 'псами', 'псах'],
  },
  { term: 'рыб', prefixes: ['рыбк', 'рыбок', 'рыбех', 'рыбеш', 'рыбоньк'] },
  { term: 'хомяк', prefixes: ['хомяк', 'хомяч'], words: ['хомка', 'хомку', 'хомки', 'хомке', 'хомкой', 'хомок'] },
  // "Волнистые" are also wavy hair and tiles: only the pet's nickname "волнистик".
  { term: 'попуга', prefixes: ['попуга', 'волнистик'] },
  { term: 'шиншилл', prefixes: ['шиншил'] },
  { term: 'крыс', prefixes: ['крыск', 'крысен', 'крысят', 'крысин'] },
  { term: 'кролик', prefixes: ['кролик', 'крольч', 'кролич'] },
  { term: 'черепах', prefixes: ['черепаш'] },
  // "Для питомца", "зверьку": the documents write "животных". "Зверь" alone is also praise for a car or a computer.
  {
    term: 'животн',
    prefixes: ['животин', 'зверек', 'зверьк', 'зверюш', 'зверушк', 'живност'],
    words: ['питомец', 'питомца', 'питомцу', 'питомцем', 'питомце', 'питомцы', 'питомцев', 'питомцам', 'питомцами', 'питомцах'],
  },
  // Neutered, either sex, one food: "для кастрированного кота" is "стерилизованные кошки", "Sterilised", "стерилки".
  // "Стерильный" (sterile) keeps its own stem.
  {
    term: 'стерилизова',
    prefixes: ['стерилиз', 'стерилк', 'стерилок', 'кастрир', 'кастрат', 'кастрац', 'стерикэт', 'стерикет'],
    words: ['sterilised', 'sterilized', 'sterilcat'],
  },
  { term: 'лакомств', prefixes: ['лакомств', 'вкусняш', 'вкуснях'] },
  { term: 'мочекаменк', prefixes: ['мочекамен', 'уролит'], words: ['мкб'] },
  // "Ветка" and "ветивер" are why the clipped "вет" goes by whole words.
  { term: 'ветеринар', prefixes: ['ветеринар', 'ветврач', 'ветклиник'], words: ['вет', 'ветик', 'ветика', 'ветику', 'ветиком'] },
  // "Плеснуть" (to splash) is why "плесн" is not a prefix.
  { term: 'плесен', prefixes: ['плесен', 'плесне', 'заплесне', 'заплесен'] },
  // A litter "держит запах": "воняет?" asks the same; the documents' "запах" is read by the cosmetics group's term.
  { term: 'аромат', prefixes: ['воня', 'вонюч', 'завоня', 'провоня'], words: ['вонь', 'вони', 'вонью'] },
  // Glass "бьётся" in transit; "диски бьют" (a wheel's runout) keeps its stem.
  { term: 'полом', words: ['бьется', 'бьются', 'побьется', 'побьются', 'разобьются', 'разбивается', 'разбиваются'] },
  // A leaking tank; "подтёки" (drips of icing or paint) stay out.
  { term: 'протека', words: ['потечет', 'потекут', 'подтекает', 'подтекают', 'подтекал', 'подтекала', 'подтекало', 'подтекать'] },
  // Bearing a load ("тумба выдержит 100 литров?"); "выдержка" (a dye's waiting time) stays out.
  {
    term: 'выдержива',
    words: ['выдержит', 'выдержат', 'выдержать', 'выдерживать', 'выдерживают', 'выдерживал', 'выдерживала', 'выдержал', 'выдержала', 'выдержало', 'выдержали'],
  },
  // Folding ("клетка складная?" / "складывается чемоданом"); "склад" (a warehouse) has no "н", and "складывать" (to put
  // things away) stays out.
  { term: 'складн', words: ['складывается', 'складываются', 'складывания', 'складывание', 'складыванием'] },
  { term: 'намокан', prefixes: ['намок', 'размок'] },
  // Flushing litter: "можно смыть в унитаз?" / "смывается"; "смыл" is left out, a common misspelling of "смысл".
  { term: 'смыва', words: ['смыть', 'смою', 'смоет', 'смоется', 'смоются', 'смоешь'] },
  // Weighing in front of the buyer: "взвесите при мне?" / "можно перевесить при вас"; "перевес" (excess weight) keeps its stem.
  // "Взвешенный" (a balanced choice) is why the verb goes by whole words.
  {
    term: 'взвес',
    words: ['взвесить', 'взвесите', 'взвесим', 'взвесят', 'взвешу', 'взвешиваете', 'взвешиваем', 'взвешивать', 'перевесить', 'перевесите', 'перевесим', 'перевешу'],
  },
  { term: 'передержк', prefixes: ['передержк', 'зоогостиниц', 'зоотел'] },
  // A brand clipped to one word: "проплан" is Pro Plan, whose documents' words read "pro" and "plan".
  { term: 'plan', words: ['проплан', 'проплана', 'проплану', 'пропланом', 'проплане', 'пропланчик'] },
  // Food by weight put into the buyer's bag: "насыпаете во что?", "отсыпете 2 кило?" against "фасуем при вас в зип-пакет".
  { term: 'фасу', prefixes: ['насыпа', 'насыпл', 'насыпет', 'отсыпа', 'отсыпл', 'отсыпет', 'фасов', 'расфасов', 'расфасу', 'фасует', 'фасуют'] },
];
