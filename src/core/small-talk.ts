/**
 * Messages that ask nothing: thanks, acknowledgements, goodbyes and emoji ('thanks'), greetings and
 * "are you there?" pings ('greeting'). A message is small talk only when every word of it is; "спасибо,
 * а гарантия есть?" and "Здравствуйте! А доставка есть?" are questions. Also the buyer's "да" to the
 * bot's offer to call a manager.
 */
import { isChannelWord, isFetchWord, isPersonWord, normalizeText } from './escalation.js';
import { fromLatinLayout, readBelarusianWords, readKazakhWords, readTyped, readUkrainianWords } from './typed-words.js';

export type SmallTalk = 'thanks' | 'greeting';

type Part = SmallTalk | 'filler' | 'thanks-for';

/** Word sequences with what they are; the longest one that fits is taken at each place. */
const PHRASES: ReadonlyArray<readonly [string, Part]> = [
  ...words('thanks', [
    'спасибо спасибочки спасибки спасиб пасиб пасибо пасибки спс спсб сяп благодарю благодарим благодарствую благодарна благодарен мерси сенкс сенк thanks thx',
    'ок окей окэй ok okay okey оки океюшки хорошо хоршо понял поняла поняли понятно понятненько ясно ясненько ясн ладно ладушки лады договорились',
    'принято принял приняла ага угу да нет неа отлично супер класс классно круто здорово замечательно прекрасно чудесно шикарно норм нормально',
    'good great учту учтем подумаю подумаем посмотрю жаль жалко увы бывает пока досвидания удачи счастливо пожалуйста извините простите взаимно',
  ]),
  ...phrases('thanks', [
    'thank you', 'до свидания', 'всего доброго', 'всего хорошего', 'хорошего дня', 'хорошего вечера', 'хороших выходных', 'не надо', 'не нужно',
    'уже не надо', 'не актуально', 'неактуально', 'не интересно', 'не интересует', 'буду знать', 'вас понял', 'все понятно', 'все ясно',
  ]),
  ...words('thanks-for', ['за ответ ответы информацию инфу помощь консультацию быстрый оперативность']),
  ...words('greeting', ['здравствуйте здравствуй здрасте здрасьте здраствуйте здрастье привет приветик приветствую хай hello hi салют добрый алло ало алле ау эй']),
  ...phrases('greeting', [
    'добрый день', 'день добрый', 'добрый вечер', 'доброе утро', 'доброй ночи', 'доброго дня', 'доброго утра', 'доброго вечера', 'доброго времени суток',
    'вы тут', 'вы здесь', 'вы на связи', 'на связи', 'есть кто', 'есть кто нибудь', 'кто нибудь есть', 'тут кто нибудь есть', 'кто тут', 'кто здесь',
  ]),
  ...words('filler', ['а ну и же вам вас тебе я мы все еще раз очень большое огромное так тогда это вот уже тоже заранее']),
];

const YES = new Set([
  'да', 'давайте', 'давай', 'зовите', 'зови', 'позовите', 'позови', 'вызывайте', 'вызовите', 'можно', 'конечно', 'ага', 'угу', 'хочу', 'хотим',
  'нужно', 'надо', 'нужен', 'требуется', 'го', 'yes', 'согласен', 'согласна', 'подключайте', 'жду', 'пожалуй', 'естественно', 'разумеется',
  'безусловно', 'валяй', 'валяйте', 'зовем',
  // Kazakh and Belarusian: "иә", "әрине" (of course), "вядома"
  'иә', 'ия', 'әрине', 'вядома',
  // "дада", "yep", "sure"; "буду ждать", "буду благодарна": waiting for the manager, or thanking ahead for one.
  'дада', 'yep', 'yeah', 'sure', 'ждать', 'благодарен', 'благодарна', 'благодарны', 'признателен', 'признательна',
  // "дя": a yes typed fondly, or a finger off.
  'дя',
  // Yeses as spoken and typed short: "агась", "угусь", "канешно", "кнч", "ес", "однозначно", "обязательно".
  'агась', 'угусь', 'ес', 'йес', 'yup', 'канешно', 'конешно', 'канеш', 'конеш', 'кнч', 'кнчн', 'однозначно', 'обязательно',
]);
/** Words that go with a yes without changing it ("ок, зовите", "да, пусть менеджер напишет"). */
const BESIDE_YES = new Set([
  'ок', 'окей', 'ok', 'хорошо', 'ладно', 'пожалуйста', 'спасибо', 'ну', 'а', 'и', 'же', 'мне', 'нам', 'бы', 'его', 'ее', 'пусть', 'тогда', 'уж',
  'срочно', 'сюда', 'очень', 'позвонит', 'напишет', 'свяжется', 'ответит', 'перезвонит', 'наберет', 'пишет', 'позвонят', 'напишут', 'перезвонят', 'со', 'мной', 'плиз', 'плз', 'пж', 'пжл', 'pls', 'только', 'побыстрее', 'быстрее', 'скорее',
  // "конечно зовите, сколько можно": impatience adds nothing.
  'сколько', 'уже',
  // "да, будьте добры", "так, покличте менеджера" (Ukrainian "так" is yes; Russian "так" adds nothing).
  'будьте', 'добры', 'любезны', 'так',
  'буду', 'будем',
]);
/**
 * "было бы здорово", "было бы неплохо": a yes put politely; "еще бы", "само собой", "ясное дело": a yes put as a matter of
 * course; "не против", "не возражаю": a yes put as no objection, whose "не" refuses nothing.
 */
