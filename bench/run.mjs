// `npm run bench`: the quick benchmarks one after another, each printing its figures and the
// command that reproduces it. The long ones (memory over 100,000 messages, 200 crashes) are run
// on their own: see docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = [
  ['startup.mjs', ['--runs', '11']],
  ['poll.mjs', ['--chats', '1000', '--per-chat', '2', '--concurrency', '4']],
  ['store.mjs', ['--sizes', '10000,100000']],
  ['webhook.mjs', ['--deliveries', '1000', '--connections', '50']],
  ['model-overhead.mjs', ['--answers', '500', '--warmup', '50']],
  ['recall.mjs', []],
];

let failed = 0;
for (const [script, args] of BENCHES) {
  console.log(`\n=== bench/${script} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
console.log('\nLonger runs: node bench/memory.mjs --messages 100000 --chats 20000 --wave 1000; node bench/crash.mjs --runs 200');
process.exitCode = failed > 0 ? 1 : 0;
