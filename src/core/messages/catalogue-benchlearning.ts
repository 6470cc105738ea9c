/**
 * Server texts of meetings, data collections, host rotation, spotlights and plausibility checks, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const BENCHLEARNING_MESSAGES = {} as const satisfies Record<string, { de: string; en: string }>
