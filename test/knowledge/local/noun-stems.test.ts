import { describe, expect, it } from 'vitest';
import { extractTerms } from '../../../src/knowledge/local/terms.js';
import { useKnowledgeFolder } from '../../helpers/knowledge-folder.js';

describe('a noun Snowball cuts as an infinitive', () => {
  const PHONE = 9401;
  const PHONE_TITLE = 'Смартфон Redmi Note 13 Pro';
  const shop = useKnowledgeFolder({
    [`item-${PHONE}-redmi.md`]: `---\ntitle: ${PHONE_TITLE}\n---\n\n# Redmi Note 13 Pro\n\nЦена 24 000 ₽.\n\nКарта памяти: не поддерживается.\n\nЭкран 6,67", AMOLED.\n`,
  });

  it('is one term in every case ("память", "памяти")', () => {
    expect(extractTerms('память')).toEqual(extractTerms('памяти'));
    expect(extractTerms('печать')).toEqual(extractTerms('печати'));
  });

  it('meets the documents’ other case', async () => {
    const answer = await shop.ask('какая память?', { id: PHONE, title: PHONE_TITLE });
    expect(answer.status).toBe('FOUND');
    expect(answer.text).toContain('не поддерживается');
  });
});
