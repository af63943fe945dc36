import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentUnitTree, forgetServerDay, serverToday } from './server-day';

let asked = 0;
let answer: () => Response;

const tree = (asOf: string) =>
  new Response(JSON.stringify({ as_of: asOf, root: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });

beforeEach(() => {
  asked = 0;
  answer = () => tree('2025-11-30');
  forgetServerDay();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      asked++;
      return answer();
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

describe('the server’s today', () => {
  it('moves on to the next day on a page left open over midnight', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2025-11-30T22:55:00Z'));
      expect(await serverToday()).toBe('2025-11-30');
      answer = () => tree('2025-12-01');
      vi.setSystemTime(new Date('2025-11-30T23:01:00Z'));
      expect(await serverToday()).toBe('2025-11-30'); // kept a few minutes
      vi.setSystemTime(new Date('2025-11-30T23:06:00Z'));
      expect(await serverToday()).toBe('2025-12-01');
      expect(asked).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is asked once for everyone who needs it at once, with the unit tree', async () => {
    const [day, again, units] = await Promise.all([serverToday(), serverToday(), currentUnitTree()]);
    expect([day, again, units.as_of]).toEqual(['2025-11-30', '2025-11-30', '2025-11-30']);
    expect(asked).toBe(1);
  });

  it('is asked again for a new session, and when a screen wants the tree afresh', async () => {
    await serverToday();
    forgetServerDay();
    answer = () => tree('2025-12-01');
    expect(await serverToday()).toBe('2025-12-01');
    answer = () => tree('2025-12-02');
    expect((await currentUnitTree(true)).as_of).toBe('2025-12-02');
    expect(await serverToday()).toBe('2025-12-02');
    expect(asked).toBe(3);
  });

  it('does not keep a failure', async () => {
    answer = () => new Response(JSON.stringify({ error: { code: 'unavailable', message: 'down' } }), { status: 503 });
    await expect(serverToday()).rejects.toMatchObject({ status: 503 });
    answer = () => tree('2025-11-30');
    expect(await serverToday()).toBe('2025-11-30');
  });
});
