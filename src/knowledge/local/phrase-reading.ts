/**
 * Words whose meaning a neighbour decides: "скинуть" is a discount, but "скинуть на карту" a transfer; "хранится" is where
 * a thing is kept, but "сколько хранится" its shelf life; "бросить машину" is parking. Each such word is read as the
 * document's word for the phrase, so that the thesaurus (vocabulary.ts) keeps one meaning per word.
 */

/** How far (in words) a verb and the word deciding its meaning may stand apart: "скину вам на карту". */
const REACH = 3;

interface PhraseRule {
  /** The words read differently beside a cue. */
  heads: ReadonlySet<string>;
  /** Starts of the words that decide the reading. */
  cues: readonly string[];
  /** Where the cue stands: before the head ("сколько хранится"), or either side ("скину на карту", "на карту скинуть"). */
  side: 'before' | 'both';
  /** The word the head is read as (one the thesaurus knows), or DROPPED. */
  reading: string;
  /** The cue is the number just before the head ("3 товаров"), not a word of `cues`. */
  number?: boolean;
  /** The head multiplies that number and is read as nothing ("3 тыщи" is the documents' "3 000"); `reading` is unused. */
  scale?: number;
  /** The cue is part of the phrase and read as it too ("бросить машину" is parking, the car not asked about). */
  joinsCue?: boolean;
  /** How far the cue may stand, where the whole clause decides (REACH otherwise). */
  reach?: number;
  /** Words after the head that keep it its own meaning. */
  unlessNext?: ReadonlySet<string>;
  /** The head keeps its own word too, `reading` added after it: the phrase means both. */
  adds?: boolean;
  /** The reading holds where no cue stands within reach: the cues are what keep the head its own meaning. */
  absent?: boolean;
}

/** A word read as nothing: it says how the question is asked, not what. */
const DROPPED = '';

/** People counted, by the plain word or by who they are ("2-3 рыбака", "до 4 пассажиров", "на 20 гостей"). */
const PEOPLE: ReadonlySet<string> = new Set([
  'человек', 'человека', 'людей', 'персоны', 'персон',
  'рыбака', 'рыбаков', 'пассажира', 'пассажиров', 'гостя', 'гостей', 'туриста', 'туристов',
]);

/**
 * Starts of the words of an exchange or a trade-in: "обмен", "поменяю", "меняете", "в зачёт", "трейд-ин". Not "меня" alone:
 * it is also the pronoun ("у меня").
 */
const TRADE_CUES: readonly string[] = ['обмен', 'обменя', 'поменя', 'меняю', 'меняе', 'зачет', 'зачт', 'трейд', 'трэйд', 'trade'];

/** How far a trade-in's or an exchange's word reaches: the whole clause of the offer ("сдам свой 13 128 без коробки, сколько в зачёт"). */
const TRADE_REACH = 8;