const POLITE_YES = /(?:^|\s)(?:было бы (?:здорово|неплохо|отлично|хорошо|замечательно|супер)|еще бы|само собой|ясное дело|не против|не возражаю|не возражаем)(?![а-яa-z])/gu;
/** "да, а то ты ничего не знаешь": the reason given after a yes says nothing about the yes. */
const REASON = /[\s,.!]+(?:а то|потому что|так как|раз уж|раз|ведь)\s.*$/su;
/** "ну а что ещё остаётся, да", "куда деваться, зовите": giving in before the yes says nothing about it. */
const GIVING_IN = /^.*?(?:что (?:еще |же |мне )?(?:остается|делать)|куда (?:ж |же )?деваться|деваться некуда)[\s,.!?]+(?=\S)/su;
const NO = new Set(['не', 'нет', 'ни', 'неа', 'никого', 'без', 'жоқ']);

/** Pictographs with their skin tones, joiners and variation selectors, flags, keycaps. */
const EMOJI = /[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200D|\uFE0E|\uFE0F/gu;
const AGREEING_EMOJI = /👍|👌|✅/gu;

export function classifySmallTalk(text: string): SmallTalk | undefined {
  const plain = normalizeText(text).replace(EMOJI, ' ');
  const tokens = readWords(plain);
  if (tokens.length === 0) {
    // Emoji, smileys, "+", "??": nothing to look up; a question mark alone asks whether anyone is there.
    if (plain.includes('?')) return 'greeting';
    return text.trim() === '' ? undefined : 'thanks';
  }
  const parts = coverWithPhrases(tokens);
  if (parts === undefined) return undefined;
  if (parts.has('thanks')) return 'thanks';
  if (parts.has('thanks-for')) return undefined;
  // Fillers alone ("А ещё?", "и всё?") ask for more: a question for the engine.
  return parts.has('greeting') ? 'greeting' : undefined;
}

/** "да", "Да!", "ок, зовите", "да, позовите менеджера", "👍": agreeing, and nothing besides; "нет", "да нет" are not. */
export function readsAsYes(text: string): boolean {
  // "+" alone is how a chat says yes.
  const plain = readBelarusianWords(readKazakhWords(readUkrainianWords(normalizeText(text).replace(REASON, '').replace(GIVING_IN, '').replace(POLITE_YES, ' да ').replace(AGREEING_EMOJI, ' да ').replace(/^\s*\+\s*$/u, 'да').replace(EMOJI, ' '))));
  const tokens = readWords(plain).map(readYesWord);
  if (tokens.length === 0 || tokens.some((token) => NO.has(token))) return false;
  // "даа", "угуу": a last letter held once more (readWords shortens three and more).
  const yes = (token: string): boolean => YES.has(token) || YES.has(token.replace(/([а-яa-z])\1$/u, '$1'));
  return tokens.some(yes) && tokens.every((token) => yes(token) || BESIDE_YES.has(token) || isPersonWord(token) || isFetchWord(token) || isChannelWord(token));
}

/** A word as typed on the Latin layout ("lf" is "да", "ytn" is "нет") or by ear and in Latin letters ("gjpjdbnt", "pozovite"). */
function readYesWord(token: string): string {
  if (!/^[a-z]+$/u.test(token) || YES.has(token) || BESIDE_YES.has(token)) return token;
  const layout = fromLatinLayout(token);
  return YES.has(layout) || NO.has(layout) || BESIDE_YES.has(layout) ? layout : readTyped(token);
}

/** Words of letters and digits; a stretched letter counts once ("спасибооо", "ооок", "дааа"). */
function readWords(text: string): string[] {
  // Letters of any script are words ("هل التوصيل متاح؟" is a question); the Unicode class is compiled only when needed.
  if (/[^ -~а-яё\s]/u.test(text)) return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map(([word]) => word.replace(/(\p{L})\1{2,}/gu, '$1'));
  return [...text.matchAll(/[а-яa-z0-9]+/gu)].map(([word]) => word.replace(/([а-яa-z])\1{2,}/gu, '$1'));
}

function coverWithPhrases(tokens: readonly string[]): Set<Part> | undefined {
  const parts = new Set<Part>();
  let at = 0;
  while (at < tokens.length) {
    let best: readonly [readonly string[], Part] | undefined;
    for (const entry of BY_FIRST_WORD.get(tokens[at]!) ?? []) {
      const [phrase] = entry;
      if (phrase.length > (best?.[0].length ?? 0) && phrase.every((word, i) => tokens[at + i] === word)) best = entry;
    }
    if (best === undefined) return undefined;
    parts.add(best[1]);
    at += best[0].length;
  }
  return parts;
}

/** Phrases by their first word: a message is covered in one look per word. */
const BY_FIRST_WORD = new Map<string, Array<readonly [readonly string[], Part]>>();
for (const [phrase, part] of PHRASES) {
  const sequence = phrase.split(' ');
  BY_FIRST_WORD.set(sequence[0]!, [...(BY_FIRST_WORD.get(sequence[0]!) ?? []), [sequence, part] as const]);
}

function words(part: Part, lines: readonly string[]): Array<readonly [string, Part]> {
  return lines.flatMap((line) => line.split(/\s+/)).map((word) => [word, part] as const);
}

function phrases(part: Part, list: readonly string[]): Array<readonly [string, Part]> {
  return list.map((phrase) => [phrase, part] as const);
}
