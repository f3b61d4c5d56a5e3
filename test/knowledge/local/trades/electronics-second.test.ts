import { describe, expect, it } from 'vitest';
import { expectReadAlike, expectReadApart } from '../../../helpers/trade-words.js';
import { useKnowledgeFolder } from '../../../helpers/knowledge-folder.js';

describe('computer, phone and gadget words, second pass', () => {
  it('read a buyer\'s word as the one the seller wrote', () => {
    const pairs: Array<[string, string]> = [
      ['плейстейшн', 'PlayStation'],
      ['иксбокс', 'Xbox'],
      ['джойстик', 'геймпад'],
      ['игровой', 'игры'],
      ['геймерский', 'для игр'],
      ['вай', 'Wi-Fi'],
      ['маршрутизатор', 'роутер'],
      ['флеха', 'флешка'],
      ['флэшку', 'флешки'],
      ['мик', 'микрофон'],
      ['учетка', 'аккаунт'],
      ['учетной', 'аккаунта'],
      ['ядер', 'ядра'],
      ['ядерный', 'ядро'],
      ['промакс', 'Max'],
      ['хуавей', 'Huawei'],
      ['джифорс', 'GeForce'],
      ['хп', 'HP'],
      ['регистратор', 'видеорегистратор'],
      ['регик', 'видеорегистратора'],
      ['скольчики', 'сколы'],
      ['полоски', 'полосы'],
      ['матплата', 'материнская'],
      ['мфушка', 'МФУ'],
      ['бесперебойник', 'ИБП'],
      ['звонилка', 'кнопочный'],
      ['симлок', 'залочен'],
      ['пинкод', 'пароль'],
      ['саб', 'сабвуфер'],
      ['вибро', 'вибрация'],
      ['вибрирует', 'вибрации'],
    ];
    expectReadAlike(pairs);
  });

  it('keep apart words that look alike but mean other things', () => {
    const pairs: Array<[string, string]> = [
      // A battery as often as an account.
      ['акк', 'аккаунт'],
      // The car-seat brand Joie is said so too.
      ['джой', 'геймпад'],
      // A curling iron.
      ['плойка', 'PlayStation'],
      ['полоскать', 'полоски'],
      ['виброплита', 'вибрация'],
      // Micro-USB.
      ['микро', 'микрофон'],
      // Data recovery is not a refurbished phone.
      ['восстановить', 'восстановленный'],
    ];
    expectReadApart(pairs);
  });

  describe('answer a buyer asking in other words than the price list', () => {
    const folder = useKnowledgeFolder({
      'prices.md': [
        '# Приставки, компьютеры, ремонт',
        '',
        '## Приставки',
        'Sony PlayStation 5 Slim с дисководом — 52 000 ₽.',
        'Microsoft Xbox Series S 512 ГБ — 27 000 ₽.',
        'Геймпад DualSense, белый — 5 500 ₽.',
        '',
        '## Компьютеры и сети',
        'Процессор AMD Ryzen 5 5600, 6-ядерный — 10 000 ₽.',
        'Роутер TP-Link Archer C6 — 2 500 ₽.',
        'Видеорегистратор 70mai A400 — 6 000 ₽.',
        'Флешка Kingston 64 ГБ — 600 ₽.',
        'Смартфон Huawei nova 11 — 25 000 ₽.',
        '',
        '## Ремонт',
        'Снятие FRP (привязка к аккаунту Google) — 1 500 ₽.',
        'Синий экран (BSOD): диагностика бесплатно, причина за 1 день.',
        '',
      ].join('\n'),
    });

    it.each([
      ['плейстейшн почем?', '52 000'],
      ['иксбокс сколько стоит?', '27 000'],
      ['джойстик белый есть?', 'Геймпад'],
      ['маршрутизатор почем?', 'Роутер'],
      ['регик сколько стоит?', 'Видеорегистратор'],
      ['ядра сколько?', '6-ядерный'],
      ['хуавей почем?', '25 000'],
      ['флеха на 64 почем?', '600'],
    ])('"%s"', async (question, fragment) => {
      const answer = await folder.ask(question);
      expect(answer.status, question).toBe('FOUND');
      expect(answer.text, question).toContain(fragment);
    });
  });
});
