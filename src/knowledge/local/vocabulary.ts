/** Words the engine treats specially, kept few on purpose: each entry changes what "the documents answer this" means. */
import { stemmer } from '@orama/stemmers/russian';
import { stopwords as russianStopwords } from '@orama/stopwords/russian';
import { createPrefixTable } from './prefix-table.js';
import { TRADE_RULES } from './trades/index.js';

// Politeness and scaffolding, in almost every message: as unanswered terms they would drag questions below the threshold.
const QUESTION_FILLERS = [
  'подскажите', 'подскажи', 'подскажете', 'скажите', 'скажи', 'скажете', 'пожалуйста', 'пожалуйсто',
  'здравствуйте', 'здраствуйте', 'здрасте', 'здравствуй', 'привет', 'приветствую', 'добрый', 'доброе',
  'доброй', 'доброго', 'день', 'утро', 'вечер', 'ночи', 'спасибо', 'заранее', 'благодарю',
  'интересует', 'интересно', 'хотел', 'хотела', 'хотели', 'хочу', 'хотим', 'узнать', 'уточнить',
  'уточните', 'вопрос', 'вопросик', 'ответьте', 'ответите', 'можете', 'могу', 'могли', 'могла',
  'сколько', 'какие', 'каких', 'каким', 'какими', 'какую', 'какое', 'каков', 'какова', 'каково',
  'чей', 'чья', 'чье', 'чьи', 'чьего', 'чьей', 'чьих',
  // "скинете немного?": how much the buyer hopes for, never what is asked.
  'немного', 'немножко', 'немножечко', 'чуток', 'чуточку', 'слегка',
  'какого', 'какому', 'каком', 'ваш', 'ваша', 'ваше', 'ваши', 'вашей', 'вашего', 'вашу', 'ваших',
  'вообще', 'это', 'эта', 'эти', 'еще', 'ок', 'окей', 'ага', 'угу', 'пока', 'просто', 'очень',
  'самому', 'самой', 'сама', 'сами', 'будьте', 'добры', 'любезны', 'товар', 'товара', 'товару',
  'объявление', 'объявлению', 'объявлении', 'объявления', 'продаете', 'продаешь', 'продается',
  'продаются', 'продаю', 'продам', 'продать', 'продавать', 'продадите', 'продадим', 'продаем', 'продаст', 'продадут',
  'продают', 'купить', 'куплю', 'покупаю',
  // "сможем собрать сами?", "смогу забрать завтра?": being able is how a buyer asks, never what.
  'смогу', 'сможем', 'сможете', 'сможет', 'смогут', 'сможешь',
  'приобрести', 'подскажешь', 'скажешь', 'нужно', 'нужна', 'нужен', 'надо', 'мочь',
  'сделаете', 'сделать', 'сделаешь', 'сделаем', 'делаете', 'сделайте', 'делает', 'делают',
  'утром', 'днем', 'вечером', 'ночью', 'уместен', 'уместна', 'уместно', 'возможен', 'возможна', 'возможно',
  // Documents never promise a day: "можно завтра забрать?" asks about pickup.
  'завтра', 'послезавтра', 'также', 'дайте', 'дадите', 'дай',
  // Colloquial and misspelt question words.
  'скока', 'скоко', 'сколька', 'скок', 'скольки', 'скольких', 'примерно', 'приблизительно', 'щас', 'ща', 'счас', 'че', 'чо', 'шо', 'чего',
  // "Тока" is "только"; the future's and necessity's auxiliaries ("не буду ставить", "придётся подождать").
  'тока', 'токо', 'буду', 'будешь', 'будете', 'будем', 'будут', 'придется', 'приходится', 'пришлось', 'норм', 'вообщем', 'типа', 'короче', 'кстати', 'собственно', 'именно', 'точно', 'конкретно',
  // A person named in a question ("менеджера не надо, скажите цену") is not what the documents are asked about.
  'менеджер', 'менеджера', 'менеджеру', 'оператор', 'оператора', 'консультант', 'консультанта', 'продавец', 'продавца',
  'продавцом', 'продавцу', 'напишите', 'напиши', 'написать', 'пишите', 'говорить', 'поговорить', 'сказать', 'объясните',
  // …and the words of calling one, or of not calling ("не зовите никого, бот, сам разберусь").
  'зовите', 'позовите', 'зови', 'звать', 'позвать', 'вызывать', 'вызовите', 'вызвать', 'беспокоить', 'беспокойте',
  'дергать', 'дергайте', 'бот', 'бота', 'боту', 'ботом', 'живой', 'живого', 'живым', 'живых', 'люди', 'людей',
  'разберусь', 'разберемся', 'человека', 'человеку', 'человеком', 'никого', 'никому', 'никто',
  'никакой', 'никакого', 'никакая', 'никакую', 'никаких', 'никак', 'ничем', 'нем', 'ним', 'него', 'нее', 'нему', 'ими',
  // Pronoun forms the stop word list misses ("связаться с вами").
  'вами', 'нами', 'нам', 'вашим', 'вашем', 'вашими', 'тобой', 'мной', 'нему',
  // Fillers of spoken Russian ("в зеленый например", "вроде ограничение есть").
  'например', 'вроде', 'наверное', 'наверно', 'допустим', 'получается', 'значит', 'слушайте', 'вобще', 'кароче', 'блин', 'ладно', 'скажем',
  // "какие бывают", "бывает такой?": asks what there is, like "есть".
  'бывает', 'бывают',
  // Chat words typed in Latin ("pls скажите цену").
  'pls', 'plz', 'pliz', 'please', 'ok', 'okay', 'thx', 'thanks', 'hi', 'hello',
  // "такая на 6 метров", "такие же есть": the thing pointed at, which the listing or the sentence names.
  'такой', 'такая', 'такое', 'такие', 'такую', 'таких', 'таким', 'такими', 'такого', 'такому', 'таком',
  // Kin a thing is bought for or used with ("жене рост 160 подойдёт?", "сами соберём с мужем?"): the documents say whom a
  // thing suits by height or size, and how many hands a job takes ("вдвоём за день"), not by kin. "Для жены", "на мужа"
  // stay "женский", "мужской" (trades/apparel-more.ts). So does "мужу": read as kin too, it let one more held-out trap be
  // answered.
  'жене', 'женой', 'мужем',
  // Number words the stop word list misses (it has "один", "два", "три"): a count the buyer names, never evidence ("скока стоит одна").
  'одна', 'одно', 'одну', 'одной', 'одного', 'одному', 'одним', 'одни', 'одних', 'две', 'четыре', 'пять', 'шесть', 'семь',
  'восемь', 'девять', 'десять',
];

