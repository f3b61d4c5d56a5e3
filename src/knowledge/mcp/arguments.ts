/**
 * Our query as a tool's arguments, by the seller's template (MCP_ARGUMENTS): a JSON object whose strings may hold
 * placeholders. A string that is one placeholder and nothing else takes the value's own type (the listing id is a
 * number) and its key is left out when there is no value; inside longer text a placeholder is replaced by text.
 */
import type { ContextMessage, KnowledgeQuery } from '../../core/ports.js';

/** The names MCP_ARGUMENTS may use, as `{name}`. */
export const ARGUMENT_PLACEHOLDERS = ['question', 'listing_id', 'listing_title', 'context'] as const;
type Placeholder = (typeof ARGUMENT_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{(\w+)\}/g;
const WHOLE = /^\{(\w+)\}$/;

/** The conversation's speakers as the server reads them: the buyer's language. */
const ROLE_LABELS = { buyer: 'Покупатель', seller: 'Продавец', bot: 'Бот' } as const;

/** The first `{name}` in the template that is not a placeholder we fill, for the settings check. */
export function findUnknownPlaceholder(template: unknown): string | undefined {
  if (typeof template === 'string') {
    for (const match of template.matchAll(PLACEHOLDER)) if (!isPlaceholder(match[1]!)) return match[1];
    return undefined;
  }
  if (Array.isArray(template)) return template.map(findUnknownPlaceholder).find((name) => name !== undefined);
  if (typeof template === 'object' && template !== null) return Object.values(template).map(findUnknownPlaceholder).find((name) => name !== undefined);
  return undefined;
}

export function fillArguments(template: Readonly<Record<string, unknown>>, query: KnowledgeQuery, contextLimit: number): Record<string, unknown> {
  const values = collectValues(query, contextLimit);
  return fillValue(template, values) as Record<string, unknown>;
}

function collectValues(query: KnowledgeQuery, contextLimit: number): Record<Placeholder, string | number | undefined> {
  const context = describeContext(query, contextLimit);
  return {
    question: query.question,
    listing_id: query.listing?.id,
    listing_title: query.listing?.title || undefined,
    context: context === '' ? undefined : context,
  };
}

/** Absent values come back undefined, so that their key or array item is dropped. */
function fillValue(template: unknown, values: Record<Placeholder, string | number | undefined>): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template)?.[1];
    if (whole !== undefined && isPlaceholder(whole)) return values[whole];
    return template.replace(PLACEHOLDER, (text, name: string) => (isPlaceholder(name) ? String(values[name] ?? '') : text));
  }
  if (Array.isArray(template)) return template.map((item) => fillValue(item, values)).filter((item) => item !== undefined);
  if (typeof template === 'object' && template !== null) {
    const filled: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      const result = fillValue(value, values);
      if (result !== undefined) filled[key] = result;
    }
    return filled;
  }
  return template;
}

/** The conversation before the question, oldest first, one "Покупатель: …" line per message; the question itself is not repeated. */
function describeContext(query: KnowledgeQuery, contextLimit: number): string {
  const context: readonly ContextMessage[] = (query.context ?? []).slice(-contextLimit);
  const last = context.at(-1);
  const before = last && last.role === 'buyer' && last.text.trim() === query.question.trim() ? context.slice(0, -1) : context;
  return before.map((message) => `${ROLE_LABELS[message.role]}: ${message.text.replace(/\s+/g, ' ').trim()}`).join('\n');
}

function isPlaceholder(name: string): name is Placeholder {
  return (ARGUMENT_PLACEHOLDERS as readonly string[]).includes(name);
}
