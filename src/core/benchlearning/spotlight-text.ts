/**
 * The words of a data spotlight, in either language, from its numbers: one title and one sentence
 * per kind (and, where the figure has a direction, whether the change or deviation is better or
 * worse). The agenda builder, the agenda proposal and the meeting pack all read them from here, so
 * a spotlight says the same in the browser, in a stored agenda item and in the PDF.
 */
import type { Locale } from '../format/format'
import type { Judgement } from '../kpi/polarity'
import { message, render, type Message } from '../messages/text'
import type { SpotlightKind } from './spotlights'

/** What a spotlight's words are made of; `organisationName` is the name the reader may see. */
export interface SpotlightFacts {
  kind: SpotlightKind
  figureCode: string
  organisationName: string
  period: string
  numbers: Readonly<Record<string, number>>
  /** Better or worse for the figure's direction; absent on spotlights frozen before it was kept. */
  judgement?: Judgement
}

export function spotlightTitle(s: SpotlightFacts, figureName: string): Message {
  return message(`spotlight.title.${s.kind}`, {
    figure: figureName,
    code: s.figureCode,
    organisation: s.organisationName,
  })
}

export function spotlightSentence(s: SpotlightFacts, figureName: string): Message {
  const n = (key: string) => s.numbers[key] ?? 0
  const judgement = s.judgement ?? 'neutral'
  const common = {
    organisation: s.organisationName,
    figure: figureName,
    code: s.figureCode,
    period: s.period,
  }
  if (s.kind === 'largest_change')
    return message(`spotlight.change.${judgement}`, {
      ...common,
      value: n('value'),
      previous: n('valuePreviousYear'),
      change: n('change'),
    })
  if (s.kind === 'beyond_expectation')
    return message(`spotlight.${n('actual') > n('upper') ? 'above' : 'below'}.${judgement}`, {
      ...common,
      actual: n('actual'),
      expected: n('expected'),
      lower: n('lower'),
      upper: n('upper'),
    })
  return message('spotlight.leader', {
    ...common,
    value: n('value'),
    median: n('groupMedian'),
    months: n('monthsInTopQuartile'),
    considered: n('monthsConsidered'),
  })
}

/** A spotlight as the contracts carry it: the figure's names in both languages, the organisation as the reader sees it. */
export interface SpotlightShown {
  kind: SpotlightKind
  figureCode: string
  figureNameDe: string
  figureNameEn?: string
  organisation: { name: string }
  period: string
  numbers: Readonly<Record<string, number>>
  judgement?: Judgement
}

/** Title and sentence of a spotlight in a language. */
export function spotlightWords(locale: Locale, s: SpotlightShown): { title: string; sentence: string } {
  const figureName = locale === 'en' ? (s.figureNameEn ?? s.figureNameDe) : s.figureNameDe
  const facts = { ...s, organisationName: s.organisation.name }
  return {
    title: render(locale, spotlightTitle(facts, figureName)),
    sentence: render(locale, spotlightSentence(facts, figureName)),
  }
}
