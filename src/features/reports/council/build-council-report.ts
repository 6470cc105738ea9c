/**
 * The council report (Kreistag, Sozialausschuss) for one organisation and a date of data, as a deck
 * of slides with one message each, in German or English: where it stands among fair peers on the
 * official figures (expected vs actual, trend over three years), what explains its context, its
 * improvement potentials and the measures it adopted with their checked effects. The PDF and the
 * PowerPoint file are both drawn from this one deck. Access and disclosure are those of the
 * key-figure summaries and the potentials: the organisation must be visible by name to the caller.
 */
import type { Kysely } from 'kysely'
import {
  describeAmount,
  describeExpectedTarget,
  describePeerTarget,
} from '../../../core/benchlearning/describe-potential'
import { detail, invalidInput, isAppError } from '../../../core/errors/app-error'
import { message } from '../../../core/messages/text'
import { formatDate, formatNumber, formatPeriod, type Locale } from '../../../core/format/format'
import { isoDate } from '../../../core/periods/dates'
import { formatPeriod as monthKey, monthFromIndex } from '../../../core/periods/period'
import type { Viewer } from '../../../core/permissions'
import { COUNCIL_SECTIONS, type CouncilSection } from '../../../contracts/potentials'
import type { FigureSummaryDto } from '../../../contracts/kpi'
import type { DB } from '../../../db/schema'
import { DEFAULT_CONTEXT } from '../../kpi/context-model'
import { readCatalogue } from '../../kpi/figure-catalogue'
import { prepareFigureSummaries } from '../../kpi/prepare-figure-summaries'
import { readFigureValues } from '../../kpi/read-figure-values'
import { checkPracticeEffect } from '../../practices/check-practice-effect'
import { findImprovementPotentials } from '../../potentials/find-improvement-potentials'
import { councilText, type CouncilTextKey } from './council-texts'
import { findAdoptionsOf, findContextValues } from './council.repository'

/** One slide: its heading is its message. */
export interface Slide {
  section: string
  title: string
  lines: string[]
  table?: { head: string[]; rows: string[][]; numericColumns: number[] }
  note?: string
}

export interface CouncilDeck {
  locale: Locale
  title: string
  subtitle: string
  created: string
  /** "Landkreis X · Datenstand März 2026", in every slide's footer. */
  footer: string
  isDemo: boolean
  demoNote: string
  slides: Slide[]
  fileStem: string
}

/** Potentials shown: one slide each, the most realistic first. */
export const MAX_POTENTIAL_SLIDES = 3

