import { describe, expect, it } from 'vitest';
import { freePort } from './ports.js';

describe('freePort', () => {
  // A test that starts serve takes two ports (PORT and MONITOR_PORT) one after the other; the system may hand a port
  // it just closed out again, and serve then refuses to start ("MONITOR_PORT и PORT оба равны …").
  it('never hands out the same port twice in one process', async () => {
    const ports: number[] = [];
    for (let drawn = 0; drawn < 400; drawn += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });
});
