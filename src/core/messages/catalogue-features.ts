/**
 * Server texts of practices, self-assessment, accounts, single sign-on, backup, mail, reports, CLI, demo, potentials and networks, in German and English. Part of SERVER_MESSAGES (catalogue.ts);
 * the same placeholders and rules apply.
 */
export const FEATURE_MESSAGES = {} as const satisfies Record<string, { de: string; en: string }>
