import Decimal from "decimal.js";

/**
 * Points are exact decimals. Binary floats would make 0.1 + 0.2 drift and turn a printed
 * 68 into 67 after rounding, so every figure passes through this type.
 */
export type Points = Decimal;

// Plain notation always (never "1e-7"): figures are written and compared as decimal text.
const PointsDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** Parses "15.51", 15.51 or a Decimal. JSON numbers are taken by their shortest text form. */
export function points(value: string | number | Decimal): Points {
  if (value instanceof Decimal) return new PointsDecimal(value);
  const text = typeof value === "number" ? numberText(value) : value.trim();
  if (!DECIMAL_TEXT.test(text)) throw new RangeError(`not a decimal number: ${JSON.stringify(value)}`);
  return new PointsDecimal(text);
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  // String(15.51) is "15.51": the shortest text that reads back as the same double, which
  // for any figure with up to 15 significant digits is the text that was written.
  const text = String(value);
  if (/e/i.test(text)) return new PointsDecimal(value).toString();
  return text;
}

export function isDecimalText(value: string): boolean {
  return DECIMAL_TEXT.test(value.trim());
}

export const ZERO: Points = new PointsDecimal(0);

export function sum(values: Iterable<Points>): Points {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/** Rounds half up (away from zero for halves) to a number of decimals: for display only. */
export function roundHalfUp(value: Points, decimals = 0): Points {
  return value.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/** Percent of max, unrounded. */
export function percentOf(value: Points, max: Points): Points {
  if (max.isZero()) return ZERO;
  return value.times(100).dividedBy(max);
}

/** Canonical text of an exact value ("15.51", "9", "0.5"), as stored and sent. */
export function pointsText(value: Points): string {
  return new PointsDecimal(value).toString();
}

/** A JSON number for API output; exact for the precision we store (up to 15 significant digits). */
export function pointsNumber(value: Points): number {
  return Number(new PointsDecimal(value).toString());
}

export function comparePoints(a: Points, b: Points): number {
  return a.comparedTo(b);
}
