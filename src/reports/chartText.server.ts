/**
 * The texts a chart draws: the model's printed figures (never a rounding of our own), its
 * labels wrapped at spaces, and the short labels with the key that explains them on a phone.
 */
import type { Chart } from "../domain/report/model.ts";

/** The short labels ("1", "2" …) when the model gives a full set, else the categories themselves. */
export function shortLabels(chart: Chart): string[] {
  return chart.shortCategories.length === chart.categories.length ? chart.shortCategories : chart.categories;
}

/**
 * The key under a narrow radar: each short label with the category it stands for ("1" →
 * "Offentlighet och demokrati", the "1. " of "1. Offentlighet och demokrati" left out). Empty
 * when the short labels are the categories themselves.
 */
export function chartKey(chart: Chart): { label: string; text: string }[] {
  const short = shortLabels(chart);
  if (short.every((label, i) => label === chart.categories[i])) return [];
  return short.map((label, i) => {
    const category = chart.categories[i] ?? "";
    const prefix = `${label}. `;
    return { label, text: category.startsWith(prefix) ? category.slice(prefix.length) : category };
  });
}

/**
 * The printed text of one point, looked up in the chart's table (the model's formatted figure).
 * The row is the one naming the category (or the same position); the column the one named like
 * the series, else any cell in the row with the same value.
 */
export function pointText(chart: Chart, seriesIndex: number, categoryIndex: number): string | null {
  const value = chart.series[seriesIndex]?.values[categoryIndex];
  if (value === null || value === undefined) return null;
  const { rows, columns } = chart.table;
  const names = [chart.categories[categoryIndex], chart.shortCategories[categoryIndex]];
  const row =
    rows.find((r) => names.includes(r.cells[0]?.text)) ?? (rows.length === chart.categories.length ? rows[categoryIndex] : undefined);
  if (row) {
    const column = columns.findIndex((c) => c.label === chart.series[seriesIndex]?.name);
    const named = column >= 0 ? row.cells[column] : undefined;
    if (named && named.value === value) return named.text;
    const same = row.cells.find((c) => c.value === value);
    if (same) return same.text;
  }
  return null;
}

/** Only when the table lacks the point: the number as written, with a Swedish decimal comma, unrounded. */
function fallbackText(value: number): string {
  return String(value).replace(".", ",").replace("-", "\u2212");
}

export function labelFor(chart: Chart, seriesIndex: number, categoryIndex: number): string {
  const value = chart.series[seriesIndex]?.values[categoryIndex];
  if (value === null || value === undefined) return "";
  return pointText(chart, seriesIndex, categoryIndex) ?? fallbackText(value);
}

/**
 * Breaks a label into lines at spaces (ECharts' own "overflow: break" is not applied to radar
 * names). A leading number ("7.") stays with the word after it.
 */
export function wrapWords(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 1 && /^\d+\.$/.test(words[0]!)) words.splice(0, 2, `${words[0]} ${words[1]}`);
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

export const lineCount = (text: string) => text.split("\n").length;
