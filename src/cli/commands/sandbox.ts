/** `avito-ai sandbox`: a local Avito API to try avito-ai against, without an Avito account. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { ExitCode } from '../exit-codes.js';
import { parsePositiveInt, type CommandContext } from '../command.js';
import { DEMO_SCENARIO } from './demo.js';

export default async function sandbox(context: CommandContext): Promise<ExitCode> {
  const { startSandbox, parseScenario } = await import('../../avito/sandbox/index.js');
  const file = context.options.scenario ? resolve(context.io.cwd, String(context.options.scenario)) : DEMO_SCENARIO;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the scenario ${file}: ${(error as Error).message}`);
  }
  const port = parsePositiveInt(context.options.port, '--port') ?? 0;
  const host = String(context.options.host ?? '127.0.0.1');
  let scenario;
  try {
    scenario = parseScenario(raw);
  } catch (error) {
    throw new UsageError(`the scenario ${file} is not valid: ${(error as Error).message}`);
  }
  const server = await startSandbox({ scenario, host, port });
  const out = context.io.stdout;
  out.write(`Avito sandbox listening on ${server.url} (chats from ${file})\n`);
  out.write(`Try it:\n  AVITO_API_URL=${server.url} AVITO_CLIENT_ID=${server.credentials.clientId} AVITO_CLIENT_SECRET=${server.credentials.clientSecret} avito-ai poll --once\n`);
  out.write('Stop with Ctrl-C.\n');
  await new Promise<void>((done) => {
    if (context.io.signal.aborted) return done();
    context.io.signal.addEventListener('abort', () => done(), { once: true });
  });
  await server.close();
  return ExitCode.Ok;
}
