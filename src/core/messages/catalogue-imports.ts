/**
 * Server texts of imports, areas, organisations, published figures, server shell, contracts and small core rules, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const IMPORT_MESSAGES = {} as const satisfies Record<string, { de: string; en: string }>
