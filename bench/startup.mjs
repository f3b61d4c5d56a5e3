// Benchmark of start-up: `avito-ai --help` and a cold `avito-ai ask` (the local engine indexes
// docs/examples/knowledge), against `node -e 0` for Node's own share. Goal of issue 7: `--help`
// under 150 ms.
//
//   npm run build && node bench/startup.mjs --runs 11
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/avito-ai.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg === -1 ? 11 : Number(process.argv[runsArg + 1]);
const cwd = mkdtempSync(join(tmpdir(), 'avito-ai-bench-startup-'));
const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', KNOWLEDGE_DIR: join(ROOT, 'docs/examples/knowledge') };

const large = writeLargeFolder(mkdtempSync(join(tmpdir(), 'avito-ai-bench-large-')));

const cases = [
  ['node -e 0 (Node itself)', ['-e', '0']],
  ['avito-ai --help', [BIN, '--help']],
  ['avito-ai ask "Как доставляете?"', [BIN, 'ask', 'Как доставляете?']],
  ['ask, 200 documents (cold index)', [BIN, 'ask', 'Какая гарантия?', '--knowledge-dir', large]],
];

/** 200 listings of eight sections each: what the local index builds on a cold `ask` of a big shop. */
function writeLargeFolder(dir) {
  const topics = ['доставка', 'оплата', 'гарантия', 'возврат', 'самовывоз', 'комплектация', 'состояние', 'характеристики'];
  for (let index = 0; index < 200; index++) {
    const sub = join(dir, `group-${index % 10}`);
    mkdirSync(sub, { recursive: true });
    const sections = topics.map((topic, t) => `## ${topic}\n\nРаздел ${topic} для товара номер ${index}: условие ${t * index} и ещё подробности про ${topic}, сроки и цены.`);
    writeFileSync(join(sub, `item-${1000 + index}-tovar.md`), `# Товар ${index}\n\n${sections.join('\n\n')}\n`);
  }
  return dir;
}

console.log(`avito-ai start-up benchmark (node ${process.version}, ${process.platform}/${process.arch}), median of ${runs}`);
console.log(`reproduce: npm run build && node bench/startup.mjs --runs ${runs}`);
console.log('');
for (const [name, args] of cases) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, env, stdio: 'ignore' });
    times.push(performance.now() - started);
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${name.padEnd(36)} ${median.toFixed(0).padStart(5)} ms  (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)})`);
}