const RULES: readonly PhraseRule[] = [
  // "За сколько примете?", "скока примете мой 13?": what the shop gives for the buyer's own thing is its trade-in value
  // ("Ориентировочные цены в зачёт"), not the price of what it sells.
  {
    heads: new Set(['примете', 'принимаете', 'примешь', 'принимаешь']),
    cues: ['скольк', 'скока', 'скоко', 'скок'],
    side: 'before',
    reading: 'зачет',
  },
  // "В зачёт примете?", "возьмёте в трейдин?", "сдам в зачёт": the buyer's verb of taking or handing in is what a trade-in
  // is, no question of its own; the documents say it as "берём", "принимаем" or not at all ("Trade-in: старый телефон в
  // зачёт"). The seller's forms ("можно сдать в зачёт") stay, for the buyer who writes them too.
  {
    heads: new Set(['примете', 'принимаете', 'примите', 'примешь', 'принимаешь', 'возьмете', 'возьмешь', 'берете', 'берешь', 'сдам', 'сдаю', 'сдадим']),
    cues: TRADE_CUES,
    side: 'both',
    reading: DROPPED,
    reach: TRADE_REACH,
  },
  // The buyer's own thing offered in an exchange or a trade-in is named "свой", "наш" ("наше кресло обменять на ваше",
  // "сдам свой в зачёт"), and the surcharge is how such an offer is made ("с доплатой"): the documents answer the exchange
  // itself ("Обмен не делаем"). "Старый" stays: sellers write it too ("Старую технику можно сдать в зачёт").
  {
    heads: new Set([
      'свой', 'свое', 'свои', 'свою', 'своего', 'своей', 'своих', 'своим',
      'наш', 'наша', 'наше', 'наши', 'нашу', 'нашего', 'нашей', 'наших', 'нашим',
      'мое', 'мои', 'мою', 'моего', 'моей', 'моих', 'моим',
      'доплатой',
    ]),
    cues: TRADE_CUES,
    side: 'both',
    reading: DROPPED,
    reach: TRADE_REACH,
  },
  // "Наличкой дешевле будет?", "вместе брать выйдет дешевле?": a lower price on a condition of the deal is also the discount
  // the documents state ("при оплате наличными скидка 1 000 руб", "при покупке вместе с кроваткой отдадим за 8 500"). The
  // comparison stays asked, so that only a passage stating a price answers it; "есть подешевле?" asks for cheaper goods, and
  // "за мешок дешевле выйдет?" names no condition a document's discount could state.
  {
    heads: new Set(['дешевле', 'подешевле']),
    cues: ['отдадите', 'отдашь', 'сделаете', 'сделаешь', 'наличк', 'наличн', 'нал', 'кэш', 'вместе', 'если', 'оптом'],
    side: 'both',
    reading: 'скидка',
    adds: true,
  },
  // "Беру 6 штук", "если все 4 беру", "вместе брать": buying so many is the condition a bulk or bundle price states ("от 5 шт
  // по 2 100 руб", "при покупке 4 шт монтаж за 1000 р."), no question of its own. Only the buyer's forms: the seller's
  // "берём в зачёт" takes something. A bare number is no count of goods ("какой брать, 4 или 6 мм?").
  {
    heads: new Set(['беру', 'возьму', 'возьмем', 'брать', 'взять']),
    cues: ['шт', 'штук', 'штуч', 'комплект', 'вместе', 'все', 'оба', 'обе', 'оптом', 'кило', 'кг', 'мешк', 'пачк', 'коробк'],
    side: 'both',
    reading: DROPPED,
  },
  // "Тока крем взять без остального", "без матраса подешевле": a part of a set bought apart, which the documents state as
  // "отдельно" ("Цена отдельно", "Отдельно кроватку без матраса не продаём"). "Без предоплаты", "без коробки" keep "без"
  // a word of no meaning: only the rest of a set, or a lower price for leaving a part out, says so.
  {
    heads: new Set(['остального', 'остальных', 'остальное', 'остальные']),
    cues: ['без'],
    side: 'before',
    reading: 'отдельно',
  },
  {
    heads: new Set(['без']),
    cues: ['дешевл', 'подешевл'],
    side: 'both',
    reading: 'отдельно',
    joinsCue: true,
  },
  // "Подвинетесь по цене?", "уступите в цене?", "по цене договоримся?": the price named in a bargain is the bargain's, not
  // a price asked ("торг: разумный торг у машины" answers it, naming no price). Only beside a verb of bargaining: "Цена?
  // Торг?" asks two questions.
  {
    heads: new Set(['цене', 'цену']),
    cues: ['подвин', 'уступ', 'сбав', 'поторг', 'договор'],
    side: 'both',
    reading: DROPPED,
  },
  // "Скока за все 4 колеса?", "сколько за комплект": how much for a thing is its price, as "сколько стоит" is. Not "сколько
  // за них вернёте": money given back for something pointed at is a refund or a deposit. Nor "сколько за сутки": a rate per
  // a length of time is stated under that length ("Сутки, руб: 450" in a rental price list), where no "цена" stands.
  {
    heads: new Set(['за']),
    cues: ['скольк', 'скока', 'скоко', 'скок'],
    side: 'before',
    reading: 'цена',
    reach: 1,
    unlessNext: new Set(['него', 'нее', 'них', 'это', 'то', 'сутки', 'час', 'день', 'неделю', 'месяц', 'смену', 'сезон', 'год']),
  },
  // One piece sold on its own: "а одну продадите?", "можно брать и по одной", "по одной не разбиваем" are the documents'
  // "отдельно", though the number word alone is read as nothing ("скока стоит одна"). "Двери по одной в каждом торце"
  // shares them out.
  {
    heads: new Set(['одной', 'одному', 'одну', 'одного', 'штуке', 'штучке']),
    cues: ['по'],
    side: 'before',
    reading: 'отдельно',
    reach: 1,
    unlessNext: new Set(['в', 'во', 'на', 'с', 'со', 'из', 'каждой', 'каждому', 'каждый', 'каждую']),
  },
  {
    // …and asked by the buyer buying it: "одну продадите?", "можно одну взять?".
    heads: new Set(['одну', 'одного']),
    cues: ['прода', 'брать', 'взять', 'возьм', 'бере'],
    side: 'both',
    reading: 'отдельно',
    reach: 2,
  },
  // "Цена окончательная" refuses bargaining; "окончательную сумму называем после осмотра" names an appraisal.
  {
    heads: new Set(['окончательная', 'окончательный', 'окончательное', 'окончательную', 'окончательной', 'окончательна', 'окончательно']),
    cues: ['цен', 'стоимост', 'прайс'],
    side: 'both',
    reading: 'торг',
  },
  // Money sent to a card or an account: the documents write "переводом", "на личные карты не переводите".
  {
    heads: new Set(['скинуть', 'скину', 'скинем', 'скинете', 'скиньте', 'скинешь', 'кинуть', 'кину', 'кинем', 'кинете', 'киньте']),
    cues: ['карт', 'карточк', 'счет', 'сбер', 'тиньк', 'сбп'],
    side: 'both',
    reading: 'переводом',
  },
  // "Сколько хранится?" asks a shelf life ("Срок годности — 12 месяцев"), not where it is kept ("храним на поддонах").
  {
    heads: new Set(['хранится', 'хранятся', 'храниться', 'хранить']),
    cues: ['сколько', 'скока', 'скоко', 'сколька', 'долго'],
    side: 'before',
    reading: 'срок',
  },
  // "Когда будет готово?", "через сколько будут готовы шторы?": when an order is ready asks how long it takes, which the
  // documents state as a time ("сроки: 7–10 рабочих дней"), seldom with the word "готов". "Когда" alone does not ask it:
  // "смс приходит, когда заказ готов?" asks about the message; the future ("будут готовы") or a word of time does.
  {
    heads: new Set(['готов', 'готова', 'готово', 'готовы', 'готовые', 'готовая', 'готовый']),
    cues: ['скольк', 'скока', 'скоко', 'скок', 'через', 'долго', 'быстро', 'будет', 'будут'],
    side: 'before',
    reading: 'срок',
    reach: 5,
  },
  // "Сплит-система" is an air conditioner, not Yandex Split's paying in parts ("рассрочка есть?" must not find a listing of
  // one): beside "система" the word says nothing the next word does not.
  {
    heads: new Set(['сплит']),
    cues: ['систем'],
    side: 'both',
    reading: DROPPED,
    reach: 1,
  },
  // "Крылья идут в комплекте?" asks what the kit holds, not how long something takes ("сколько идёт доставка").
  {
    heads: new Set(['идет', 'идут', 'идти']),
    cues: ['комплект'],
    side: 'both',
    reading: DROPPED,
  },
  // "Чехол к нему идёт?", "с ней идут ключи?": what comes with the item, said by the pronoun of the item, is its kit too.
  {
    heads: new Set(['идет', 'идут']),
    cues: ['нему', 'ней', 'ним', 'ними', 'нее', 'него'],
    side: 'both',
    reading: DROPPED,
  },
  // "а чехол идет?", "зарядка идёт?": a thing that "goes" with no word of time or of a shipment in its clause comes with the
  // item, as the kit rules above read it; "сколько идёт доставка", "посылка идёт 3 дня" keep the time ("срок").
  {
    heads: new Set(['идет', 'идут']),
    cues: ['скольк', 'скока', 'скоко', 'скок', 'долго', 'быстро', 'когда', 'дн', 'день', 'недел', 'месяц', 'час', 'минут', 'срок', 'врем', 'доставк', 'посылк', 'заказ', 'отправк', 'почт', 'сдэк', 'курьер', 'транспортн', 'пересылк', 'ремонт', 'работ', 'диагност', 'процесс', 'очеред'],
    side: 'both',
    reading: 'комплекте',
    reach: 8,
    absent: true,
  },
  // "а диван не подойдет вернуть можно?", "если не подойдут, вернуть можно?": not fitting is why a thing is returned or
  // exchanged, which the documents answer whatever the reason ("можно вернуть в течение 7 дней"); read as a fit, it asks
  // for a passage on fitting too. "Если не подошёл — вернём" in a document drops the same way.
  {
    heads: new Set(['подойдет', 'подойдут', 'подошел', 'подошла', 'подошло', 'подошли', 'подходит', 'подходят']),
    cues: ['вернут', 'верну', 'вернет', 'вернем', 'возврат', 'обмен', 'обменя', 'поменя'],
    side: 'both',
    reading: DROPPED,
  },
  // "напишите адрес склада", "где находится ваш магазин": the seller's own premises, asked where they are, are the shop's
  // address, which the documents state as "Адрес: ул. Северная, 2Б" without naming the premises; "телефон склада" stays.
  {
    heads: new Set([
      'склад', 'склада', 'магазин', 'магазина', 'офис', 'офиса', 'мастерская', 'мастерской', 'цех', 'цеха', 'шоурум', 'шоурума',
      'салон', 'салона', 'точка', 'точки', 'площадка', 'площадки',
    ]),
    cues: ['адрес', 'наход', 'расположен'],
    side: 'both',
    reading: DROPPED,
  },
  // "Как это работает:", "как работает доставка?": how something is done, not whether it works ("исправн").
  {
    heads: new Set(['работает', 'работают', 'устроено', 'устроен']),
    cues: ['как'],
    side: 'before',
    reading: DROPPED,
  },
  // "картой на месте можно?", "наклейки на месте": where (on the spot, still in place), never what is asked.
  {
    heads: new Set(['месте']),
    cues: ['на'],
    side: 'before',
    reading: DROPPED,
  },
  // "Какую термопасту ставите?" asks which one, as "какой ссд стоит?" does (terms.ts): the verb asks nothing of its own.
  {
    heads: new Set(['ставите', 'ставят', 'ставим', 'ставишь', 'ставит', 'используете', 'используют', 'юзаете']),
    cues: ['какой', 'какую', 'какие', 'какое', 'каким', 'какая'],
    side: 'before',
    reading: DROPPED,
  },
  // Things counted are pieces: "от 3 товаров в заказе" states the "3 штуки" a buyer takes.
  {
    heads: new Set(['товаров', 'товара', 'товар', 'вещей', 'вещи', 'позиций', 'позиции', 'предметов', 'предмета', 'единиц', 'единицы']),
    cues: [],
    number: true,
    side: 'before',
    reading: 'шт',
  },
  // "Ещё продаёте?", "продаётся ещё?" ask whether the item is still for sale, as "актуально?" does ("осталось 2 шт").
  {
    heads: new Set(['продаете', 'продаешь', 'продается', 'продаются']),
    cues: ['еще'],
    side: 'both',
    reading: 'наличие',
  },
  // People counted are a capacity: "за ним садятся 6 человек" states what "скока человек поместится" asks, though
  // "человек" alone is a word of asking for a person (vocabulary.ts).
  {
    heads: PEOPLE,
    cues: [],
    number: true,
    side: 'before',
    reading: 'персон',
  },
  {
    heads: PEOPLE,
    cues: ['скольк', 'скока', 'скоко', 'скок'],
    side: 'before',
    reading: 'персон',
  },
  // "Скока человек поместится / сядет": the verb of a capacity asks nothing beside the count.
  {
    heads: new Set(['поместится', 'поместятся', 'поместиться', 'влезет', 'влезут', 'усядется', 'усядутся', 'сядет', 'сядут', 'садится', 'садятся', 'вмещает']),
    cues: ['человек', 'людей', 'персон'],
    side: 'both',
    reading: DROPPED,
  },
  // The letter of a connector said aloud ("тайп си", "юсб си") is part of its name, no word of its own.
  {
    heads: new Set(['си', 'ц']),
    cues: ['тайп', 'type', 'юсб', 'usb'],
    side: 'before',
    reading: DROPPED,
  },
  // "адрес скиньте", "пришлите фото": sending what the buyer asks for; the asked thing is the other word.
  {
    heads: new Set([
      'скиньте', 'скинь', 'скиньте-ка', 'киньте', 'кинь', 'пришлите', 'пришли', 'вышлите', 'вышли', 'отправьте', 'отправь',
      // Every form of asking it: "можете скинуть видос", "скинете фотки?", "пришлёте адрес?".
      'скинуть', 'скинете', 'скинешь', 'скинем', 'скину', 'кинуть', 'кинете', 'кинешь', 'сбросить', 'сбросьте', 'сбросите',
      'прислать', 'пришлете', 'пришлешь', 'выслать', 'вышлете', 'вышлешь', 'отправить', 'отправите', 'отправишь',
    ]),
    cues: ['адрес', 'фото', 'фотк', 'видео', 'видос', 'ссылк', 'геолок', 'локац', 'точк', 'координат', 'реквизит'],
    side: 'both',
    reading: DROPPED,
  },
  // "В другие города отправляем", "в любой город": the shop's reach across the country, where a city it never names is
  // found (search.ts), as by "по всей России".
  {
    heads: new Set(['город', 'города', 'городов', 'городам', 'регион', 'регионы', 'регионов', 'регионам']),
    cues: ['друг', 'люб'],
    side: 'before',
    reading: 'россия',
    joinsCue: true,
  },
  // Leaving a car while visiting the shop, or finding where to stand ("с машиной есть где встать?"): the documents
  // write "парковка".
  {
    heads: new Set(['бросить', 'оставить', 'приткнуть', 'кинуть', 'бросим', 'оставим', 'встать', 'встану', 'встанем', 'постоять', 'стать']),
    cues: ['машин', 'тачк', 'автомоб'],
    side: 'both',
    reading: 'парковка',
    joinsCue: true,
  },
  // Taking a parcel at a carrier's point ("на сдэке можно проверить перед тем как забрать?") is receiving it ("при
  // получении"), not collecting it from the shop ("самовывоз"): the carrier may stand anywhere in the clause.
  {
    heads: new Set(['забрать', 'заберу', 'заберем', 'заберете', 'забираю', 'забирать', 'забирают']),
    cues: ['сдэк', 'cdek', 'почт', 'пвз', 'постамат', 'boxberry', 'боксбер', 'ozon'],
    side: 'both',
    reading: 'получить',
    reach: 8,
  },
  // A check in a repair's clause ("если чинить не буду, за проверку платить надо?") is the workshop's "диагностика",
  // not checking goods on receipt ("можно проверить при получении").
  {
    heads: new Set(['проверка', 'проверку', 'проверки', 'проверкой', 'осмотр', 'осмотра']),
    cues: ['чин', 'почин', 'ремонт', 'отремонт'],
    side: 'both',
    reading: 'диагностика',
    reach: 8,
  },
  // "Кто оплатит пересылку?", "кто платит, если разобьёте?": who bears a cost, not how it is paid; a list of the ways of
  // paying (terms.ts reads it as "оплата") never answers it. The cost is the other words.
  {
    heads: new Set(['оплатит', 'оплатите', 'оплачивает', 'оплачиваете', 'платит', 'платите', 'заплатит', 'заплатите', 'оплатить', 'платить']),
    cues: ['кто'],
    side: 'before',
    reading: DROPPED,
  },
  // "Платить надо?", "надо ли платить за …": whether something costs, answered by "бесплатно" as by a fee (trades/commerce.ts
  // reads "платно" so); paying a way or a time ("оплатить картой") keeps its own word.
  {
    heads: new Set(['платить', 'заплатить']),
    cues: ['надо', 'нужно', 'придется'],
    side: 'both',
    reading: 'платно',
  },
  // Seeing in the dark: "ночью видно?", "в темноте видит?" ask the documents' "ночное видение"; the image seen
  // ("ночью видно изображение?") is the seeing itself, asked nothing of its own.
  {
    heads: new Set(['видно', 'видна', 'видны', 'видит', 'видят', 'видать']),
    cues: ['ночью', 'ночь', 'ночн', 'темнот', 'темно'],
    side: 'both',
    reading: 'видение',
    joinsCue: true,
  },
  {
    heads: new Set(['изображение', 'изображения', 'картинка', 'картинку', 'картинки']),
    cues: ['ночью', 'ночь', 'ночн', 'темнот', 'темно'],
    side: 'both',
    reading: DROPPED,
  },
  // "Снять ограничение скорости", "снятие ограничений": the verb of lifting a limit is part of the limit's name, not a
  // thing removed ("съемн"); the limit is what is asked and stated.
  {
    heads: new Set(['снять', 'снимете', 'снимаете', 'снимем', 'снимаем', 'сниму', 'снимешь', 'снятие', 'снятия', 'снятием', 'снимите', 'убрать', 'уберете', 'убираете']),
    cues: ['ограничен'],
    side: 'both',
    reading: DROPPED,
  },
  // "Во сколько встанет / встанут?" asks a price, as "во сколько обойдётся" does; "встанет" alone is whether a part fits.
  {
    heads: new Set(['встанет', 'встанут', 'встанете']),
    cues: ['скольк', 'скок'],
    side: 'before',
    reading: 'цена',
  },
  // "Полом" is only ever the floor ("с полом вместе", "с тёплым полом"), though its stem is that of "поломка".
  {
    heads: new Set(['полом']),
    cues: [],
    side: 'both',
    reading: 'пол',
  },
  // Filling a tank or an engine ("какой бенз заливать?", "чем заправлять?", "какое масло лить?"): the verb asks nothing
  // beside the fuel or fluid it names, which is what the documents state ("Топливо АИ-92 с маслом 1:50").
  {
    heads: new Set([
      'заливать', 'залить', 'заливаю', 'заливаете', 'заливают', 'заливаем', 'заливали', 'заливал', 'залью', 'зальете', 'зальем',
      'заправлять', 'заправить', 'заправляю', 'заправляете', 'заправляют', 'заправляли', 'заправлял', 'заправлю', 'заправите',
      'лить', 'льете', 'льют', 'лили',
    ]),
    cues: ['бенз', 'топлив', 'масл', 'дизел', 'соляр', 'аи', 'антифриз', 'тосол', 'горюч', 'смес'],
    side: 'both',
    reading: DROPPED,
  },
  // Thousands said as a word after the number: "3 тыщи", "10 тыс", "5 тысяч" are the documents' "3 000", "10 000".
  {
    heads: new Set(['тыс', 'тыщ', 'тыщи', 'тыщу', 'тыща', 'тыщей', 'тысяч', 'тысячи', 'тысячу', 'тысяча', 'тысячей', 'тыр']),
    cues: [],
    number: true,
    scale: 1000,
    side: 'before',
    reading: DROPPED,
  },
];

