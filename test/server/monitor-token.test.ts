/** The monitor's token file beside the store: made once, owner-only, the same after a restart. */
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMonitorToken, monitorTokenPath } from '../../src/server/monitor-token.js';
import { StoreError } from '../../src/errors.js';

const folder = (): string => mkdtempSync(join(tmpdir(), 'avito-ai-monitor-token-'));

describe('loadMonitorToken', () => {
  it('makes a 48-character random token once, readable by the owner only, and returns it again after', async () => {
    const path = monitorTokenPath(join(folder(), 'avito-ai.json'));
    expect(path).toMatch(/avito-ai\.monitor-token$/);
    const first = await loadMonitorToken(path);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[0-9a-f]{48}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.token);
    expect(await loadMonitorToken(path)).toEqual({ token: first.token, created: false });
    expect((await loadMonitorToken(monitorTokenPath(join(folder(), 'avito-ai.json')))).token).not.toBe(first.token);
  });

  it('narrows a token file restored with wider permissions, and keeps its token', async () => {
    const path = join(folder(), 'avito-ai.monitor-token');
    writeFileSync(path, 'restored-token-0123456789\n');
    chmodSync(path, 0o644);
    expect(await loadMonitorToken(path)).toEqual({ token: 'restored-token-0123456789', created: false });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('replaces a file that holds no usable token (empty, or too short to be one)', async () => {
    for (const content of ['', 'short\n']) {
      const path = join(folder(), 'avito-ai.monitor-token');
      writeFileSync(path, content, { mode: 0o600 });
      const loaded = await loadMonitorToken(path);
      expect(loaded.created).toBe(true);
      expect(readFileSync(path, 'utf8').trim()).toBe(loaded.token);
    }
  });

  it('says which file it cannot write, as a store error', async () => {
    const blocker = join(folder(), 'a-file');
    writeFileSync(blocker, '');
    const path = join(blocker, 'data', 'avito-ai.monitor-token');
    await expect(loadMonitorToken(path)).rejects.toThrow(StoreError);
    await expect(loadMonitorToken(path)).rejects.toThrow(/не удаётся сохранить ключ монитора в .*a-file.*ENOTDIR/);
  });

  it('makes the data folder when nothing else has (the Redis store keeps no files)', async () => {
    const path = join(folder(), 'data', 'avito-ai.monitor-token');
    const loaded = await loadMonitorToken(path);
    expect(readFileSync(path, 'utf8').trim()).toBe(loaded.token);
    expect(statSync(join(path, '..')).mode & 0o777).toBe(0o700);
  });
});
