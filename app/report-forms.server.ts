import { z } from "zod";
import { formVersion } from "./submission.ts";

/** As typed: the service reads the numbers ("137 121") and checks the lengths. */
const typed = z.string().default("");

/**
 * The key facts form of the working report: one form on the page (posted without an intent), so a
 * plain object. The service's schema (keyFactsSchema) checks the values.
 */
export const keyFactsForm = z.object({
  population: typed,
  populationChange: typed,
  populationChangePeriod: typed,
  employees: typed,
  rulingParties: typed,
  version: formVersion,
});
