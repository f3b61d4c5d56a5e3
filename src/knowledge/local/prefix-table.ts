/** Word lists and prefix lists looked up in one step: every uncached word of every document passes through them. */

export interface PrefixRule {
  term: string;
  prefixes?: readonly string[];
  /** Whole words, for forms whose prefix would catch unrelated words. */
  words?: readonly string[];
}

/** The term of the first rule (in the given order) that lists the word or a prefix of it. */
export function createPrefixTable(rules: readonly PrefixRule[]): (word: string) => string | undefined {
  const words = new Map<string, number>();
  const buckets = new Map<string, Array<{ prefix: string; rule: number }>>();
  rules.forEach((rule, at) => {
    for (const word of rule.words ?? []) if (!words.has(word)) words.set(word, at);
    for (const prefix of rule.prefixes ?? []) {
      const key = prefix.slice(0, 2);
      const bucket = buckets.get(key) ?? [];
      bucket.push({ prefix, rule: at });
      buckets.set(key, bucket);
    }
  });
  return (word) => {
    let first = words.get(word) ?? rules.length;
    for (const { prefix, rule } of buckets.get(word.slice(0, 2)) ?? []) {
      if (rule < first && word.startsWith(prefix)) first = rule;
    }
    return rules[first]?.term;
  };
}
