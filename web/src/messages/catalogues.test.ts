import { describe, expect, it } from 'vitest';
import { allAreas, catalogues } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('have every key in both languages, with the same placeholders', () => {
    for (const area of allAreas) {
      expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.sv).sort());
      for (const key of Object.keys(area.sv)) {
        expect(placeholders(area.en[key]), key).toEqual(placeholders(area.sv[key]));
        expect(area.sv[key].trim(), `${key} is empty in Swedish`).not.toBe('');
        expect(area.en[key].trim(), `${key} is empty in English`).not.toBe('');
      }
    }
  });

  it('never define one key in two areas', () => {
    const seen = new Map<string, number>();
    allAreas.forEach((area, index) => {
      for (const key of Object.keys(area.sv)) {
        expect(seen.has(key), `${key} is in areas ${seen.get(key)} and ${index}`).toBe(false);
        seen.set(key, index);
      }
    });
  });

  it('hold every key the screens and routes use', async () => {
    const sources = import.meta.glob(['../**/*.svelte', '../**/*.ts', '!../**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const missing: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      // t('key') and t("key"), and title keys in the route table; keys built at run time
      // (label(group, value)) are checked through their groups below.
      for (const match of text.matchAll(/\bt\(\s*['"]([\w.]+)['"]/g)) {
        if (!(match[1] in catalogues.sv)) missing.push(`${file}: ${match[1]}`);
      }
      for (const match of text.matchAll(/screen\(\s*'[^']*',\s*'([\w.]+)'/g)) {
        if (!(match[1] in catalogues.sv)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('name every value of the API enums the screens show', () => {
    const groups: Record<string, string[]> = {
      status: ['draft', 'issued', 'acknowledged', 'completed', 'cancelled'],
      kind: ['goal', 'direction', 'quality_requirement', 'assignment', 'activity'],
      reportBack: ['missing', 'draft', 'submitted', 'returned', 'approved', 'late'],
      assessment: ['fulfilled', 'partly_fulfilled', 'not_fulfilled', 'cannot_be_assessed'],
      category: ['finances', 'operations', 'quality', 'work_environment', 'unforeseen_event', 'other'],
      gravity: ['1', '2', '3', '4'],
    };
    for (const [group, values] of Object.entries(groups)) {
      for (const value of values) {
        expect(catalogues.sv[`${group}.${value}`], `${group}.${value}`).toBeTruthy();
        expect(catalogues.en[`${group}.${value}`], `${group}.${value}`).toBeTruthy();
      }
    }
  });
});
