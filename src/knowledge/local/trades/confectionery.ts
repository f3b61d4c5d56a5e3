import type { PrefixRule } from '../prefix-table.js';

/**
 * Home confectionery to order: cakes, bento, cupcakes, macarons, honey cake; fillings, decor, inscriptions, storage.
 * Buyers write diminutives ("тортик", "бенточка", "клубничка") and clipped names ("чизик", "растишка"); sellers write the
 * product's own word. Left out for two meanings: "др" (the documents' "и др."), "подтёки" (a leak's stains as well as a
 * cake's drips), "двухэтажный" (a house), "макароны" (pasta), "шарики" (balloons), "попробовать" (a test ride),
 * "перенос" (carrying, moving a system), "подписать" (a card or a contract), "вельвет" (corduroy for "red velvet").
 */
export const CONFECTIONERY_RULES: readonly PrefixRule[] = [
  // Products.
  { term: 'торт', prefixes: ['тортик', 'тортищ', 'тортец'] },
  // "Бенто" by whole words: the prefix "бент" takes the pet shop's "бентонит".
  { term: 'бент', prefixes: ['бентик', 'бентишк', 'бенточк', 'бэнтик', 'бентоторт'], words: ['бенто', 'бэнто', 'bento'] },
  { term: 'капкейк', prefixes: ['капкейк', 'капкэйк', 'капкеик', 'капкек'] },
  // "Макарон" is the confectioner's singular and "12 макарон"; "макароны" (pasta) stays out.
  { term: 'макаронс', prefixes: ['макаронс', 'макарун'], words: ['макарон', 'макарона', 'макаронов', 'macarons', 'macaron'] },
  { term: 'медовик', prefixes: ['медович'] },
  { term: 'меренг', prefixes: ['безешк'], words: ['безе'] },
  { term: 'пряник', prefixes: ['прянич'] },
  { term: 'пирожн', prefixes: ['пирожен'] },
  { term: 'эклер', prefixes: ['эклер'] },
  { term: 'зефир', prefixes: ['зефир'] },
  // "Печенька": "печень" (liver) is not caught by these starts.
  { term: 'печен', prefixes: ['печеньк', 'печенек'] },
  { term: 'конфет', prefixes: ['конфетк', 'конфеток'] },
  { term: 'чизкейк', prefixes: ['чизкейк', 'чизкэйк'], words: ['чизик', 'чизика', 'чизики', 'чизиков'] },
  // Occasions and size: "торт на свадьбу" is the price list's "свадебный"; "в два яруса" its "ярусный", the counted
  // ones keeping their count ("двухъярусный — от 4 кг", "трёхъярусный — от 7 кг").
  { term: 'свадебн', prefixes: ['свадьб', 'свадеб'] },
  { term: 'ярусн', prefixes: ['ярус', 'многоярус'] },
  { term: 'двухъярусн', prefixes: ['двухъярус', 'двухярус'] },
  { term: 'трехъярусн', prefixes: ['трехъярус', 'трехярус'] },
  { term: 'рожден', prefixes: ['днюх', 'днюш'] },
  // Servings: "на 10 чел", "200 г на одного гостя" state what "на 15 человек" asks (read as "персон", phrase-reading.ts).
  { term: 'персон', words: ['чел', 'гость', 'гостя', 'гостю', 'гостей', 'гости', 'гостям', 'гостями', 'гостях', 'едока', 'едоков'] },
  { term: 'кусочк', prefixes: ['куск'], words: ['кусок', 'куском', 'куске'] },
  // Fillings and what they are made of: a diminutive or an adjective is the same flavour.
  { term: 'начинк', prefixes: ['начиноч'] },
  // Snowball reads "бисквит" as "бискв" but "бисквита" as "бисквит"; "бисквитный" is the same sponge.
  { term: 'бисквит', prefixes: ['бисквит'] },
  // The adjective by its endings: "Шоколадница" is a café to meet at.
  { term: 'шоколад', prefixes: ['шоколадны', 'шоколадна', 'шоколадно', 'шоколадну', 'шоколадк'] },
  { term: 'клубник', prefixes: ['клубничн', 'клубничк', 'клубничек'] },
  // "Вишневского" and "Малиновского" are streets, "Орехово" a district: the adjectives by whole words.
  {
    term: 'вишн',
    prefixes: ['вишенк', 'вишен'],
    words: ['вишневый', 'вишневая', 'вишневое', 'вишневые', 'вишневым', 'вишневой', 'вишневого', 'вишневом', 'вишневую', 'вишневых'],
  },
  { term: 'фисташк', prefixes: ['фисташ'] },
  {
    term: 'малин',
    prefixes: ['малинк', 'малинок'],
    words: ['малиновый', 'малиновая', 'малиновое', 'малиновые', 'малиновым', 'малиновой', 'малинового', 'малиновом', 'малиновую', 'малиновых'],
  },
  { term: 'карамел', prefixes: ['карамел'] },
  { term: 'ванил', prefixes: ['ванил'] },
  { term: 'морковн', prefixes: ['морков'] },
  {
    term: 'орех',
    prefixes: ['ореш'],
    words: ['ореховый', 'ореховая', 'ореховое', 'ореховые', 'ореховым', 'ореховой', 'орехового', 'ореховом', 'ореховую', 'ореховых'],
  },
  { term: 'чиз', words: ['кремчиз', 'кремчиза', 'кремчизе', 'кремчизом', 'кремчизу'] },
  // Vegetable cream, as bakers clip it ("на растишке?").
  { term: 'растительн', prefixes: ['растишк'] },
  // Decor.
  { term: 'мастик', prefixes: ['мастич'] },
  { term: 'топпер', prefixes: ['топпер', 'топер'] },
  { term: 'надпис', prefixes: ['надпис', 'надпес'] },
  { term: 'свеч', prefixes: ['свечк', 'свечечк'] },
  { term: 'ягод', prefixes: ['ягодк', 'ягодок'] },
  { term: 'фигурк', prefixes: ['фигуроч'] },
  { term: 'мультик', prefixes: ['мультяш', 'мультгеро', 'мультфильм'] },
  // Drawing on a cake: "нарисуете машинку?" / "рисую от руки кремом", "сложный рисунок". "Рисовый" (rice) keeps its stem.
  { term: 'рисунк', prefixes: ['рису', 'нарису', 'нарисов', 'рисуноч'], words: ['рисовать', 'рисовали', 'рисовала'] },
  // "Украсите ягодами?" is the documents' "декор": the verb by whole words, as "украсть" shares its start and "украшения"
  // are also jewellery.
  {
    term: 'декор',
    words: ['украсить', 'украсите', 'украсим', 'украсьте', 'украсят', 'украсит', 'украшаете', 'украшаем', 'украшать', 'украшаю'],
  },
  { term: 'ложечк', prefixes: ['ложк', 'ложек'] },
  // Baking: "печёте?" is the documents' "пеку". Ordering ("закажу" / "заказ") is left out: the noun is in every shop's
  // delivery terms ("сумма заказа"), and "закажу шкаф" found them instead of the lead time asked.
  {
    term: 'пек',
    words: ['печете', 'печешь', 'печет', 'печем', 'пекут', 'пекла', 'пекли', 'испечь', 'испеку', 'испечете', 'испечет', 'испечем', 'испекут', 'выпекаете', 'выпекаю'],
  },
  { term: 'отмен', prefixes: ['отмен'] },
  { term: 'дегустац', prefixes: ['дегуст', 'продегуст'] },
  // Storage: "в холодосе", "в морозилку"; "заморозки" (frost) keeps its stem, so the freezing noun by whole words.
  { term: 'холодильник', prefixes: ['холодос', 'холодильн', 'халадильн'] },
  {
    term: 'замороз',
    prefixes: ['заморож', 'морозилк', 'морозильн'],
    words: ['заморозить', 'заморозите', 'заморозим', 'заморозил', 'заморозила', 'заморозка', 'заморозку', 'заморозке', 'заморозкой'],
  },
  { term: 'разморажива', prefixes: ['разморож', 'разморажив', 'размороз'] },
  { term: 'испорчен', prefixes: ['испорт', 'испорч'] },
  // Diets and allergies: "на сахарозаменителе" asks what "без сахара / для диабетиков" answers.
  { term: 'аллерг', prefixes: ['аллерг', 'алерг'] },
  { term: 'глютен', prefixes: ['безглютен', 'глютен'] },
  { term: 'диабетик', prefixes: ['диабет', 'сахарозамен'] },
  { term: 'веган', prefixes: ['веган'] },
  // "Калорифер" (a heater) keeps its stem.
  { term: 'калорийн', prefixes: ['калорийн', 'кбжу'], words: ['ккал', 'калории', 'калория', 'калорий', 'калориях', 'калориям', 'калорию'] },
  // How sweet: "не приторный?" is answered on the same scale as "сладкий", "несладкий крем".
  { term: 'сладк', prefixes: ['приторн', 'сладеньк', 'несладк', 'малосладк'] },
  { term: 'книжк', prefixes: ['медкнижк', 'санкнижк'] },
];