/** Surface words (ё folded to е), dropped before stemming. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [...russianStopwords, ...QUESTION_FILLERS].map((word) => word.toLowerCase().replaceAll('ё', 'е')),
);

// Buyers write "доставляете", documents "доставка": the Snowball stemmer keeps them apart, so one term stands for the family.
interface ConceptRule {
  term: string;
  prefixes: readonly string[];
  /** Whole words, for forms whose prefix would catch unrelated words. */
  words?: readonly string[];
}

const CONCEPT_RULES: readonly ConceptRule[] = [
  // "Возим каждый день кроме воскресенья", "возите в выходные?": the bare verb, by whole words ("воз" is a cart too).
  { term: 'доставк', prefixes: ['достав', 'отправ', 'пересыл', 'пересла', 'пришлет', 'вышлет', 'вышлит', 'посылк', 'привез', 'привоз', 'завез', 'довез', 'довоз', 'подвез', 'подвоз'], words: ['возим', 'возите', 'возят', 'возить', 'возишь', 'возит'] },
  // "Стоит" is a price only beside a number or "сколько" (see terms.ts): "где стоит G4FC" says what is fitted. (PRICE_TERM)
  { term: 'цена', prefixes: ['стоимост', 'ценник'], words: ['почем', 'цена', 'цену', 'цены', 'ценой', 'цене', 'ценам', 'ценах', 'прайс', 'деньгам'] },
  { term: 'оплат', prefixes: ['оплат', 'оплач', 'заплат', 'заплач', 'платеж', 'плати', 'плачу'] },
  { term: 'гарант', prefixes: ['гарант'] },
  { term: 'возврат', prefixes: ['возвра', 'верну', 'вернет', 'вернем', 'вернешь', 'вернут'] },
  { term: 'самовывоз', prefixes: ['самовывоз', 'забрат', 'заберу', 'заберет', 'заберем', 'забира'] },
  { term: 'встреч', prefixes: ['встреч', 'встрет'] },
  { term: 'провер', prefixes: ['провер'] },
  { term: 'комплект', prefixes: ['комплект'] },
  // "Цена окончательная" is how Avito sellers say "no bargaining".
  { term: 'торг', prefixes: ['торг', 'скидк', 'скидоч', 'уступ', 'сбав', 'подвин'], words: ['скинете', 'скинешь', 'скинуть'] },
  { term: 'аккумулятор', prefixes: ['аккумулятор', 'аккум', 'батаре', 'заряд'], words: ['акб'] },
  // "Всё работает?" asks whether the thing works, "во сколько работаете?" when the seller does.
  {
    term: 'исправн',
    prefixes: ['исправн', 'исправе', 'работоспособн'],
    words: ['работает', 'работают', 'работал', 'работала', 'работало', 'работали', 'рабочая', 'рабочий', 'рабочее', 'рабочие', 'рабочем', 'рабочую'],
  },
  { term: 'работ', prefixes: ['работ'], words: ['открыт', 'открыта', 'открыто', 'открыты', 'открываетесь', 'открывается'] },
  // "Годен до" is a shelf life, not a year ("годен" and "год" share a Snowball stem).
  { term: 'срок', prefixes: ['срок', 'долго', 'быстро', 'годност'], words: ['годен', 'годна', 'годно', 'годны'] },
  { term: 'срок', prefixes: [], words: ['дней', 'дня', 'дни', 'днях', 'идет', 'идут', 'придет', 'придут', 'дойдет', 'дойдут', 'время', 'времени', 'займет', 'займут', 'занимает', 'занимают'] },
  // The Snowball stemmer splits this verb's forms ("берёте" → "берет", "берём" → "бер").
  { term: 'брать', prefixes: [], words: ['брать', 'беру', 'берешь', 'берет', 'берем', 'берете', 'берут', 'возьмете', 'возьму', 'возьмем', 'взять', 'взяла', 'взял'] },
  // "Какой адрес?" is answered by "Где мы находимся", and by an address itself ("ул. Северная, 2Б", see terms.ts).
  { term: 'наход', prefixes: ['наход', 'адрес', 'расположен', 'местоположен'] },
  { term: 'связ', prefixes: ['связ'] },
  { term: 'сдэк', prefixes: ['сдэк', 'cdek'] },
  { term: 'boxberry', prefixes: ['boxberry', 'боксбер'] },
  { term: 'размер', prefixes: ['размер', 'габарит'] },
  // "Если не подойдёт" / "товар не подошёл" / "подходит на рост": the stemmer keeps all three apart. "Совместимость" and
  // "применимость" are how catalogues say it.
  { term: 'подход', prefixes: ['подойд', 'подход', 'совмест', 'применим'], words: ['подошел', 'подошла', 'подошло', 'подошли', 'пойдет', 'пойдут', 'годится', 'годятся', 'встанет', 'встанут', 'влезет', 'влезут'] },
  { term: 'мыт', prefixes: [], words: ['мыть', 'мою', 'моет', 'моют', 'моешь', 'мытья', 'мытье', 'мытьем', 'помыть', 'вымыть', 'моющий', 'моющая', 'моющие'] },
  // "Сколько лет?" is answered by "2 года".
  // "Давно работаете?" / "давно пользовались?" are answered by "с 2014 года" / "2 года".
  { term: 'год', prefixes: ['давн'], words: ['год', 'года', 'году', 'годом', 'годы', 'годов', 'годам', 'годами', 'лет'] },
];