const HEADS: ReadonlySet<string> = new Set(RULES.flatMap((rule) => [...rule.heads]));

/** The message's words with each phrase word read as the phrase means it; the same array when none is found. */
export function readPhrases(words: readonly string[]): readonly string[] {
  const offered = findOfferedThing(words);
  if (offered.size === 0 && !words.some((word) => HEADS.has(word))) return words;
  const read: string[] = words.map((word, at) => (offered.has(at) ? DROPPED : word));
  const added = new Map<number, string>();
  words.forEach((word, at) => {
    if (!HEADS.has(word) || offered.has(at)) return;
    for (const rule of RULES) {
      if (!rule.heads.has(word) || rule.unlessNext?.has(words[at + 1] ?? '') === true) continue;
      const found = findCue(words, at, rule);
      if ((found === undefined) !== (rule.absent === true)) continue;
      const cue = found ?? at;
      if (rule.adds === true) added.set(at, rule.reading);
      else read[at] = rule.reading;
      if (rule.scale !== undefined) read[cue] = String(Number(words[cue]) * rule.scale);
      else if (rule.joinsCue) read[cue] = rule.reading;
      return;
    }
  });
  const all = added.size === 0 ? read : read.flatMap((word, at) => [word, ...(added.has(at) ? [added.get(at) ?? DROPPED] : [])]);
  return all.includes(DROPPED) ? all.filter((word) => word !== DROPPED) : all;
}

