// Numbers, money, dates and sorting the Swedish way (sv-SE), whatever the UI's language:
// the figures are Swedish public records and are read beside the municipality's own documents.

const numberFormats = new Map<number, Intl.NumberFormat>();

/** "1 234,5": a space between thousands, a decimal comma; `decimals` fixes the decimals. */
export function formatNumber(value: number | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const key = decimals ?? -1;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      'sv-SE',
      decimals === undefined
        ? { maximumFractionDigits: 2 }
        : { minimumFractionDigits: decimals, maximumFractionDigits: decimals },
    );
    numberFormats.set(key, format);
  }
  // Intl writes a no-break space between thousands and U+2212 for minus; both read right and
  // keep a figure on one line.
  return format.format(value);
}

/** A number as a Swede types it ("1 234,5", "−150 000", "12 345 kr") or as JSON writes it
 * ("12.5"); null when the text is empty or no number. A decimal comma or point; spaces or
 * no-break spaces between thousands; a minus sign, a hyphen or the dash a word processor
 * makes of one; an amount may end in "kr". */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** A number for an input field: a decimal comma and no grouping, so that parseNumber reads it
 * back the same; '' for none. */
export function decimalText(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return String(Math.round(value * 1e6) / 1e6).replace('.', ',');
}

/** "12 345 kr", whole kronor. */
export function formatMoney(kronor: number | null | undefined): string {
  if (kronor === null || kronor === undefined || Number.isNaN(kronor)) return '–';
  return `${formatNumber(Math.round(kronor), 0)}\u00a0kr`;
}

/** "2027-03-31": the ISO date, which is also the Swedish way of writing one. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  return value.slice(0, 10);
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2025-11-28 14:20": an instant (ISO 8601, UTC) at Swedish local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return stockholm.format(at).replace(',', '');
}

/** Whole days from `from` to `to`, both ISO dates ("2025-11-30"); negative when `to` is past. */
export function daysBetween(from: string, to: string): number {
  const start = Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10));
  const end = Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10));
  return Math.round((end - start) / 86_400_000);
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Swedish alphabetical order: Å, Ä and Ö after Z. */
export function compareSv(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A copy of `list` sorted by `key` in Swedish order. */
export function sortSv<T>(list: readonly T[], key: (item: T) => string): T[] {
  return [...list].sort((a, b) => compareSv(key(a), key(b)));
}
