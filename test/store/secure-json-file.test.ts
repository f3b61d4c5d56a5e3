import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/errors.js';
import * as durableFs from '../../src/store/durable-fs.js';
import { SecureJsonFile } from '../../src/store/secure-json-file.js';
import { createTempDir } from './helpers.js';

vi.mock('../../src/store/durable-fs.js', async (importOriginal) => {
  const original = await importOriginal<typeof durableFs>();
  return { ...original, writeFileAtomic: vi.fn(original.writeFileAtomic) };
});

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await createTempDir());
  vi.mocked(durableFs.writeFileAtomic).mockClear();
});

afterEach(async () => {
  await cleanup();
});

describe('SecureJsonFile', () => {
  it('reads a missing file as null and round-trips data into a 0600 file', async () => {
    const file = new SecureJsonFile<{ n: number }>(join(dir, 'state.json'));
    expect(await file.read()).toBeNull();
    await file.write({ n: 1 });
    expect(await file.read()).toEqual({ n: 1 });
    expect((await stat(file.path)).mode & 0o777).toBe(0o600);
  });

  it('coalesces writes made while one is in flight: newest data wins, two writes in all', async () => {
    const file = new SecureJsonFile<{ n: number }>(join(dir, 'state.json'));
    const writes = [1, 2, 3, 4, 5].map((n) => file.write({ n }));
    await Promise.all(writes);
    expect(vi.mocked(durableFs.writeFileAtomic)).toHaveBeenCalledTimes(2);
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toEqual({ n: 5 });
  });

  it('snapshots the data when the write starts, not when it ends', async () => {
    const file = new SecureJsonFile<{ list: number[] }>(join(dir, 'state.json'));
    const data = { list: [1] };
    const first = file.write(data);
    data.list.push(2);
    await first;
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toEqual({ list: [1] });
  });

  it('rejects the callers of a failed write and recovers on the next one', async () => {
    const file = new SecureJsonFile<{ n: number }>(join(dir, 'state.json'));
    vi.mocked(durableFs.writeFileAtomic).mockRejectedValueOnce(new StoreError('disk gone', file.path, 'io'));
    const failed = file.write({ n: 1 });
    const queued = file.write({ n: 2 });
    await expect(failed).rejects.toThrow('disk gone');
    await expect(queued).resolves.toBeUndefined();
    await file.flush();
    expect(await file.read()).toEqual({ n: 2 });
  });

  it('hands parsed data to revive, and names the file when it is not JSON', async () => {
    const path = join(dir, 'state.json');
    await writeFile(path, '{"n": 1}');
    const file = new SecureJsonFile<{ doubled: number }>(path, { revive: (raw) => ({ doubled: (raw as { n: number }).n * 2 }) });
    expect(await file.read()).toEqual({ doubled: 2 });
    await writeFile(path, '{"n": ');
    await expect(file.read()).rejects.toMatchObject({ reason: 'corrupt', path });
  });
});
