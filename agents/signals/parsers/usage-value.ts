// A measurement cell of a usage export as spreadsheet and analytics tools write it: digit groups
// (1,380 / 1.380 / 1 380 / 1'380), a decimal comma (exports from European locales, usually
// semicolon-separated), a percent sign or a currency symbol (kept as the unit). Which mark is the
// decimal one is settled for the whole file, like the day order of its dates: by the cells that can
// only be read one way, else by the delimiter (a semicolon file leaves the comma to the decimals).
/** A number: plain, signed, decimal, exponent, or with thousands commas (1,380.5). */
export function usageValue(cell: string): number | null {
  const s = cell.trim();
  const plain = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? s : /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replace(/,/g, '') : null;
  const n = plain === null ? Number.NaN : Number(plain);
  return Number.isFinite(n) ? n : null;
}

export interface Measured { value: number; unit?: string }
export type DecimalMark = '.' | ',';

const PERCENT = /^(.*?\d)\s*%$/;
const CURRENCY = /^([+-]?)\s*([$€£¥])\s*(.+)$|^(.+?\d)\s*([$€£¥])$/;
/** Space-like digit-group separators: no-break and narrow no-break spaces, the Swiss apostrophe. */
const GROUP_SPACE = /[\u00a0\u202f' ]/g;

/** A cell whose comma (or period) can only be the decimal mark: not followed by exactly three digits. */
const ONLY_COMMA_DECIMAL = /^[+-]?\d+,(\d{1,2}|\d{4,})$|^[+-]?\d{1,3}(\.\d{3})+,\d+$/;
const ONLY_PERIOD_DECIMAL = /^[+-]?\d+\.(\d{1,2}|\d{4,})$|^[+-]?\d{4,}\.\d+$|^[+-]?\d{1,3}(,\d{3})+\.\d+$/;

/** The decimal mark the file's numbers use: what the unambiguous cells say, else the delimiter's default. */
export function decimalMark(cells: string[], delimiter: string): DecimalMark {
  let comma = 0;
  let period = 0;
  for (const c of cells) {
    const s = bare(c).replace(GROUP_SPACE, '');
    if (ONLY_COMMA_DECIMAL.test(s)) comma += 1;
    else if (ONLY_PERIOD_DECIMAL.test(s)) period += 1;
  }
  if (comma !== period) return comma > period ? ',' : '.';
  return delimiter === ';' ? ',' : '.';
}

/** The number without its percent sign or currency symbol. */
function bare(cell: string): string {
  const s = cell.trim();
  const pct = PERCENT.exec(s);
  if (pct) return pct[1].trim();
  const cur = CURRENCY.exec(s);
  return cur ? `${cur[1] ?? ''}${(cur[3] ?? cur[4]).trim()}` : s;
}

/** A measurement, or null when the cell is not a number in the file's notation. */
export function measuredValue(cell: string, mark: DecimalMark = '.'): Measured | null {
  const s = cell.trim();
  const pct = PERCENT.exec(s);
  const cur = pct ? null : CURRENCY.exec(s);
  const unit = pct ? '%' : cur ? cur[2] ?? cur[5] : undefined;
  let n = bare(s);
  if (/^[+-]?\d{1,3}([\u00a0\u202f' ]\d{3})+([.,]\d+)?$/.test(n)) n = n.replace(GROUP_SPACE, '');
  if (mark === ',') {
    if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(n)) n = n.replace(/\./g, '');
    if (/^[+-]?\d*,\d+$/.test(n)) n = n.replace(',', '.');
    else if (/,/.test(n)) return null;
  }
  const value = usageValue(n);
  return value === null ? null : { value, ...(unit ? { unit } : {}) };
}
