import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEngine } from '../../../src/knowledge/local/local-engine.js';
import type { LocalKnowledgeEngine } from '../../../src/knowledge/local/local-engine.js';

const ABOUT =
  '# О магазине\n\nДоставка, оплата и обмен расписаны в отдельных файлах. Коротко: Авито Доставка, СДЭК, Почта России; оплата картой, наличными; обмен/возврат 14 дней при сохранённых бирках.\n';
const DELIVERY = [
  '# Доставка',
  '',
  '## СДЭК',
  'До пункта выдачи или курьером до двери. Стоимость по тарифу СДЭК, в среднем от 350 до 600 ₽. Сроки (примерно):',
  '- по Санкт-Петербургу — 1–2 дня',
  '- до Москвы — 2–3 дня',
  '- до Екатеринбурга — 4–5 дней',
  '',
  '## Почта России',
  'Только по 100% предоплате. Отправляю первым классом, трек-номер присылаю в день отправки.',
  '',
].join('\n');

describe('a duration asked with "скока дней"', () => {
  let dir = '';
  let engine: LocalKnowledgeEngine;
  const ask = (question: string) => engine.answer({ question });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avito-ai-durations-'));
    await writeFile(join(dir, 'o-magazine.md'), ABOUT);
    await writeFile(join(dir, 'dostavka.md'), DELIVERY);
    engine = createLocalEngine({ dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is not answered by days stated of something else after a ";"', async () => {
    expect((await ask('почта россии скока дней идет посылка?')).status).toBe('NOT_FOUND');
  });

  it('is not answered by the days to other cities', async () => {
    expect((await ask('сдэк до новосибирска скока дней идет посылка')).status).toBe('NOT_FOUND');
  });

  it('is answered where the days to the asked city are stated', async () => {
    expect(await ask('сдэк до москвы скока дней идет посылка')).toMatchObject({ status: 'FOUND', text: expect.stringContaining('2–3 дня') });
  });
});
