/**
 * The container files, checked without a container engine (none runs on these machines):
 * - docker-compose.yml as Debian's docker-compose resolves it, with a seller's `.env` beside it;
 * - the Dockerfile parsed and validated by the Docker language server's libraries, and held to the rules of
 *   the image: multi-stage, Node 20 slim, not root, production dependencies only, /health, SIGTERM;
 * - the image's stages replayed in a folder: the build context as .dockerignore leaves it (with dist/ standing
 *   in for the compilation), `npm pack`, the production install from the lockfile, then the ENTRYPOINT and
 *   CMD with `/app` mapped to that folder, the HEALTHCHECK command against the running `serve`, and SIGTERM.
 *
 * `.ci/run` installs docker-compose and sets AVITO_AI_REQUIRE_COMPOSE, so there a missing one fails instead of skipping.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser, JSONInstruction, type Instruction } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { freePort, WEBHOOK_SECRET } from '../helpers/serve.js';
import { ROOT, assertBuilt } from '../helpers/spawn-cli.js';

const run = promisify(execFile);

const REQUIRED = process.env.AVITO_AI_REQUIRE_COMPOSE === '1';
const HAS_COMPOSE = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

/** serve's drain after SIGTERM (DRAIN_GRACE_MS in src/cli/commands/serve.ts): a stop timeout must exceed it. */
const DRAIN_SECONDS = 20;

const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const DOCKERIGNORE = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
};

const LOCK = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

