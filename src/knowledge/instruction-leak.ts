/** A buyer who talked a model into reciting its rules gets no answer, not the rules: shared by every engine with a model. */

/** True when `text` holds the start (40 characters) of any line of `instruction`, whatever the case and punctuation. */
export function createLeakCheck(instruction: string): (text: string) => boolean {
  const lines = instruction.split('\n').map((line) => normalize(line.slice(0, 40)));
  return (text) => {
    const plain = normalize(text);
    return lines.some((line) => plain.includes(line));
  };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