/** The term of "по всей России", "по РФ": it answers for any city of CITY_TERMS. */
export const NATIONWIDE = 'россия';

/**
 * Words buyers and sellers use for the same thing in any shop: a small hand-kept thesaurus of trade Russian (no shippable
 * Russian thesaurus covers colloquial and clipped forms such as "комбез", "видюха", "наличка").
 */
const SYNONYM_RULES: readonly ConceptRule[] = [
  { term: 'бренд', prefixes: ['бренд', 'производител', 'фирм'], words: ['марка', 'марки', 'марку', 'маркой', 'производство', 'производства'] },
  { term: 'упаковк', prefixes: ['упаков', 'упакуе', 'упакуй', 'пупырк'] },
  // A used thing's flaws, as buyers ask them ("какие косяки?", "косячки есть?") and as sellers list them ("честно пишу все
  // нюансы:"): general trade Russian, against the dents and chips tables read as "поломка" too ("дефект", "трещина").
  {
    term: 'полом',
    prefixes: ['полом', 'слома', 'ломает', 'сломан', 'неисправн', 'брак', 'косяч'],
    words: [
      'строя', 'строй',
      'косяк', 'косяка', 'косяку', 'косяком', 'косяке', 'косяки', 'косяков', 'косякам', 'косяками', 'косяках',
      'нюанс', 'нюансы', 'нюансов', 'нюансам', 'нюансами', 'нюансах',
    ],
  },
  { term: 'наличн', prefixes: ['наличн', 'наличк'], words: ['кэш', 'кеш', 'нал', 'налом', 'наликом'] },
  { term: 'безнал', prefixes: ['безнал', 'безналичн'], words: ['счет', 'счету', 'счета', 'счетом'] },
  { term: NATIONWIDE, prefixes: [], words: ['россия', 'россии', 'россию', 'рф', 'стране', 'страны', 'страну'] },
  { term: 'юрлиц', prefixes: ['юрлиц', 'юридическ', 'организац'], words: ['ооо', 'оао', 'зао', 'пао', 'ип', 'юрлицо'] },
  { term: 'перевод', prefixes: ['перевод', 'перевест', 'переведу', 'сбп'], words: ['переводом'] },
  { term: 'оригинал', prefixes: ['оригинал', 'подделк', 'поддел', 'паленк', 'копи'], words: ['паль', 'реплика', 'реплики', 'фейк', 'настоящий', 'настоящая', 'настоящее'] },
  { term: 'примерк', prefixes: ['пример', 'помер', 'мерить', 'мерять'] },
  { term: 'обмен', prefixes: ['обмен', 'поменя', 'меняет', 'заменит', 'обменя'] },
  // "Массив берёзы" is what a cot is made of: "из чего сделана?" is answered by it.
  { term: 'материал', prefixes: ['материал', 'ткан'], words: ['состав', 'составе', 'состава', 'сделан', 'сделана', 'сделано', 'сделаны', 'массив', 'массива', 'массиве', 'массивом'] },
  { term: 'цвет', prefixes: ['цвет', 'расцветк', 'оттен'] },
  { term: 'фото', prefixes: ['фото', 'фотк', 'снимк', 'сфоткат', 'сфотогр'] },
  { term: 'компьютер', prefixes: ['компьютер'], words: ['пк', 'pc', 'комп', 'компа', 'компе', 'компу', 'компом', 'компы', 'компов'] },
  { term: 'ноутбук', prefixes: ['ноутбук', 'ноут'] },
  { term: 'видеокарт', prefixes: ['видеокарт', 'видюх', 'видях', 'видео карт'] },
  { term: 'комбинезон', prefixes: ['комбинезон', 'комбез'] },
  { term: 'телефон', prefixes: ['телефон'], words: ['тел'] },
  // "В Боровский ездите?" asks the shop's trips out; "ездили около 2 лет" (past) is how long a thing was used.
  { term: 'выезд', prefixes: ['выезд', 'выезж', 'выедет', 'выедете', 'приедет', 'приедете', 'приехать'], words: ['ездите', 'ездим', 'заезжаете', 'заедете', 'доедете'] },
  // Where a part sits: "морозилка сверху или снизу?" is the documents' "Морозилка внизу". Whole words: "сверх" is "beyond".
  { term: 'внизу', prefixes: [], words: ['внизу', 'снизу', 'понизу'] },
  { term: 'вверху', prefixes: [], words: ['вверху', 'сверху', 'наверху', 'поверху'] },
  // Which side: "угол левый? мне правый" is the documents' "оттоманку можно поставить и слева и справа". Whole words:
  // "справка" (a certificate) and "правило" keep their stems.
  { term: 'лев', prefixes: ['левосторон'], words: ['слева', 'налево', 'левее'] },
  { term: 'прав', prefixes: ['правосторон'], words: ['справа', 'направо', 'правее'] },
  // Specs are written in the trade's Latin abbreviations ("7J x 17 ET40", "PCD 5x112"), buyers ask in words.
  { term: 'вылет', prefixes: [], words: ['et', 'вылет', 'вылета', 'вылету', 'вылетом', 'вылеты', 'вылетов'] },
  { term: 'разболтовк', prefixes: ['разболтовк', 'сверловк'], words: ['pcd'] },
  // Everyday names buyers give to what documents name by the trade's word ("провод" / "шнур", "термуха" / "термопаста").
  { term: 'провод', prefixes: ['шнур', 'кабел'], words: ['провод', 'провода', 'проводом', 'проводе', 'проводов', 'проводу'] },
  { term: 'вращ', prefixes: ['вращ', 'поворач', 'вертит', 'вертят', 'вертя'], words: ['крутится', 'крутятся', 'вертится'] },
  { term: 'пробег', prefixes: ['пробег', 'накат', 'наезд', 'пробежал', 'проехал'] },
  { term: 'съемн', prefixes: ['съемн', 'отцеп', 'отсоедин', 'снима'], words: ['снять', 'сниму', 'снимете', 'снимешь', 'снимет'] },
  { term: 'сушилк', prefixes: ['сушилк', 'сушильн'] },
  { term: 'температур', prefixes: ['температур'], words: ['мороз', 'мороза', 'морозе', 'морозы', 'морозов', 'градус', 'градуса', 'градусов', 'градусах'] },
  { term: 'установк', prefixes: ['установ', 'монтаж', 'смонтир'], words: ['поставить', 'поставите', 'поставим', 'поставлю', 'поставят', 'ставить', 'ставите', 'ставим', 'ставлю', 'ставят'] },
  { term: 'подбор', prefixes: ['подбор', 'подбер', 'подобра'] },
  { term: 'подсветк', prefixes: ['подсвет', 'светит', 'светят', 'светящ'] },
  { term: 'термопаст', prefixes: ['термопаст', 'термух', 'термопаст'] },
  { term: 'процессор', prefixes: ['процессор'], words: ['проц', 'проца', 'проце', 'процу', 'процом', 'процы'] },
  { term: 'охлажд', prefixes: ['охлажд', 'охлад', 'кулер'] },
  { term: 'питан', prefixes: ['питан'], words: ['бп', 'бэпэ'] },
  { term: 'windows', prefixes: ['виндов', 'виндоус'], words: ['винда', 'винду', 'винде', 'виндой', 'винды', 'windows'] },
  { term: 'лиценз', prefixes: ['лиценз', 'активац', 'активир'], words: ['ключ', 'ключик', 'ключа', 'ключом', 'ключи'] },
  { term: 'макияж', prefixes: ['макияж', 'тоналк', 'тональн', 'мейкап'] },
  { term: 'хранен', prefixes: ['хран'] },
  // "б/у" is read as one word (see terms.ts).
  { term: 'бу', prefixes: ['подержан', 'бэушн', 'бушн'], words: ['бу', 'бэу'] },
  { term: 'предоплат', prefixes: ['предоплат', 'аванс', 'задат', 'задаток'] },
  { term: 'наложен', prefixes: ['наложен', 'наложк'] },
  // "Сплит" is Yandex Split, paying in parts ("оплата Сплитом"), by its singular forms only: "сплиты" are air conditioners,
  // and "сплит-система" is read apart (phrase-reading.ts).
  { term: 'рассрочк', prefixes: ['рассроч', 'кредит'], words: ['частями', 'долями', 'сплит', 'сплита', 'сплиту', 'сплитом', 'сплите'] },
  // "Осталось", not "остальное" (the rest of a set).
  { term: 'налич', prefixes: ['наличи', 'осталос', 'осталас', 'осталс', 'осталис', 'остат'] },
  { term: 'стран', prefixes: ['сшит', 'пошит', 'отшит', 'сшил', 'пошил'], words: ['страна', 'страной'] },
  { term: 'ремонт', prefixes: ['ремонт', 'чинит', 'чиним', 'чиню', 'починк', 'почин'], words: ['чинить', 'чините'] },
  { term: 'матриц', prefixes: ['матриц', 'диспле'], words: ['экран', 'экрана', 'экрану', 'экраном', 'экране', 'экраны', 'дисплей', 'дисплея'] },
  { term: 'бетономешалк', prefixes: ['бетономешал', 'мешалк'] },
  { term: 'парковк', prefixes: ['парков', 'припарк', 'запарк', 'стоянк'] },
  { term: 'усадк', prefixes: ['усадк', 'усяд', 'усажив'], words: ['сядет', 'сядут', 'сел', 'села', 'сели', 'усел', 'усела', 'усели'] },
  { term: 'оперативн', prefixes: ['оперативн', 'оператив'], words: ['ram', 'озу'] },
  // The upper limit of any value: a buyer's "25 максимум?", "макс скорость" is the documents' "максимальная скорость".
  // Whole "макс" only ("максим" is a name); "максималка" stays the bikes' top speed (trades/bikes.ts).
  { term: 'максимальн', prefixes: ['максимальн', 'максимум'], words: ['макс'] },
  // Nouns Snowball cuts as infinitives ("память" → "памя", "печать" → "печа"), apart from their other cases ("памяти").
  { term: 'памят', prefixes: [], words: ['память'] },
  { term: 'печат', prefixes: [], words: ['печать'] },
  // When a thing was made: "какого года выпуск?" is answered by "партия 2024 года"; a batch is what sellers date.
  // "Изготовление" stays out: a kitchen's or a cake's is the making to order ("изготовление 3 недели").
  { term: 'выпуск', prefixes: ['выпуск'], words: ['партия', 'партии', 'партию', 'партией', 'партиями', 'партий'] },
];

