/** Yes/no and numbered choices on top of the prompter, in the seller's language. */
import { initText } from '../../messages/init.js';
import type { OutputStream } from '../io.js';
import type { AskOptions, Prompter } from './prompter.js';

const YES = new Set(['д', 'да', 'y', 'yes']);
const NO = new Set(['н', 'нет', 'n', 'no']);

/** Enter takes `byDefault`; д/да/y/yes and н/нет/n/no are understood in either language. */
export async function confirm(prompter: Prompter, question: string, byDefault: boolean): Promise<boolean> {
  const answer = await prompter.ask(question, {
    validate: (text) => (text === '' || YES.has(text.toLowerCase()) || NO.has(text.toLowerCase()) ? undefined : initText().yesNoInvalid),
  });
  if (answer === '') return byDefault;
  return YES.has(answer.toLowerCase());
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A numbered list; Enter takes `byDefault` (or the first). */
export async function choose<T extends string>(prompter: Prompter, out: OutputStream, choices: ReadonlyArray<Choice<T>>, byDefault?: T): Promise<T> {
  choices.forEach((choice, index) => out.write(`  ${index + 1}) ${choice.label}\n`));
  const first = Math.max(0, choices.findIndex((choice) => choice.value === byDefault)) + 1;
  const answer = await prompter.ask(initText().chooseQuestion(first), {
    default: String(first),
    validate: (text) => (/^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= choices.length ? undefined : initText().chooseInvalid(choices.length)),
  });
  return choices[Number(answer) - 1]!.value;
}

/**
 * A value the seller must give (or may leave empty with `optional`); the old value, if any, is the
 * default. A secret's old value is never shown: Enter keeps it.
 */
export async function askValue(
  prompter: Prompter,
  question: string,
  options: { old?: string | undefined; secret?: boolean; optional?: boolean; validate?: AskOptions['validate'] } = {},
): Promise<string> {
  const t = initText();
  const { old, secret = false, optional = false } = options;
  const suffix = secret ? `${t.hidden}${old ? t.keepPrevious : ''}` : old ? `[${old}] ` : '';
  const spaced = question.endsWith(' ') || suffix === '' ? question : `${question} `;
  return prompter.ask(`${spaced}${suffix}`, {
    secret,
    ...(old ? { default: old } : optional ? { default: '' } : {}),
    validate: (text) => (text === '' ? (optional ? undefined : t.required) : options.validate?.(text)),
  });
}

/** For address answers: http(s) only, and https where the outside world must reach it. */
export function validateUrl(secureOnly: boolean): (text: string) => string | undefined {
  return (text) => {
    const ok = secureOnly ? /^https:\/\/[^\s/]+/.test(text) : /^https?:\/\/[^\s/]+/.test(text);
    if (ok) return undefined;
    return secureOnly ? initText().notHttpUrl : initText().notUrl;
  };
}
