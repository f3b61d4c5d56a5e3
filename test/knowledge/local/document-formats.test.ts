/**
 * Sellers' documents as they really are: text in Windows-1251 or KOI8-R. The built-in engine answers
 * from each in proper Russian, reports what it cannot read with the reason, and never answers from it.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/engine.js';
import { listKnowledgeFiles } from '../../../src/knowledge/folder.js';
import { readKnowledgeDocuments } from '../../../src/knowledge/local/documents.js';

const ENCODINGS = fileURLToPath(new URL('../../fixtures/knowledge/encodings', import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  while (dirs.length > 0) await rm(dirs.pop()!, { recursive: true, force: true });
});

async function readFolder(dir: string) {
  return readKnowledgeDocuments(await listKnowledgeFiles(dir));
}

describe('text in legacy encodings', () => {
  it('answers from Windows-1251, KOI8-R and UTF-16 files in proper Russian', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-encodings-'));
    dirs.push(dir);
    await cp(ENCODINGS, dir, { recursive: true });
    const engine = createLocalEngine({ dir });

    const warranty = await engine.answer({ question: 'Какая гарантия на кресла?' });
    expect(warranty).toMatchObject({ status: 'FOUND', sources: ['garantiya-cp1251.txt'] });
    expect(warranty.text).toContain('12 месяцев на кресла «Уют»');
    const price = await engine.answer({ question: 'Сколько стоит табурет Ёж?' });
    expect(price).toMatchObject({ status: 'FOUND', sources: ['prays-cp1251.csv'] });
    expect(price.text).toContain('Цена, руб.: 1 900');
    const delivery = await engine.answer({ question: 'Сколько стоит доставка по Москве?' });
    expect(delivery).toMatchObject({ status: 'FOUND', sources: ['dostavka-koi8r.md'] });
    expect(delivery.text).toContain('500 руб.');
    const payment = await engine.answer({ question: 'Можно оплатить наличными?' });
    expect(payment).toMatchObject({ status: 'FOUND', sources: ['oplata-utf16.txt'] });
    expect(payment.text).toContain('наличными при получении');
  });

  it('refuses a file no encoding reads, with the reason, and never answers from it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avito-ai-encodings-'));
    dirs.push(dir);
    await cp(join(ENCODINGS, 'shift-jis.txt'), join(dir, 'shift-jis.txt'));
    const result = await readFolder(dir);
    expect(result.documents).toEqual([]);
    expect(result.failed).toEqual([{ path: 'shift-jis.txt', reason: 'unknown text encoding (not UTF-8, Windows-1251 or KOI8-R): save the file as UTF-8' }]);
  });
});
