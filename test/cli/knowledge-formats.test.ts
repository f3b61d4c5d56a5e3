/**
 * Sellers' documents as they really are, through the commands a seller runs: `ask` answers in proper
 * Russian from a Windows-1251 file, `sync-docs` shows PDF, Word and Excel files indexed by the
 * built-in engine, and `doctor` names the files it could not read and says what to do.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/avito/sandbox/index.js';
import { ExitCode } from '../../src/cli/exit-codes.js';
import { runInProcess } from '../helpers/cli.js';
import { sandboxEnv, startDemoSandbox } from '../helpers/demo-sandbox.js';
import { buildDocx, buildPdf, buildXlsx } from '../knowledge/local/office-files.js';

const ENCODINGS = fileURLToPath(new URL('../fixtures/knowledge/encodings', import.meta.url));

let dir: string;
let cwd: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'avito-ai-formats-knowledge-'));
  cwd = await mkdtemp(join(tmpdir(), 'avito-ai-formats-cwd-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cwd, { recursive: true, force: true });
});

async function putOfficeFiles(): Promise<void> {
  await writeFile(join(dir, 'instrukciya.pdf'), buildPdf([['Гарантия на механизм — 24 месяца со дня покупки.']]));
  await writeFile(join(dir, 'item-4012345678-opisanie.docx'), buildDocx([{ heading: 'Кофемашина' }, 'Давление помпы: 15 бар.']));
  await writeFile(join(dir, 'prays.xlsx'), buildXlsx([{ name: 'Лист1', rows: [['Товар', 'Цена'], ['Фильтр для воды', 990]] }]));
}

describe('ask', () => {
  it('answers in proper Russian from a text file saved in Windows-1251', async () => {
    await copyFile(join(ENCODINGS, 'garantiya-cp1251.txt'), join(dir, 'garantiya.txt'));
    const { code, stdout } = await runInProcess(['ask', 'Какая гарантия на кресла?', '--json', '--knowledge-dir', dir], { cwd, env: { KNOWLEDGE_ENGINE: 'local' } });
    expect(code).toBe(ExitCode.Ok);
    const result = JSON.parse(stdout) as { status: string; answer: string; sources: string[] };
    expect(result).toMatchObject({ status: 'FOUND', sources: ['garantiya.txt'] });
    expect(result.answer).toContain('Гарантия: 12 месяцев на кресла «Уют», 6 месяцев на обивку.');
  });

  it('answers from a PDF, a Word document and an Excel price list', async () => {
    await putOfficeFiles();
    const ask = async (question: string, item?: string) => {
      const args = ['ask', question, '--json', '--knowledge-dir', dir, ...(item ? ['--item', item] : [])];
      return JSON.parse((await runInProcess(args, { cwd, env: { KNOWLEDGE_ENGINE: 'local' } })).stdout) as { status: string; answer: string; sources: string[] };
    };
    expect(await ask('Какая гарантия на механизм?')).toMatchObject({ status: 'FOUND', sources: ['instrukciya.pdf'], answer: expect.stringContaining('24 месяца') });
    expect(await ask('Какое давление?', '4012345678')).toMatchObject({ status: 'FOUND', sources: ['item-4012345678-opisanie.docx'], answer: expect.stringContaining('15 бар') });
    expect(await ask('Сколько стоит фильтр для воды?')).toMatchObject({ status: 'FOUND', sources: ['prays.xlsx'], answer: expect.stringContaining('Цена: 990') });
  });
});

describe('sync-docs --engine local', () => {
  it('lists PDF, DOCX and XLSX files as indexed, each with its listing', async () => {
    await putOfficeFiles();
    const { code, stdout } = await runInProcess(['sync-docs', dir, '--engine', 'local', '--list'], { cwd, env: {} });
    expect(code).toBe(ExitCode.Ok);
    expect(stdout).toContain('локальный индекс: документов 3:');
    expect(stdout).toMatch(/indexed\s+общий\s+instrukciya\.pdf/);
    expect(stdout).toMatch(/indexed\s+объявление 4012345678\s+item-4012345678-opisanie\.docx/);
    expect(stdout).toMatch(/indexed\s+общий\s+prays\.xlsx/);
  });

  it('names the files it could not read, with the reason, and exits 1 for an unreadable one', async () => {
    await putOfficeFiles();
    await copyFile(join(ENCODINGS, 'shift-jis.txt'), join(dir, 'otvety.txt'));
    await writeFile(join(dir, 'prays-staryy.xls'), 'x');
    const { code, stdout } = await runInProcess(['sync-docs', dir, '--engine', 'local'], { cwd, env: {} });
    expect(code).toBe(ExitCode.Failure);
    expect(stdout).toContain('ошибка         otvety.txt: кодировка не распознана (не UTF-8, Windows-1251 или KOI8-R): сохраните файл в UTF-8');
    expect(stdout).toContain('пропущен       prays-staryy.xls: вид файла не поддерживается (.xls): сохраните его как .xlsx');
    expect(stdout).toContain('Документов проиндексировано: 3');
  });
});

describe('doctor', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startDemoSandbox();
  });
  afterEach(async () => {
    await sandbox.close();
  });

  /** The knowledge line and the fix under it. */
  async function knowledgeCheck(): Promise<{ line: string; fix: string | undefined }> {
    const env = { ...sandboxEnv(sandbox, join(cwd, 'data', 'avito-ai.json')), KNOWLEDGE_DIR: dir };
    const { stdout } = await runInProcess(['doctor'], { cwd, env });
    const lines = stdout.split('\n');
    const at = lines.findIndex((text) => text.slice(10).startsWith('База знаний'));
    expect(at, stdout).toBeGreaterThanOrEqual(0);
    const next = lines[at + 1]?.trim();
    return { line: lines[at] ?? '', fix: next?.startsWith('как исправить: ') ? next.slice(15) : undefined };
  }

  it('warns naming the files it could not read, with each reason and the fix', async () => {
    await putOfficeFiles();
    await copyFile(join(ENCODINGS, 'shift-jis.txt'), join(dir, 'otvety.txt'));
    await writeFile(join(dir, 'opisanie.doc'), 'x');
    const { line, fix } = await knowledgeCheck();
    expect(line).toMatch(/^ВНИМАНИЕ\s+База знаний\s+документов в .*: 3 /);
    expect(line).toContain(
      'не прочитано: 2, из них покупатели ответов не получат: otvety.txt (кодировка не распознана (не UTF-8, Windows-1251 или KOI8-R): сохраните файл в UTF-8), opisanie.doc (вид файла не поддерживается (.doc): сохраните его как .docx)',
    );
    expect(fix).toMatch(/^сохраните их в формате, который читает avito-ai .* или уберите из папки; avito-ai sync-docs покажет весь список$/);
  });

  it('names only the first three of many, and stays OK when every file is read', async () => {
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg']) await writeFile(join(dir, name), 'x');
    await writeFile(join(dir, 'dostavka.md'), 'Доставка по Москве — 500 ₽.');
    expect((await knowledgeCheck()).line).toContain(
      'не прочитано: 5, из них покупатели ответов не получат: a.jpg (вид файла не поддерживается (.jpg)), b.jpg (вид файла не поддерживается (.jpg)), c.jpg (вид файла не поддерживается (.jpg)) и ещё 2',
    );
    for (const name of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg']) await rm(join(dir, name));
    const { line, fix } = await knowledgeCheck();
    expect(line).toMatch(/^ОК\s+База знаний\s+документов в .*: 1 /);
    expect(fix).toBeUndefined();
  });
});
