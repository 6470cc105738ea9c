/** The data collection pages' texts as one part (see i18n.tsx), fetched in the chosen language. */
import { defineTexts } from './i18n'

export const collectionsTexts = defineTexts({
  de: () => import('./messages-collections').then((module) => module.de),
  en: () => import('./messages-collections-en').then((module) => module.en),
})
