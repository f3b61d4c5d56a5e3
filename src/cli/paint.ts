/** The one place avito-ai makes colours: a terminal gets them, a pipe or a file never does. */
import chalk, { Chalk, type ChalkInstance } from 'chalk';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: chalk.level || 1 });

/** Colours for what is written to `stream`; `enabled: false` for output read by programs (`--json`). */
export function paintFor(stream: { isTTY?: boolean }, enabled = true): ChalkInstance {
  return stream.isTTY && enabled ? coloured : plain;
}
