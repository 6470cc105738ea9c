/** The improvement-potential page's texts as one part (see i18n.tsx), fetched in the chosen language. */
import { defineTexts } from './i18n'

export const learningTexts = defineTexts({
  de: () => import('./messages-learning').then((module) => module.de),
  en: () => import('./messages-learning-en').then((module) => module.en),
})
