import pino from "pino";

/** One logger for the server and the CLI; LOG_LEVEL overrides the level. */
export const logger = pino({ level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info") });
