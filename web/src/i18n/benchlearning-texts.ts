/**
 * The benchlearning pages' own texts as one part (see i18n.tsx): each page of meetings, topics,
 * practices and self-assessment calls `useTexts(benchlearningTexts)`, which fetches the table of the
 * chosen language. Small on purpose: the pages import it statically, the tables are chunks of their own.
 */
import { defineTexts } from './i18n'

export const benchlearningTexts = defineTexts({
  de: () => import('./messages-benchlearning').then((module) => module.de),
  en: () => import('./messages-benchlearning-en').then((module) => module.en),
})
