// The server's today and today's unit tree, asked once a session. The demo runs on a fixed
// day and a browser's clock may be wrong, so every "today", "days left" and current year in
// the UI counts from the server's day; GET /units answers with it (`as_of`), and anyone
// signed in may read the tree (docs/permissions.md, read_units).
import { get } from './api';
import type { UnitTree } from './api-types';

let tree: Promise<UnitTree> | null = null;
let askedAt = 0;

// Kept for minutes, not the whole session: a page left open over midnight moves on to the
// next day within this long.
const keptFor = 10 * 60 * 1000;

/** GET /units: today's tree, kept for a few minutes. `fresh` asks again (administration,
 * which shows what the server has now) and keeps the new answer for everyone. A failed
 * answer is not kept: the next caller asks again. */
export function currentUnitTree(fresh = false): Promise<UnitTree> {
  if (!tree || fresh || Date.now() - askedAt > keptFor) {
    const asked = get<UnitTree>('/units');
    tree = asked;
    askedAt = Date.now();
    asked.catch(() => {
      if (tree === asked) tree = null;
    });
  }
  return tree;
}

/** The server's today ("2025-11-30"). */
export function serverToday(): Promise<string> {
  return currentUnitTree().then((answer) => answer.as_of);
}

/** Forgets the day and the tree: another session (a new sign-in), an import that changed
 * the units, a test. */
export function forgetServerDay(): void {
  tree = null;
}
