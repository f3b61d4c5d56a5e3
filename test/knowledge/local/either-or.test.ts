import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/local/local-engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/local/local-engine.js';

const SUIT = 4110000002;
const listing = { id: SUIT, title: 'Костюм худи + джоггеры оверсайз' };

describe('an either/or question', () => {
  let dir = '';
  let engine: LocalKnowledgeEngine;
  const ask = (question: string) => engine.answer({ question, listing });

  async function writeShop(suit: string): Promise<void> {
    await writeFile(join(dir, `item-${SUIT}-kostyum.md`), `---\nitem_id: ${SUIT}\ntitle: Костюм худи + джоггеры оверсайз\n---\n\n${suit}\n`);
    await writeFile(
      join(dir, 'o-magazine.md'),
      '# О магазине\n\nВсе вещи перед отправкой сама проверяю: молнии, швы, кнопки, чтобы не было пятен. Фото в объявлениях наши.\n',
    );
    engine = createLocalEngine({ dir });
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-either-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is not answered by a general passage naming one alternative of something else', async () => {
    await writeShop('Футер с начёсом, 80 % хлопок. Размеры S–XL, посадка свободная.');
    expect((await ask('худи на молнии или через голову надевать')).status).toBe('NOT_FOUND');
  });

  it('is answered by the listing own passage on it', async () => {
    await writeShop('Худи на молнии во всю длину, с капюшоном. Футер с начёсом, 80 % хлопок.');
    expect(await ask('худи на молнии или через голову надевать')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('на молнии') });
  });
});
