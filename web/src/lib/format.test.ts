import { describe, expect, it } from 'vitest';
import { compareSv, daysBetween, decimalText, formatDate, formatDateTime, formatMoney, formatNumber, parseNumber, sortSv } from './format';

// Intl writes a no-break space (U+00A0) between thousands and U+2212 for minus.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ').replace(/\u2212/g, '-');

describe('Swedish formats', () => {
  it('writes numbers with a space between thousands and a decimal comma', () => {
    expect(plain(formatNumber(1234.5))).toBe('1 234,5');
    expect(plain(formatNumber(1234567.891, 1))).toBe('1 234 567,9');
    expect(plain(formatNumber(-42, 0))).toBe('-42');
    expect(formatNumber(null)).toBe('–');
  });

  it('writes money in whole kronor', () => {
    expect(plain(formatMoney(12345))).toBe('12 345 kr');
    expect(plain(formatMoney(-2500000.4))).toBe('-2 500 000 kr');
    expect(formatMoney(undefined)).toBe('–');
  });

  it('writes dates as ISO dates and instants at Swedish local time', () => {
    expect(formatDate('2027-03-31')).toBe('2027-03-31');
    expect(formatDate('2025-11-28T13:20:00.000000Z')).toBe('2025-11-28');
    expect(formatDateTime('2025-11-28T13:20:00.000000Z')).toBe('2025-11-28 14:20'); // CET
    expect(formatDateTime('2025-07-01T10:00:00Z')).toBe('2025-07-01 12:00'); // CEST
    expect(formatDate(null)).toBe('–');
  });

  it('counts days between dates across a month and a year', () => {
    expect(daysBetween('2025-11-30', '2025-12-01')).toBe(1);
    expect(daysBetween('2025-11-30', '2026-06-30')).toBe(212);
    expect(daysBetween('2025-11-30', '2025-11-19')).toBe(-11);
  });

  it('sorts Å, Ä and Ö after Z, as a Swedish reader expects', () => {
    const names = ['Östra skolan', 'Ängsskolan', 'Zander', 'Åsaskolan', 'Aspenäs', 'Ekbacka'];
    expect(sortSv(names, (name) => name)).toEqual(['Aspenäs', 'Ekbacka', 'Zander', 'Åsaskolan', 'Ängsskolan', 'Östra skolan']);
    expect(compareSv('Öjersjö', 'Zeta')).toBeGreaterThan(0);
    expect(compareSv('enhet 2', 'enhet 10')).toBeLessThan(0);
  });
});

describe('numbers typed the Swedish way', () => {
  // What the issue form (a target), the report-back form (indicator values), the value form
  // and the deviation form (an amount) each accepted before they shared one reader.
  it('reads targets and values as Swedes write them', () => {
    expect(parseNumber('88')).toBe(88);
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1\u00a0234')).toBe(1234);
    expect(parseNumber('\u22123')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('12,5,1')).toBeNull();
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('12,5 %')).toBeNull();
  });

  it('reads amounts, with a minus sign or a dash and "kr"', () => {
    expect(parseNumber('−150 000')).toBe(-150000);
    expect(parseNumber('-4200000')).toBe(-4200000);
    expect(parseNumber('1\u00a0234,5')).toBe(1234.5);
    expect(parseNumber('12 345 kr')).toBe(12345);
    expect(parseNumber('\u2013500')).toBe(-500);
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('tio')).toBeNull();
  });

  it('writes a number for a field so that it reads back the same', () => {
    expect(decimalText(6.25)).toBe('6,25');
    expect(decimalText(1234.5)).toBe('1234,5');
    expect(decimalText(0.1 + 0.2)).toBe('0,3');
    expect(decimalText(null)).toBe('');
    for (const value of [88, -3, 12.5, 1234.5]) expect(parseNumber(decimalText(value))).toBe(value);
  });
});
