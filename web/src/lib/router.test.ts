import { describe, expect, it } from 'vitest';
import { compile, href, matchRoute } from './router.svelte';
import { screens } from '../routes';

describe('the router', () => {
  it('matches patterns and decodes parameters', () => {
    expect(matchRoute(compile('/uppdrag/:code'), '/uppdrag/KS%2FU03')).toEqual({ code: 'KS/U03' });
    expect(matchRoute(compile('/uppdrag/:code/nytt'), '/uppdrag/KD-U001/nytt')).toEqual({ code: 'KD-U001' });
    expect(matchRoute(compile('/uppdrag/:code'), '/uppdrag/KD-U001/nytt')).toBeNull();
    expect(matchRoute(compile('/'), '/')).toEqual({});
    expect(matchRoute(compile('/uppdrag/:code'), '/uppdrag/%E0%A4%A')).toBeNull();
  });

  it('encodes what it puts in a path', () => {
    expect(href('/uppfoljning', '2025-KS-10', 'SEK LAR')).toBe('/uppfoljning/2025-KS-10/SEK%20LAR');
  });

  it('sends a literal path to its own screen before a parameter takes it', () => {
    const first = (path: string) => screens.find((screen) => matchRoute(screen, path))?.pattern;
    expect(first('/avvikelser/ny')).toBe('/avvikelser/ny');
    expect(first('/avvikelser/AVV-2025-0001')).toBe('/avvikelser/:code');
    expect(first('/tillganglighet')).toBe('/tillganglighet');
    expect(screens.filter((screen) => screen.public).map((screen) => screen.pattern).sort()).toEqual([
      '/logga-in',
      '/tillganglighet',
    ]);
  });
});
