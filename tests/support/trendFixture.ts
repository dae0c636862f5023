import type { TrendJson } from "../../src/domain/tables/trend.ts";
import { plotDate } from "../../src/domain/trend.ts";
import type { TrendChartWording } from "../../src/domain/trendChart.ts";

// A trend as the service makes it, and plain wording: for the chart model's and the renderer's tests.

const point = (municipality: string, name: string, instrument: string, year: number, value: number, date: string | null = null) => ({
  municipality,
  name,
  instrument,
  year,
  date,
  plotDate: plotDate({ year, date }),
  value,
  published: true,
  source: "a source",
  page: `/kommun/${municipality}/${year}`,
});
/**
 * Örebro's and Vallentuna's published totals with the demo's periods and averages, except that the
 * 2020 version's average is given as too few (count 2; synthetic), so that both cases are drawn.
 */
export const trend: TrendJson = {
  measure: { key: "total", instrument: null, area: null, areaName: null, max: 800 },
  municipalities: [
    { municipality: "1880", name: "Örebro", count: 3 },
    { municipality: "0115", name: "Vallentuna", count: 3 },
    { municipality: "1080", name: "Karlskrona", count: 0 },
  ],
  periods: [
    { instrument: "2010", name: "Kommunkompassen, 2010 års version", from: "2010-01-01", to: "2015-12-31" },
    { instrument: "2016", name: "Kommunkompassen, 2016 års revision", from: "2016-01-01", to: "2019-12-31" },
    { instrument: "2020", name: "Kommunkompassen, 2020 års revision", from: "2020-01-01", to: "2023-12-31" },
  ],
  averages: [
    { instrument: "2010", count: 11, average: 513.55 },
    { instrument: "2016", count: 5, average: 534 },
    { instrument: "2020", count: 2, average: null },
  ],
  points: [
    point("1880", "Örebro", "2010", 2010, 515),
    point("1880", "Örebro", "2010", 2012, 615, "2012-12-30"),
    point("1880", "Örebro", "2010", 2015, 650),
    point("0115", "Vallentuna", "2016", 2017, 555),
    point("0115", "Vallentuna", "2016", 2019, 603),
    point("0115", "Vallentuna", "2020", 2021, 648),
  ],
};
export const wording: TrendChartWording = {
  title: "Totalpoäng över tid",
  period: (key) => `${key} års version`,
  periodShort: (key) => `Version ${key}`,
  periodDetail: (average, count) => (average === null ? `${count} st, inget medel` : `medel ${average} av ${count}`),
  averageName: "Medelvärde för versionen",
  averageSeries: (period, count) => `Medelvärde, ${period} (${count})`,
  line: (name, figures) => `${name}: ${figures}`,
  description: (lines, averages) => `${lines}. ${averages}.`,
  tableCaption: "Värden",
  columns: { series: "Serie", date: "Datum i diagrammet", value: "Poäng" },
  number: (value) => String(value).replace(".", ","),
  average: (value) => value.toFixed(1).replace(".", ","),
  date: (iso) => iso,
};
