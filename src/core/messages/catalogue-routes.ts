/**
 * Server texts of the route shell shared by features, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const ROUTE_MESSAGES = {} as const satisfies Record<string, { de: string; en: string }>