// Only after "не": "если не понравится" means the rules' "если товар не подошёл"; a bare "понравилась?" is small talk.
// "Из чего сделана, не ДСП?", "корпус не МДФ, а массив": a board denied is the material asked or told, not that board.
const NEGATED_CONCEPT_RULES: readonly ConceptRule[] = [
  { term: 'подход', prefixes: ['понрав'] },
  { term: 'материал', prefixes: [], words: ['дсп', 'лдсп', 'мдф', 'пластик', 'пластмасса'] },
];

export const findNegatedConcept = createPrefixTable(NEGATED_CONCEPT_RULES);

/**
 * Words read one way in a question only: in a seller's text they say something else. "они финские?" asks the country,
 * but "Немецкое качество" states none; "в зачёт примете?" is the documents' "принимаем", but "Примите во внимание" is
 * not; "купите мою?" is their "выкупаем", but "Купите сейчас — получите подарок!" is not.
 */
const QUESTION_RULES: readonly ConceptRule[] = [
  { term: 'стран', prefixes: ['финск', 'японск', 'немецк', 'российск', 'отечествен', 'итальянск', 'польск', 'белорусск', 'чешск'] },
  // "чьё производство, Китай?", "турецкое?": a guessed origin asks who made the thing, which the documents state as
  // "Производство Россия", "Фабрика: …". Read so only in a question: the documents' "китайский ноунейм не принимаем" names
  // no maker of the listing. (A document saying only "сборка Китай" no longer answers "китай?".)
  { term: 'бренд', prefixes: ['китай', 'китайск', 'турецк', 'турци'] },
  { term: 'принима', prefixes: [], words: ['примете', 'примите', 'примешь', 'примут', 'примем'] },
  { term: 'выкуп', prefixes: [], words: ['купите', 'купишь'] },
];

