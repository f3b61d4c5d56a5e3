import { describe, expect, it } from 'vitest';
import type { RemoteDocument } from '../../../src/knowledge/gemini/client.js';
import { metadataFor, planSync, type LocalDocument } from '../../../src/knowledge/gemini/sync.js';

const file = (path: string, sha256: string, itemId?: number): LocalDocument => ({
  path,
  absolutePath: `/kb/${path}`,
  size: 10,
  sha256,
  mimeType: 'text/markdown',
  ...(itemId === undefined ? {} : { itemId }),
});

const remote = (name: string, path: string | undefined, sha256: string, extra: Partial<RemoteDocument> = {}): RemoteDocument => ({
  name,
  displayName: path ?? name,
  state: 'STATE_ACTIVE',
  metadata: path === undefined ? {} : { source_path: path, content_sha256: sha256 },
  ...extra,
});

describe('planSync', () => {
  it('sorts files into new, changed and unchanged, and documents into gone and foreign', () => {
    const plan = planSync(
      [file('new.md', 'n'), file('same.md', 's'), file('changed.md', 'c2')],
      [remote('d1', 'same.md', 's'), remote('d2', 'changed.md', 'c1'), remote('d3', 'gone.md', 'g'), remote('d4', undefined, '')],
    );
    expect(plan.upload.map((f) => f.path)).toEqual(['new.md']);
    expect(plan.unchanged.map((f) => f.path)).toEqual(['same.md']);
    expect(plan.replace.map((r) => [r.file.path, r.old.map((d) => d.name)])).toEqual([['changed.md', ['d2']]]);
    expect(plan.gone.map((d) => d.name)).toEqual(['d3']);
    expect(plan.foreign.map((d) => d.name)).toEqual(['d4']);
    expect(plan.leftovers).toEqual([]);
  });

  it('keeps the newest healthy copy of the current content and removes every other version', () => {
    const plan = planSync(
      [file('a.md', 'new')],
      [
        remote('old', 'a.md', 'old', { createTime: '2026-01-01T00:00:00Z' }),
        remote('copy1', 'a.md', 'new', { createTime: '2026-02-01T00:00:00Z' }),
        remote('copy2', 'a.md', 'new', { createTime: '2026-03-01T00:00:00Z' }),
      ],
    );
    expect(plan.unchanged.map((f) => f.path)).toEqual(['a.md']);
    expect(plan.leftovers.map((d) => d.name).sort()).toEqual(['copy1', 'old']);
  });

  it('counts documents of files present but not uploadable as neither gone nor changed', () => {
    const plan = planSync([], [remote('d1', 'empty.md', 'x')], new Set(['empty.md']));
    expect(plan).toEqual({ upload: [], replace: [], unchanged: [], leftovers: [], gone: [], foreign: [] });
  });

  it('uploads again over a version that failed to index', () => {
    const plan = planSync([file('a.md', 'x')], [remote('failed', 'a.md', 'x', { state: 'STATE_FAILED' })]);
    expect(plan.replace.map((r) => r.old.map((d) => d.name))).toEqual([['failed']]);
  });

  it("keeps a document carrying the hash of a UTF-8 file's bytes as saved, BOM and all, as the current copy", () => {
    const bom = { ...file('a.md', 'as-uploaded'), savedSha256: 'as-saved' };
    const plan = planSync([bom], [remote('earlier', 'a.md', 'as-saved'), remote('older', 'a.md', 'other', { createTime: '2000-01-01T00:00:00Z' })]);
    expect(plan.unchanged.map((f) => f.path)).toEqual(['a.md']);
    expect(plan.replace).toEqual([]);
    expect(plan.leftovers.map((d) => d.name)).toEqual(['older']);
  });
});

describe('metadataFor', () => {
  it('marks listing documents with their id as a string, and the rest as general', () => {
    expect(metadataFor(file('item-5.md', 'h', 5))).toEqual([
      { key: 'scope', stringValue: 'item' },
      { key: 'item_id', stringValue: '5' },
      { key: 'source_path', stringValue: 'item-5.md' },
      { key: 'content_sha256', stringValue: 'h' },
    ]);
    expect(metadataFor(file('faq.md', 'h'))[0]).toEqual({ key: 'scope', stringValue: 'general' });
  });
});
