/**
 * Server texts of peers, key figures, observations, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const DATA_MESSAGES = {} as const satisfies Record<string, { de: string; en: string }>
