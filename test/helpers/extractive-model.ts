/** A fake model's handler for the loopback LLM fakes: answers only from what it was given, as a good model would. */
import type { ChatBody, FakeChatReply } from './fake-llm.js';

/** A model that behaves: answers with the sentence of the given passages closest to the question, citing its passage. */
export function answerFromPassages(body: ChatBody): FakeChatReply {
  const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
  const question = /<вопрос>([^]*?)<\/вопрос>/.exec(user)?.[1] ?? '';
  const words = new Set(stems(question));
  let best = { id: '', sentence: '', score: 0 };
  for (const match of user.matchAll(/<фрагмент id="(P\d+)"[^>]*>\n([^]*?)\n<\/фрагмент>/g)) {
    for (const sentence of match[2]!.split(/(?<=[.!?])\s+|\n+/)) {
      const score = stems(sentence).filter((stem) => words.has(stem)).length;
      if (score > best.score) best = { id: match[1]!, sentence: sentence.replace(/^[#•*\s-]+/, '').trim(), score };
    }
  }
  const reply = best.score > 0 ? { answerable: true, wants_person: false, answer: best.sentence, sources: [best.id] } : { answerable: false, wants_person: false, answer: '', sources: [] };
  return { content: JSON.stringify(reply) };
}

function stems(text: string): string[] {
  return (text.toLowerCase().match(/[а-яёa-z]{4,}/g) ?? []).map((word) => word.slice(0, 5));
}
