import { useState, type FormEvent } from 'react'
import type { CreateCollectionRequest } from '../../../src/contracts/collections'
import { createCollection, useCollections } from '../api/collections'
import { useRings, useSession } from '../api/resources'
import { can } from '../app/access'
import { Link, navigate } from '../app/router'
import type { PageProps } from '../app/routes'
import { FormSubmit, useAction } from '../components/benchlearning/common'
import { CollectionReminder } from '../components/collections/collection-reminder'
import { Page } from '../components/page'
import { ToggleButton } from '../components/toggle-button'
import { Empty, QueryView } from '../components/state-views'
import { collectionsTexts } from '../i18n/collections-texts'
import { useI18n, useTexts } from '../i18n/i18n'
import { formatDate } from '../i18n/translate'
import '../components/collections/collections.css'

/**
 * Erhebungen: the collections the caller takes part in (with the own organisation's state and the
 * moderation's reminder) and, for moderators, the form that defines a new one.
 */
export default function CollectionsPage(_props: PageProps) {
  useTexts(collectionsTexts)
  const { t, locale } = useI18n()
  const collections = useCollections()
  const session = useSession()
  const [isDefining, setIsDefining] = useState(false)
  const canManage = can(session.data, 'manageCollections')
  return (
    <Page
      title={t('collections.title')}
      intro={t('collections.intro')}
      actions={
        canManage && (
          <ToggleButton isOpen={isDefining} onToggle={setIsDefining}>
            {t('collections.define')}
          </ToggleButton>
        )
      }
    >
      {isDefining && <DefineCollection />}
      <QueryView query={collections}>
        {(data) =>
          data.collections.length === 0 ? (
            <Empty>{t('collections.empty')}</Empty>
          ) : (
            <ul className="collection-list">
              {data.collections.map((c) => (
                <li key={c.id} className="panel">
                  <h2>
                    <Link href={`/collections/${c.id}`}>{c.title}</Link>
                  </h2>
                  {c.isDemo && <p className="hint">{t('collections.demo')}</p>}
                  <p className="muted">
                    {t('collections.deadline')}: {formatDate(locale, c.deadline)} · {t('collections.periods')}
                    : {c.periods.join(', ')} ·{' '}
                    <span className="status-badge">{t(`collections.status.${c.status}`)}</span>
                    {c.isOverdue && ` · ${t('collections.overdue')}`} ·{' '}
                    {t('collections.submittedCount', {
                      submitted: c.submittedCount,
                      total: c.organisationCount,
                    })}
                    {c.own && ` · ${t(`collections.own.${c.own.status}`)}`}
                  </p>
                  <CollectionReminder collection={c} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </Page>
  )
}

interface IndicatorDraft {
  code: string
  nameDe: string
  nameEn: string
  unit: string
  definitionDe: string
  allowedMin: string
  allowedMax: string
  polarity: 'higher_is_better' | 'lower_is_better' | 'neutral'
  breakdowns: string
  figureCode: string
}

const EMPTY_INDICATOR: IndicatorDraft = {
  code: '',
  nameDe: '',
  nameEn: '',
  unit: '',
  definitionDe: '',
  allowedMin: '',
  allowedMax: '',
  polarity: 'neutral',
  breakdowns: 'total',
  figureCode: '',
}

/** A number typed with a decimal comma or point; empty: no bound. */
const optionalNumber = (text: string) => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')))
const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)

function DefineCollection() {
  const { t } = useI18n()
  const rings = useRings()
  const action = useAction()
  const [title, setTitle] = useState('')
  const [instructions, setInstructions] = useState('')
  const [frequency, setFrequency] = useState<'yearly' | 'monthly'>('yearly')
  const [periods, setPeriods] = useState('')
  const [ringIds, setRingIds] = useState<number[]>([])
  const [deadline, setDeadline] = useState('')
  const [isDeliverersOnly, setIsDeliverersOnly] = useState(false)
  const [threshold, setThreshold] = useState('30')
  const [indicators, setIndicators] = useState<IndicatorDraft[]>([{ ...EMPTY_INDICATOR }])
  const change = (index: number, patch: Partial<IndicatorDraft>) =>
    setIndicators((before) => before.map((i, n) => (n === index ? { ...i, ...patch } : i)))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const request: CreateCollectionRequest = {
      title,
      instructions,
      frequency,
      periods: list(periods),
      ringIds,
      deadline,
      isResultsForDeliverersOnly: isDeliverersOnly,
      changeThresholdPercent: Number(threshold.replace(',', '.')),
      indicators: indicators.map((i) => ({
        code: i.code.trim(),
        figureCode: i.figureCode.trim() === '' ? null : i.figureCode.trim(),
        definition:
          i.nameDe.trim() === ''
            ? undefined
            : {
                nameDe: i.nameDe,
                nameEn: i.nameEn || i.nameDe,
                unit: i.unit,
                definitionDe: i.definitionDe,
                definitionEn: '',
                allowedMin: optionalNumber(i.allowedMin),
                allowedMax: optionalNumber(i.allowedMax),
                polarity: i.polarity,
                breakdowns: list(i.breakdowns),
              },
      })),
    }
    await action.run(async () => {
      const created = await createCollection(request)
      navigate(`/collections/${created.id}`)
    })
  }
  return (
    <form className="form panel" onSubmit={submit} aria-labelledby="define-heading">
      <h2 id="define-heading">{t('collections.defineTitle')}</h2>
      <div className="field">
        <label htmlFor="c-title">{t('collections.field.title')}</label>
        <input
          id="c-title"
          required
          minLength={3}
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="c-instructions">{t('collections.field.instructions')}</label>
        <textarea
          id="c-instructions"
          rows={3}
          maxLength={50000}
          value={instructions}
          onChange={(e) => setInstructions(e.target.value)}
        />
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor="c-frequency">{t('collections.field.frequency')}</label>
          <select
            id="c-frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.target.value as 'yearly' | 'monthly')}
          >
            <option value="yearly">{t('collections.frequency.yearly')}</option>
            <option value="monthly">{t('collections.frequency.monthly')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-periods">{t('collections.field.periods')}</label>
          <input
            id="c-periods"
            required
            maxLength={400}
            value={periods}
            onChange={(e) => setPeriods(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="c-deadline">{t('collections.field.deadline')}</label>
          <input
            id="c-deadline"
            type="date"
            required
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="c-threshold">{t('collections.field.threshold')}</label>
          <input
            id="c-threshold"
            inputMode="decimal"
            maxLength={10}
            value={threshold}
            onChange={(e) => setThreshold(e.target.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('collections.field.rings')}</legend>
        {(rings.data?.rings ?? []).map((ring) => (
          <label key={ring.id} className="field inline">
            <input
              type="checkbox"
              checked={ringIds.includes(ring.id)}
              onChange={(e) =>
                setRingIds((before) =>
                  e.target.checked ? [...before, ring.id] : before.filter((id) => id !== ring.id),
                )
              }
            />{' '}
            {ring.code} {ring.name}
          </label>
        ))}
      </fieldset>
      <label className="field inline">
        <input
          type="checkbox"
          checked={isDeliverersOnly}
          onChange={(e) => setIsDeliverersOnly(e.target.checked)}
        />{' '}
        {t('collections.field.deliverersOnly')}
      </label>
      <h3>{t('collections.indicators')}</h3>
      <p className="hint">{t('collections.indicatorHint')}</p>
      {indicators.map((indicator, index) => (
        <fieldset key={index} className="panel">
          <legend>
            {t('collections.indicators')} {index + 1}
          </legend>
          <div className="form-row">
            <IndicatorField
              id={`i${index}-code`}
              label={t('collections.field.code')}
              value={indicator.code}
              onChange={(code) => change(index, { code })}
              isRequired
            />
            <IndicatorField
              id={`i${index}-nameDe`}
              label={t('collections.field.nameDe')}
              value={indicator.nameDe}
              onChange={(nameDe) => change(index, { nameDe })}
            />
            <IndicatorField
              id={`i${index}-nameEn`}
              label={t('collections.field.nameEn')}
              value={indicator.nameEn}
              onChange={(nameEn) => change(index, { nameEn })}
            />
            <IndicatorField
              id={`i${index}-unit`}
              label={t('collections.field.unit')}
              value={indicator.unit}
              onChange={(unit) => change(index, { unit })}
            />
          </div>
          <IndicatorField
            id={`i${index}-definition`}
            label={t('collections.field.definitionDe')}
            value={indicator.definitionDe}
            onChange={(definitionDe) => change(index, { definitionDe })}
          />
          <div className="form-row">
            <IndicatorField
              id={`i${index}-min`}
              label={t('collections.field.min')}
              value={indicator.allowedMin}
              onChange={(allowedMin) => change(index, { allowedMin })}
            />
            <IndicatorField
              id={`i${index}-max`}
              label={t('collections.field.max')}
              value={indicator.allowedMax}
              onChange={(allowedMax) => change(index, { allowedMax })}
            />
            <div className="field">
              <label htmlFor={`i${index}-polarity`}>{t('collections.field.polarity')}</label>
              <select
                id={`i${index}-polarity`}
                value={indicator.polarity}
                onChange={(e) => change(index, { polarity: e.target.value as IndicatorDraft['polarity'] })}
              >
                {(['higher_is_better', 'lower_is_better', 'neutral'] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`collections.polarity.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <IndicatorField
              id={`i${index}-breakdowns`}
              label={t('collections.field.breakdowns')}
              value={indicator.breakdowns}
              onChange={(breakdowns) => change(index, { breakdowns })}
            />
            <IndicatorField
              id={`i${index}-figure`}
              label={t('collections.field.figure')}
              value={indicator.figureCode}
              onChange={(figureCode) => change(index, { figureCode })}
            />
          </div>
          {indicators.length > 1 && (
            <button
              type="button"
              className="button secondary"
              onClick={() => setIndicators((before) => before.filter((_, n) => n !== index))}
            >
              {t('collections.removeIndicator')}
            </button>
          )}
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          onClick={() => setIndicators((before) => [...before, { ...EMPTY_INDICATOR }])}
        >
          {t('collections.addIndicator')}
        </button>
      </div>
      <FormSubmit action={action} label={t('collections.create')} />
    </form>
  )
}

function IndicatorField(props: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  isRequired?: boolean
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        required={props.isRequired}
        maxLength={1000}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  )
}