function findCue(words: readonly string[], at: number, rule: PhraseRule): number | undefined {
  if (rule.number === true) return /^\d+$/u.test(words[at - 1] ?? '') ? at - 1 : undefined;
  if (rule.cues.length === 0) return at;
  const reach = rule.reach ?? REACH;
  const from = Math.max(0, at - reach);
  const to = rule.side === 'before' ? at - 1 : Math.min(words.length - 1, at + reach);
  for (let near = from; near <= to; near += 1) {
    const word = words[near] ?? '';
    if (near !== at && rule.cues.some((cue) => word.startsWith(cue))) return near;
  }
  return undefined;
}

/** Words that end the thing offered in an exchange: a preposition, a conjunction or a negation opens what comes next. */
const OFFER_ENDS: ReadonlySet<string> = new Set(['с', 'со', 'и', 'или', 'а', 'но', 'если', 'за', 'без', 'по', 'в', 'во', 'к', 'от', 'до', 'при', 'не', 'как', 'можно']);
/** The exchange verbs and nouns an offered thing follows ("обмен на", "поменяю на"); a trade-in's "в зачёт" has none. */
const EXCHANGE_CUES: readonly string[] = ['обмен', 'обменя', 'поменя', 'меняю', 'меняе'];
/** At most this many words name the thing offered ("на свой ибанез", "на айфон 13 про"). */
const OFFER_LENGTH = 3;

/**
 * "Обмен на эирподсы интересует?", "поменяю на свой ибанез": what the buyer offers in an exchange is the buyer's own, which
 * no document names; the documents answer the exchange ("Обмен не интересует"). The places of the words after "на" that
 * follows an exchange's word, up to a preposition or OFFER_LENGTH words.
 */
function findOfferedThing(words: readonly string[]): ReadonlySet<number> {
  const offered = new Set<number>();
  words.forEach((word, at) => {
    if (words[at + 1] !== 'на' || !EXCHANGE_CUES.some((cue) => word.startsWith(cue))) return;
    for (let next = at + 2; next < Math.min(words.length, at + 2 + OFFER_LENGTH); next += 1) {
      if (OFFER_ENDS.has(words[next] ?? '')) break;
      offered.add(next);
    }
  });
  return offered;
}
