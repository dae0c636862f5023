import { sum, type Points } from "./points.ts";

/** A question under a sub-area (optional: historic versions are known only to sub-area level). */
export interface Question {
  id: string; // "1.4.2"
  text: string;
  maxPoints: Points | null;
}

/** Delområde. */
export interface Subarea {
  id: string; // "1.4"
  areaNumber: number;
  question: string;
  maxPoints: Points;
  questions: Question[];
}

/** Huvudområde. */
export interface Area {
  number: number; // 1..8
  name: string;
  role: string | null; // the 2020 version groups areas under four roles
  rubricHeadings: string[];
  maxPoints: Points;
  subareas: Subarea[];
}

/** One version of the instrument: "2010", "2016", "2020" or one an administrator adds. */
export interface InstrumentVersion {
  key: string;
  name: string;
  description: string | null;
  areas: Area[];
}

export function maxTotal(instrument: InstrumentVersion): Points {
  return sum(instrument.areas.map((area) => area.maxPoints));
}

export function findArea(instrument: InstrumentVersion, number: number): Area | undefined {
  return instrument.areas.find((area) => area.number === number);
}

export function allSubareas(instrument: InstrumentVersion): Subarea[] {
  return instrument.areas.flatMap((area) => area.subareas);
}
