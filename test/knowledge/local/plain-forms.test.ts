import { describe, expect, it } from 'vitest';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

const LITTER = 7501;
const AQUARIUM = 7502;

describe('a young animal or a diminutive, which change the noun\'s stem', () => {
  const shop = useKnowledgeFolder({
    [`item-${LITTER}-napolnitel.txt`]: 'Наполнитель силикагель, 3,8 л — 470 р.\n\nСиликагель не советуем для котят до 4 месяцев: могут попробовать на вкус.\n',
    [`item-${AQUARIUM}-akvarium.md`]: '---\ntitle: Аквариум 100 л с тумбой\n---\n\nЖивых рыб не продаём, только оборудование и корм.\n\nСкидка 5% при заказе от 3 000 р.\n',
    'kletki.md': '# Клетки\n\nРазмер клетки подбираем по весу питомца: до 30 кг — L, до 45 кг — XL.\n',
  });

  it('finds the documents\' plain noun: "котёнку" / "котят", "рыбок" / "рыб"', async () => {
    const kitten = await shop.ask('силикагель котенку 2 месяца можно?', { id: LITTER });
    expect(kitten.status).toBe('FOUND');
    expect(kitten.text).toContain('не советуем для котят');
    const fish = await shop.ask('рыбок тоже продаете?', { id: AQUARIUM });
    expect(fish.status).toBe('FOUND');
    expect(fish.text).toContain('Живых рыб не продаём');
  });

  it('still reads "скидочку" and "размерчик", which the close-word reading found before', async () => {
    expect((await shop.ask('а скидочку сделаете?', { id: AQUARIUM })).text).toContain('Скидка 5%');
    expect((await shop.ask('размерчик клетки как подобрать')).text).toContain('по весу питомца');
  });

  it('leaves a word with no plain noun in the documents unknown', async () => {
    expect((await shop.ask('черепашку продаете?', { id: AQUARIUM })).status).toBe('NOT_FOUND');
  });
});

describe('every form of selling reads alike: the listing sells, so none of them is what is asked', () => {
  const DRILL = 7503;
  const shop = useKnowledgeFolder({
    [`item-${DRILL}-shurik.json`]: JSON.stringify({ item_id: DRILL, title: 'Шуруповерт Makita с двумя аккумуляторами', торг: 'небольшой торг при осмотре. Отдельно аккумуляторы не продаю.' }),
    // "продажа" in the shop's words makes "продадите" a word the documents know.
    'o-nas.txt': 'Продажа и прокат инструмента с 2019 года.\n',
  });

  it('answers "продадите" from "не продаю"', async () => {
    const answer = await shop.ask('а аккум отдельно продадите один?', { id: DRILL });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('Отдельно аккумуляторы не продаю');
  });
});