const folders: string[] = [];
afterAll(async () => {
  // The replayed image is a whole node_modules: not left in /tmp after every run.
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function makeFolder(prefix: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

// ---------------------------------------------------------------------------------------------------------
// The Dockerfile as stages

interface Stage {
  name: string | undefined;
  /** The FROM image with build arguments' defaults put in. */
  image: string;
  instructions: Instruction[];
}

function readStages(text: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(text).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image, as, name] = instruction.getExpandedArguments().map((argument) => argument.getValue());
      stages.push({ name: as?.toUpperCase() === 'AS' ? name : undefined, image: image ?? '', instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

function findAll(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

function readJsonForm(instruction: Instruction | undefined): string[] | undefined {
  return instruction instanceof JSONInstruction ? instruction.getJSONStrings().map((string) => string.getJSONValue()) : undefined;
}

/** The exec-form command of a HEALTHCHECK (`HEALTHCHECK [flags] CMD [...]`). */
function readHealthCommand(stage: Stage): string[] | undefined {
  const content = findAll(stage, 'HEALTHCHECK').at(-1)?.getArgumentsContent();
  const json = /^CMD\s+(\[[\s\S]*\])\s*$/.exec(content ?? '')?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as string[]);
}

function readEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of findAll(stage, 'ENV')) {
    for (const [index, argument] of instruction.getArguments().entries()) {
      const [key, ...value] = argument.getValue().split('=');
      // The old `ENV KEY value` form: one pair per instruction.
      if (value.length === 0 && index === 0) env[key!] = instruction.getArguments().slice(1).map((rest) => rest.getValue()).join(' ');
      else if (value.length > 0) env[key!] = value.join('=');
    }
  }
  return env;
}

/** COPY sources taken from the build context (no --from) in `stage`. */
function readContextSources(stage: Stage): string[] {
  return findAll(stage, 'COPY')
    .filter((copy) => !copy.getArgumentsContent()?.startsWith('--from') && !/--from=/.test(copy.toString()))
    .flatMap((copy) => copy.getArguments().map((argument) => argument.getValue()).filter((value) => !value.startsWith('--')).slice(0, -1))
    .map((source) => source.replace(/^\.\/|\/$/g, ''));
}

function readCopyFrom(copy: Instruction): string | undefined {
  return /--from=(\S+)/.exec(copy.toString())?.[1];
}

// ---------------------------------------------------------------------------------------------------------
// What the image must be

/** Every way `text` falls short of the image the issue asks for; empty when it holds. */
function findDockerfileProblems(text: string): string[] {
  const problems = validate(text).map((diagnostic) => `line ${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
  const stages = readStages(text);
  const runtime = stages.at(-1);
  if (stages.length < 2 || !runtime) return [...problems, 'not multi-stage: fewer than two FROM'];
  if (!/^node:20[\w.-]*slim$/.test(runtime.image)) problems.push(`runtime image ${runtime.image} is not node:20…slim`);
  return [...problems, ...checkBaseImages(stages), ...checkCopies(stages), ...checkRuntime(runtime, stages)];
}

function checkBaseImages(stages: Stage[]): string[] {
  const problems: string[] = [];
  for (const [index, stage] of stages.entries()) {
    if (stages.slice(0, index).some((earlier) => earlier.name === stage.image)) continue;
    const [, tag] = /^[^@]*?(?::([^/:@]+))?(?:@.+)?$/.exec(stage.image) ?? [];
    if (!stage.image.includes('@') && (tag === undefined || tag === 'latest')) problems.push(`base image ${stage.image} is not pinned to a tag`);
  }
  return problems;
}

function checkCopies(stages: Stage[]): string[] {
  const problems: string[] = [];
  for (const [index, stage] of stages.entries()) {
    const earlier = stages.slice(0, index);
    for (const copy of findAll(stage, 'COPY')) {
      const from = readCopyFrom(copy);
      // An unknown name is not an error to Docker: it pulls an image by that name instead.
      if (from !== undefined && !earlier.some((other, at) => other.name === from || String(at) === from)) problems.push(`COPY --from=${from} names no earlier stage`);
    }
    for (const add of findAll(stage, 'ADD')) {
      if (/\b(?:https?|git|ssh):\/\/|git@/.test(add.getArgumentsContent() ?? '')) problems.push(`ADD fetches a URL: ${add.toString()}`);
    }
  }
  return problems;
}

function checkRuntime(runtime: Stage, stages: Stage[]): string[] {
  const problems: string[] = [];
  const keywords = runtime.instructions.map((instruction) => instruction.getKeyword());
  const user = findAll(runtime, 'USER').at(-1)?.getArgumentsContent()?.trim();
  if (!user || /^(?:root|0)(?::|$)/.test(user)) problems.push('the runtime stage runs as root');
  else if (keywords.lastIndexOf('USER') > Math.min(...['CMD', 'ENTRYPOINT'].map((keyword) => keywords.indexOf(keyword)).filter((at) => at >= 0))) problems.push('USER comes after CMD/ENTRYPOINT');
  const health = readHealthCommand(runtime);
  if (!health?.some((part) => /\/health(?![\w/-])/.test(part))) problems.push('no HEALTHCHECK CMD on /health');
  if (findAll(runtime, 'STOPSIGNAL').at(-1)?.getArgumentsContent()?.trim() !== 'SIGTERM') problems.push('STOPSIGNAL is not SIGTERM');
  const env = readEnv(runtime);
  if (env.HOST !== '0.0.0.0') problems.push('HOST is not 0.0.0.0 in the image');
  const exposed = findAll(runtime, 'EXPOSE').flatMap((expose) => expose.getArguments().map((argument) => argument.getValue().split('/')[0]));
  if (!env.PORT || !exposed.includes(env.PORT)) problems.push(`EXPOSE does not name PORT (${env.PORT ?? 'unset'})`);
  for (const instruction of findAll(runtime, 'RUN')) {
    if (installsDevDependencies(instruction)) problems.push(`the runtime stage installs dev dependencies: ${instruction.toString()}`);
  }
  for (const copy of findAll(runtime, 'COPY')) {
    const from = stages.find((stage) => stage.name === readCopyFrom(copy));
    if (from && copy.toString().includes('node_modules') && findAll(from, 'RUN').some(installsDevDependencies)) {
      problems.push(`node_modules copied from stage ${from.name}, which installs dev dependencies`);
    }
  }
  return problems;
}

/** An `npm ci`/`npm install` without --omit=dev (or its older --production). */
function installsDevDependencies(run: Instruction): boolean {
  const command = run.getArgumentsContent() ?? '';
  return command
    .split(/&&|;|\|\|/)
    .some((part) => /\bnpm\s+(?:ci|install|i|add)\b/.test(part) && !/--omit[= ]dev\b|--production\b|--only[= ]prod/.test(part));
}

/** Whether the build context leaves `path` out, as Docker reads .dockerignore: the last matching line wins. */
function isDockerIgnored(path: string, patterns: string[] = DOCKERIGNORE): boolean {
  let ignored = false;
  for (const line of patterns) {
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
    const escape = (part: string): string => part.replace(/[.+^${}()|[\]\\?]/g, '\\$&');
    const source = pattern.split('**').map((part) => part.split('*').map(escape).join('[^/]*')).join('.*');
    // A pattern that matches a folder leaves out everything in it.
    if (new RegExp(`^${source}(?:/.*)?$`).test(path)) ignored = !negated;
  }
  return ignored;
}

describe('the Dockerfile', () => {
  it('is valid to the Docker language server and builds the image the issue asks for', () => {
    expect(findDockerfileProblems(DOCKERFILE)).toEqual([]);
    const runtime = readStages(DOCKERFILE).at(-1)!;
    expect(findAll(runtime, 'WORKDIR').at(-1)?.getArgumentsContent()).toBe('/app');
    expect(readJsonForm(findAll(runtime, 'ENTRYPOINT').at(-1))).toEqual(['node', `/app/${PACKAGE.bin['avito-ai']}`]);
    expect(readJsonForm(findAll(runtime, 'CMD').at(-1))).toEqual(['serve']);
  });

  it('names each broken rule of a Dockerfile that breaks them all', () => {
    const broken = [
      'FROM node:latest AS build',
      'RUN npm ci',
      'ADD https://example.com/tool.tgz /tmp/',
      'FROM node',
      'HEALTHCHECK --interval=3x CMD ["true"]',
      'COPY --from=bulid /app/dist ./dist',
      'COPY --from=build /app/node_modules ./node_modules',
      'RUN npm install --save-dev typescript',
      'EXPOSE 9000',
      'CMD ["serve"]',
    ].join('\n');
    const problems = findDockerfileProblems(broken).join('\n');
    for (const expected of [
      'unknown unit x',
      'base image node:latest is not pinned',
      'base image node is not pinned',
      'ADD fetches a URL',
      'runtime image node is not node:20…slim',
      'COPY --from=bulid names no earlier stage',
      'runs as root',
      'no HEALTHCHECK CMD on /health',
      'STOPSIGNAL is not SIGTERM',
      'HOST is not 0.0.0.0',
      'EXPOSE does not name PORT',
      'installs dev dependencies: RUN npm install',
      'node_modules copied from stage build',
    ]) {
      expect(problems).toContain(expected);
    }
    expect(findDockerfileProblems('FROM node:20-bookworm-slim\nCMD ["serve"]')).toContain('not multi-stage: fewer than two FROM');
  });

  it('copies from a build context that holds what the package ships and none of the seller’s secrets or state', () => {
    const build = readStages(DOCKERFILE).find((stage) => findAll(stage, 'RUN').some((run) => /\bnpm pack\b/.test(run.toString())));
    expect(build, 'a stage that runs npm pack').toBeDefined();
    const sources = readContextSources(build!);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(isDockerIgnored(source), source).toBe(false);
    }
    // npm pack leaves out a missing `files` entry without a word: each must reach the stage that packs.
    for (const entry of PACKAGE.files.filter((file) => !file.startsWith('!') && file !== 'dist/')) {
      const path = entry.replace(/\/$/, '');
      expect(isDockerIgnored(path), entry).toBe(false);
      expect(sources.some((source) => path === source || path.startsWith(`${source}/`)), `${entry} copied into the build stage`).toBe(true);
    }
    for (const secret of ['.env', '.env.production', 'data/avito-ai.json', 'knowledge/price.pdf', 'docs/knowledge/price.pdf', 'node_modules/x/index.js', '.git/config']) {
      expect(isDockerIgnored(secret), secret).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// docker-compose.yml

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  container_name?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  stop_grace_period?: string;
  restart?: string;
  init?: boolean;
}

/** `docker-compose config` in a folder with the compose file and a seller's `.env`, as JSON (through PyYAML, which docker-compose itself runs on). */
async function resolveCompose(): Promise<{ services: Record<string, ComposeService>; volumes: Record<string, unknown> }> {
  const dir = await makeFolder('avito-ai-compose-');
  await cp(join(ROOT, 'docker-compose.yml'), join(dir, 'docker-compose.yml'));
  await writeFile(join(dir, '.env'), readFileSync(join(ROOT, '.env.example'), 'utf8') + '\nAVITO_CLIENT_ID=from-the-env-file\n');
  const { stdout } = await run('docker-compose', ['-f', 'docker-compose.yml', 'config'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  const toJson = spawnSync('python3', ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], { input: stdout, encoding: 'utf8' });
  if (toJson.status !== 0) throw new Error(`python3 could not read the resolved compose file: ${toJson.stderr}`);
  return JSON.parse(toJson.stdout) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
}

function toSeconds(duration: string | undefined): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration ?? '');
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) : Number.NaN;
}

describe.skipIf(!HAS_COMPOSE && !REQUIRED)('docker-compose.yml', () => {
  it('resolves to redis with AOF, one web behind the proxy and a worker that scales, all on one STORE_URL', async () => {
    const { services, volumes } = await resolveCompose();
    expect(Object.keys(services).sort()).toEqual(['redis', 'web', 'worker']);
    const { redis, web, worker } = services as Record<'redis' | 'web' | 'worker', ComposeService>;

    expect(redis.image).toBe('redis:7');
    expect(redis.command?.join(' ')).toContain('--appendonly yes --appendfsync everysec');
    expect(redis.volumes).toContainEqual(expect.stringMatching(/^redis-data:\/data(?::rw)?$/));
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(redis.ports ?? []).toEqual([]);
    expect(Object.keys(volumes).sort()).toEqual(['avito-ai-data', 'redis-data']);

    for (const [name, service] of [['web', web], ['worker', worker]] as const) {
      expect(service.build, name).toBeDefined();
      expect(service.image, name).toBe('avito-ai:local');
      expect(service.environment, name).toMatchObject({ STORE_URL: 'redis://redis:6379/0', KNOWLEDGE_DIR: '/app/knowledge', STORE_PATH: '/app/data/avito-ai.json' });
      // Read from the seller's .env through env_file.
      expect(service.environment?.AVITO_CLIENT_ID, name).toBe('from-the-env-file');
      expect(service.volumes, name).toContainEqual(expect.stringMatching(/\/knowledge:\/app\/knowledge:ro$/));
      expect(service.volumes, name).toContainEqual(expect.stringMatching(/^avito-ai-data:\/app\/data(?::rw)?$/));
      expect(service.depends_on, name).toEqual({ redis: { condition: 'service_healthy' } });
      expect(toSeconds(service.stop_grace_period), name).toBeGreaterThan(DRAIN_SECONDS);
      expect(service.restart, name).toBe('unless-stopped');
      expect(service.init, name).toBe(true);
      expect(service.container_name, name).toBeUndefined();
    }

    expect(web.command).toEqual(['serve']);
    // Over the .env's HOST=127.0.0.1: inside the container the listener must take outside connections.
    expect(web.environment).toMatchObject({ HOST: '0.0.0.0', PORT: '8080' });
    expect(web.ports).toContain('127.0.0.1:8080:8080/tcp');
    expect(web.ports?.every((port) => port.startsWith('127.0.0.1:'))).toBe(true);

    expect(worker.command).toEqual(['poll']);
    // Three workers cannot publish one host port; none is published at all.
    expect(worker.ports ?? []).toEqual([]);
    expect(worker.healthcheck?.disable === true || worker.healthcheck?.test?.[0] === 'NONE').toBe(true);
  }, 30_000);

  it('refuses to start without the seller’s .env', async () => {
    const dir = await makeFolder('avito-ai-compose-');
    await cp(join(ROOT, 'docker-compose.yml'), join(dir, 'docker-compose.yml'));
    const refused = await run('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: dir, env: { PATH: process.env.PATH ?? '' } }).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(refused).toMatch(/\.env/);
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------------------
// The image, replayed in a folder

/** The build stage's context and `npm pack`, then the deps stage's install: returns the folder that stands for /app. */
async function replayImage(dir: string): Promise<string> {
  assertBuilt();
  const stages = readStages(DOCKERFILE);
  const build = stages.find((stage) => findAll(stage, 'RUN').some((run) => /\bnpm pack\b/.test(run.toString())))!;
  const context = join(dir, 'context');
  for (const source of [...readContextSources(build), 'dist']) {
    // dist/ stands in for `npm run build`, which compiles the same sources.
    await cp(join(ROOT, source), join(context, source), { recursive: true, filter: (path) => !isDockerIgnored(relative(ROOT, path)) || relative(ROOT, path).startsWith('dist') });
  }
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: context });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  const app = join(dir, 'app');
  await mkdir(app);
  await run('tar', ['-xzf', join(dir, packed!.filename), '-C', app, '--strip-components=1']);

  const deps = join(dir, 'deps');
  await mkdir(deps);
  await cp(join(ROOT, 'package.json'), join(deps, 'package.json'));
  await cp(join(ROOT, 'package-lock.json'), join(deps, 'package-lock.json'));
  // The packages come from npm's cache, filled by the `npm ci` before the tests.
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: deps, timeout: 120_000 });
  await rename(join(deps, 'node_modules'), join(app, 'node_modules'));
  // The runtime stage's `mkdir -p /app/data /app/knowledge`, and the documents compose mounts there.
  await mkdir(join(app, 'data'));
  await cp(join(ROOT, 'docs/examples/knowledge'), join(app, 'knowledge'), { recursive: true });
  return app;
}

/** `/app/…` of the image, in the replayed folder. */
function mapApp(value: string, app: string): string {
  return value.replace(/^\/app(?=\/|$)/, app);
}

function runHealthCheck(command: string[], port: number): Promise<number> {
  const [program, ...args] = command;
  expect(program).toBe('node');
  const child = spawn(process.execPath, args, { env: { PORT: String(port) }, stdio: 'ignore' });
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
}

/** The image links the bin onto the PATH (`docker compose exec web avito-ai chats`), where sh runs it by its first line. */
async function runLinkedBin(runtime: Stage, image: { app: string; dir: string; env: Record<string, string> }, args: string[]): Promise<string> {
  const [, target, link] = /\bln -s (\S+) (\S+)/.exec(findAll(runtime, 'RUN').map((instruction) => instruction.toString()).join('\n')) ?? [];
  expect(target).toBe(`/app/${PACKAGE.bin['avito-ai']}`);
  const path = join(image.dir, 'path');
  await mkdir(path);
  await symlink(mapApp(target!, image.app), join(path, basename(link!)));
  const { stdout } = await run(basename(link!), args, { cwd: image.app, env: { ...image.env, PATH: `${path}:${image.env.PATH ?? ''}` } });
  return stdout.trim();
}

describe('the image, replayed without an engine', () => {
  it('runs from the packed files and production dependencies alone: --version, serve --help, serve with its health check and SIGTERM', async () => {
    const dir = await makeFolder('avito-ai-image-');
    const app = await replayImage(dir);
    for (const dependency of Object.keys(PACKAGE.dependencies)) expect(existsSync(join(app, 'node_modules', dependency)), dependency).toBe(true);
    // What the lockfile marks as needed by the dev dependencies alone (typescript, vitest, eslint, …) is absent.
    const devOnly = Object.entries(LOCK.packages).filter(([path, entry]) => path !== '' && entry.dev === true).map(([path]) => path);
    expect(devOnly.length).toBeGreaterThan(100);
    expect(devOnly.filter((path) => existsSync(join(app, path)))).toEqual([]);
    for (const workshop of ['src', 'test', 'tsconfig.json']) expect(existsSync(join(app, workshop)), workshop).toBe(false);

    const runtime = readStages(DOCKERFILE).at(-1)!;
    const entrypoint = readJsonForm(findAll(runtime, 'ENTRYPOINT').at(-1))!.map((part) => mapApp(part, app));
    const imageEnv = Object.fromEntries(Object.entries(readEnv(runtime)).map(([key, value]) => [key, mapApp(value, app)]));
    const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: dir, ...imageEnv };
    const avito = (args: string[]) => run(process.execPath, [...entrypoint.slice(1), ...args], { cwd: app, env });

    expect((await avito(['--version'])).stdout.trim()).toBe(PACKAGE.version);
    expect(await runLinkedBin(runtime, { app, dir, env }, ['--version'])).toBe(PACKAGE.version);
    expect((await avito(['serve', '--help'])).stdout).toContain('Приёмник вебхуков отвечает только на вебхук и на /health');

    await checkServe({ app, entrypoint, runtime, env: { ...env } });
  }, 120_000);
});

/** The image's CMD against the sandbox: its HEALTHCHECK passes while serve runs, the STOPSIGNAL ends it with 0, then the check fails. */
async function checkServe(options: { app: string; entrypoint: string[]; runtime: Stage; env: Record<string, string> }): Promise<void> {
  const sandbox = await startDemoSandbox();
  const [port, monitorPort] = [await freePort(), await freePort()];
  const env: Record<string, string> = {
    ...options.env,
    ...sandboxEnv(sandbox, join(options.app, 'data', 'avito-ai.json')),
    // The image's own KNOWLEDGE_DIR, where compose mounts the documents.
    KNOWLEDGE_DIR: options.env.KNOWLEDGE_DIR!,
    PORT: String(port),
    MONITOR_PORT: String(monitorPort),
    AVITO_WEBHOOK_SECRET: WEBHOOK_SECRET,
    APP_BASE_URL: `http://127.0.0.1:${port}`,
    SAFETY_POLL_MINUTES: '60',
  };
  const cmd = readJsonForm(findAll(options.runtime, 'CMD').at(-1))!;
  const serve = spawn(process.execPath, [...options.entrypoint.slice(1), ...cmd], { cwd: options.app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  serve.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  serve.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => serve.on('close', resolve));
  try {
    const health = readHealthCommand(options.runtime)!;
    let healthy = false;
    // The check as Docker runs it, every 200 ms here instead of its interval, until serve is up.
    for (const started = Date.now(); !healthy && Date.now() - started < 30_000; ) {
      healthy = (await runHealthCheck(health, port)) === 0;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(healthy, output).toBe(true);
    const signal = findAll(options.runtime, 'STOPSIGNAL').at(-1)!.getArgumentsContent()!.trim() as NodeJS.Signals;
    serve.kill(signal);
    expect(await exited, output).toBe(0);
    expect(await runHealthCheck(health, port)).not.toBe(0);
  } finally {
    serve.kill('SIGKILL');
    await sandbox.close();
  }
}