export function parseSections(text: string | undefined): CouncilSection[] {
  if (!text) return [...COUNCIL_SECTIONS]
  const list = [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  for (const section of list)
    if (!(COUNCIL_SECTIONS as readonly string[]).includes(section))
      throw invalidInput(message('council.notASection', { section }), [
        detail(message('council.expectedSections', { sections: COUNCIL_SECTIONS.join(', ') }), {
          field: 'sections',
          value: section,
        }),
      ])
  if (list.length === 0)
    throw invalidInput(message('council.chooseSection'), [
      detail(message('council.expectedSections', { sections: COUNCIL_SECTIONS.join(', ') }), {
        field: 'sections',
      }),
    ])
  return COUNCIL_SECTIONS.filter((s) => list.includes(s))
}

const percent = (locale: Locale, value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${formatNumber(locale, value, 1)} %`

export async function buildCouncilReport(
  db: Kysely<DB>,
  options: {
    viewer: Viewer
    org: string
    period?: string
    locale: Locale
    sections: readonly CouncilSection[]
    now: Date
  },
): Promise<CouncilDeck> {
  const { viewer, locale, now } = options
  const t = (key: CouncilTextKey, params?: Record<string, string | number>) =>
    councilText(locale, key, params)
  const prepared = await prepareFigureSummaries(db, {
    request: { org: options.org, group: 'ring', period: options.period, breakdown: 'total' },
    viewer,
    now,
  })
  const { organisation, month, memo } = prepared
  // The report holds potentials and adoptions (network data): as for potentials, only an organisation
  // the caller sees by name under the network rules.
  prepared.scope.forClass('network').requireNamed(organisation.id, options.org)
  const catalogue = await memo('catalogue', () => readCatalogue(db))
  const official = catalogue.figures.filter((f) => f.current.isOfficial).map((f) => f.code)
  const summaries: FigureSummaryDto[] = []
  for (const code of official) {
    try {
      const summary = await prepared.summarise(code)
      if (summary.value !== null) summaries.push(summary)
    } catch (error) {
      if (!isAppError(error)) throw error
    }
  }
  const period = monthKey(monthFromIndex(month))
  const periodText = formatPeriod(locale, period)
  const name = (s: { nameDe: string; nameEn: string }) => (locale === 'de' ? s.nameDe : s.nameEn)
  const slides: Slide[] = []

  if (options.sections.includes('position')) {
    const rows: string[][] = []
    let better = 0
    let worse = 0
    let judged = 0
    for (const s of summaries) {
      const history = (
        await readFigureValues(db, {
          code: s.figure.code,
          breakdown: 'total',
          organisationIds: [organisation.id],
          from: month - 24,
          to: month,
        })
      ).get(organisation.id)!
      const classification = s.context?.classification
      if (classification && s.figure.polarity !== 'context') {
        judged++
        if (classification === 'better_than_expected') better++
        if (classification === 'worse_than_expected') worse++
      }
      rows.push([
        `${s.figure.code} ${name(s.figure)}`,
        percent(locale, s.value),
        s.context
          ? `${percent(locale, s.context.expected)} (${percent(locale, s.context.lower)} – ${percent(locale, s.context.upper)})`
          : '–',
        t(classification ? `judgement.${classification}` : 'judgement.none'),
        [history[0], history[12], history[24]].map((v) => percent(locale, v?.value)).join(' → '),
      ])
    }
    slides.push({
      section: t('section.position'),
      title: judged > 0 ? t('position.message', { better, worse, judged }) : t('position.messageNone'),
      lines: [],
      table: {
        head: [
          t('position.figure'),
          t('position.actual'),
          t('position.expected'),
          t('position.judgement'),
          t('position.trend'),
        ],
        rows,
        numericColumns: [1, 2],
      },
      note: t('position.note'),
    })
  }

  if (options.sections.includes('context')) {
    const values = await findContextValues(db, {
      organisationId: organisation.id,
      codes: DEFAULT_CONTEXT,
      year: Math.floor(month / 12),
    })
    const k2 = summaries.find((s) => s.figure.code === 'K2')?.context
    slides.push({
      section: t('section.context'),
      title: t('context.message'),
      lines: k2 ? [locale === 'de' ? k2.explanationDe : k2.explanationEn] : [],
      table:
        values.length > 0
          ? {
              head: [t('context.indicator'), t('context.value'), t('context.year')],
              rows: values.map((v) => [
                name(v),
                `${formatNumber(locale, v.value, 1)} ${v.unit}`.trim(),
                String(v.year),
              ]),
              numericColumns: [1, 2],
            }
          : undefined,
      note: values.length === 0 ? t('context.none') : undefined,
    })
  }

  if (options.sections.includes('potentials')) {
    const found = await findImprovementPotentials(db, {
      viewer,
      query: { org: options.org, group: 'ring', period },
      now,
    })
    if (found.potentials.length === 0)
      slides.push({ section: t('section.potentials'), title: t('potentials.none'), lines: [] })
    for (const p of found.potentials.slice(0, MAX_POTENTIAL_SLIDES)) {
      const nearest = p.toExpected ?? p.toPeers!
      const amount = (gap: typeof nearest.translated) =>
        gap ? describeAmount(locale, gap) : t('potentials.noAmount')
      const lines: string[] = [t(`potentials.tier.${p.tier}`)]
      if (p.toExpected)
        lines.push(
          t('potentials.toExpected', {
            target: describeExpectedTarget(locale),
            value: percent(locale, p.toExpected.target),
            actual: percent(locale, p.actual),
            amount: amount(p.toExpected.translated),
          }),
        )
      if (p.toPeers)
        lines.push(
          t('potentials.toPeers', {
            target: describePeerTarget(locale, p.toPeers.kind, p.toPeers.group),
            value: percent(locale, p.toPeers.target),
            amount: amount(p.toPeers.translated),
          }),
        )
      if (p.betterPeers.length > 0)
        lines.push(t('potentials.betterPeers', { names: p.betterPeers.map((b) => b.name).join(', ') }))
      if (p.evidence.length > 0)
        lines.push(
          t('potentials.practices', { titles: p.evidence.map((e) => `„${e.practice.title}“`).join(', ') }),
        )
      slides.push({
        section: t('section.potentials'),
        title: nearest.translated
          ? t('potentials.message', {
              figure: name(p.figure),
              amount: describeAmount(locale, nearest.translated),
            })
          : t('potentials.messageNoAmount', {
              figure: name(p.figure),
              gap: formatNumber(locale, Math.abs(nearest.gap), 1),
            }),
        lines,
      })
    }
  }

  if (options.sections.includes('measures')) {
    const adoptions = await findAdoptionsOf(db, organisation.id)
    const rows: string[][] = []
    for (const adoption of adoptions) {
      try {
        const check = await checkPracticeEffect(db, {
          viewer,
          practiceId: adoption.practiceId,
          adoptionId: adoption.id,
          now,
        })
        rows.push([
          adoption.title,
          formatDate(locale, adoption.startedOn),
          check.figures.map((f) => f.wording[locale]).join(' ') || '–',
        ])
      } catch (error) {
        // A card the caller may not read is not shown (its title would say what it is).
        if (!isAppError(error) || error.code !== 'not_found') throw error
      }
    }
    slides.push({
      section: t('section.measures'),
      title: rows.length > 0 ? t('measures.message', { count: rows.length }) : t('measures.none'),
      lines: [],
      table:
        rows.length > 0
          ? {
              head: [t('measures.practice'), t('measures.started'), t('measures.effect')],
              rows,
              numericColumns: [],
            }
          : undefined,
      note: rows.length > 0 ? t('measures.caveat') : undefined,
    })
  }

  slides.push({ section: t('closing.title'), title: t('closing.title'), lines: [t('closing.text')] })
  const isDemo = Boolean(
    (
      await db
        .selectFrom('organisation')
        .select('is_demo')
        .where('id', '=', organisation.id)
        .executeTakeFirst()
    )?.is_demo,
  )
  return {
    locale,
    title: t('title', { organisation: organisation.name }),
    subtitle: t('subtitle', { period: periodText }),
    created: t('created', { date: formatDate(locale, isoDate(now)) }),
    footer: t('footer', { organisation: organisation.name, period: periodText }),
    isDemo,
    demoNote: t('demo'),
    slides,
    fileStem: `${locale === 'de' ? 'bericht' : 'report'}-${organisation.id}-${period}`,
  }
}