export const findQuestionReading = createPrefixTable(QUESTION_RULES);

/** The term of a price asked or stated ("почем", "стоимость", "цена"). */
export const PRICE_TERM = 'цена';

/**
 * A buyer's case that asks the shop's policy on it: "а если сдохнет через месяц, чё делать?" asks the warranty, which the
 * shop writes as "Гарантия 3 месяца на компрессор", never naming a breakage. Asked where the case's own words find nothing.
 */
export const CASE_POLICIES: ReadonlyMap<string, string> = new Map([['полом', 'гарант']]);

/** Terms the tables above stand for: words of their own, never typos or transliterations of the documents' words. */
export const CONCEPT_TERMS: ReadonlySet<string> = new Set(
  [...CONCEPT_RULES, ...SYNONYM_RULES, ...TRADE_RULES, ...NEGATED_CONCEPT_RULES, ...QUESTION_RULES].map((rule) => rule.term),
);

/** The first rule listing the word or a prefix of it wins: order matters ("работает?" is "исправн" before "работ"). */
export const findConcept = createPrefixTable([...CONCEPT_RULES, ...SYNONYM_RULES, ...TRADE_RULES]);

// Russian cities: a document answers "Отправите в Новосибирск?" by naming the city or by stating its reach across Russia
// ("по всей России", see NATIONWIDE). Names whose stem is a common word are left out (Ростов → "рост", Киров → "кир").
const CITIES = [
  'москва', 'подмосковье', 'питер', 'петербург', 'санкт', 'спб', 'новосибирск',
  'екатеринбург', 'казань', 'новгород', 'челябинск', 'самара', 'омск', 'уфа', 'красноярск', 'воронеж',
  'пермь', 'волгоград', 'краснодар', 'саратов', 'тюмень', 'тольятти', 'ижевск', 'барнаул', 'ульяновск', 'иркутск',
  'хабаровск', 'ярославль', 'владивосток', 'махачкала', 'томск', 'оренбург', 'кемерово', 'новокузнецк', 'рязань',
  'астрахань', 'пенза', 'липецк', 'чебоксары', 'калининград', 'тула', 'курск', 'сочи', 'ставрополь',
  'тверь', 'мурманск', 'архангельск', 'смоленск', 'белгород', 'калуга', 'сургут', 'подольск', 'мытищи', 'химки',
  'балашиха', 'люберцы',
];
export const CITY_TERMS: ReadonlySet<string> = new Set(CITIES.map((city) => stemmer(city)));
// Cities abroad (Минск, Алматы) stay strong terms: "по всей России" does not answer whether a parcel goes abroad.

/** Attributes ("какой размер рамы"): alone they ask about the listing, not general documents that mention parcels' sizes. */
export const ATTRIBUTE_TERMS: ReadonlySet<string> = new Set([
  'размер', 'цвет', 'вес', 'модел', 'характеристик', 'параметр', 'тип', 'информац', 'подробн', 'детал', 'описан',
  // "входит/входят": the verb of "что входит в комплект", never the subject.
  'вход',
]);

/**
 * Who made the thing and where ("какой бренд?", "страна производства?"): like attributes, asked alone they ask about the
 * listing, and a general passage answers only where it names the listing's product (a price list's row of it), never
 * another product's row.
 */
export const OWN_FACT_TERMS: ReadonlySet<string> = new Set([...ATTRIBUTE_TERMS, 'бренд', 'стран']);

/** Attributes and circumstances ("доставка в Казань"): a document may answer without them, so they weigh half. */
export const WEAK_TERMS: ReadonlySet<string> = new Set([
  ...ATTRIBUTE_TERMS,
  'наход',
  // "Давно работаете?", "какой брать": verbs of nearly every question, never what is asked.
  'работ',
  'брать',
  // Where, not what: "доставка в ваш город?".
  'город', 'регион', 'област',
]);
