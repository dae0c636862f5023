import { changePublicData } from "../../db/dataVersion.server.ts";
import type { Db } from "../../db/client.server.ts";
import { referencedElements, saveInstrument } from "../../db/repositories/instruments.server.ts";
import { checkInstrumentExtension, parseInstrumentDefinition } from "../../domain/instrument-definition.ts";
import { ValidationError } from "../errors.ts";
import { getInstruments } from "./catalog.server.ts";

export interface LoadInstrumentOptions {
  /** The file's name, for messages. */
  name: string;
  /** The parsed JSON of an instrument definition (docs/instrument-format.md). */
  definition: unknown;
}

/**
 * Adds an instrument version or extends an existing one. A version that results use may gain
 * areas, sub-areas and questions, but may not lose or renumber what results refer to.
 */
export async function loadInstrumentDefinition(db: Db, options: LoadInstrumentOptions): Promise<{ key: string; created: boolean }> {
  const parsed = parseInstrumentDefinition(options.definition);
  if (!parsed.ok) {
    throw new ValidationError(
      `${options.name} was not loaded`,
      parsed.problems.map((p) => ({ location: p.path, message: p.message })),
    );
  }
  const incoming = parsed.instrument;
  return changePublicData(db, async (tx) => {
    const existing = (await getInstruments(tx)).get(incoming.key);
    if (existing) {
      const problems = checkInstrumentExtension(existing, incoming, await referencedElements(tx, incoming.key));
      if (problems.length > 0) {
        throw new ValidationError(
          `${options.name} was not loaded`,
          problems.map((p) => ({ location: p.path, message: p.message })),
        );
      }
    }
    await saveInstrument(tx, incoming);
    return { key: incoming.key, created: !existing };
  });
}
