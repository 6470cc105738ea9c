/**
 * The ring-forming form: method, number and size of rings, weighting, indicators with weights and
 * (for bounded rings) constraints. Hands the checked request to `onSubmit`.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { IndicatorDto } from '../../../../src/contracts/indicators'
import type { FormPeerGroupsRequest } from '../../../../src/contracts/peers'
import { useI18n } from '../../i18n/i18n'
import { pick } from '../../i18n/translate'
import { SelectField, TextAreaField, TextField } from '../form-field'
import { buildFormingRequest, type FormingForm, type LandRule } from './forming-request'

/** The one context indicator the form does not choose at first. */
const NOT_CHOSEN_BY_DEFAULT = 'gdp_per_inhabitant'

export function FormingFormView({
  contextIndicators,
  isRunning,
  onSubmit,
}: {
  contextIndicators: IndicatorDto[]
  isRunning: boolean
  onSubmit: (request: FormPeerGroupsRequest) => void
}) {
  const { t } = useI18n()
  const [form, setForm] = useState<FormingForm>(() => ({
    method: 'rings',
    k: '10',
    minSize: '9',
    maxSize: '12',
    indicators: contextIndicators.map((i) => i.code).filter((code) => code !== NOT_CHOSEN_BY_DEFAULT),
    weighting: 'manual',
    weights: {},
    land: '',
    together: '',
    apart: '',
    pinned: '',
  }))
  const [formError, setFormError] = useState<string | null>(null)
  const update = (changes: Partial<FormingForm>) => setForm((before) => ({ ...before, ...changes }))
  const isRings = form.method === 'rings'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const request = buildFormingRequest(form, t)
    setFormError(typeof request === 'string' ? request : null)
    if (typeof request !== 'string') onSubmit(request)
  }

  return (
    <form className="form forming-form" onSubmit={submit} noValidate>
      <RadioChoices
        legend={t('forming.method')}
        name="method"
        value={form.method}
        onChange={(method) => update({ method })}
        choices={(['rings', 'ward', 'kmeans'] as const).map((m) => ({
          value: m,
          label: t(`forming.method.${m}`),
          hint: t(`forming.method.${m}.hint`),
        }))}
      />
      <div className="form-row compact">
        <CountField
          label={isRings ? t('forming.kRings') : t('forming.kGroups')}
          value={form.k}
          max={104}
          onChange={(k) => update({ k })}
        />
        {isRings && (
          <>
            <CountField
              label={t('forming.minSize')}
              value={form.minSize}
              onChange={(minSize) => update({ minSize })}
            />
            <CountField
              label={t('forming.maxSize')}
              value={form.maxSize}
              onChange={(maxSize) => update({ maxSize })}
            />
          </>
        )}
      </div>
      <RadioChoices
        legend={t('forming.weighting')}
        name="weighting"
        value={form.weighting}
        onChange={(weighting) => update({ weighting })}
        choices={[
          { value: 'manual', label: t('forming.weighting.manual') },
          {
            value: 'regression',
            label: t('forming.weighting.regression'),
            hint: t('forming.weighting.regression.hint'),
          },
        ]}
      />
      <IndicatorChoice
        indicators={contextIndicators}
        form={form}
        onChange={(indicators, weights) => update({ indicators, weights })}
      />
      {isRings && <Constraints form={form} onChange={update} />}
      {formError && (
        <p className="field-error" role="alert">
          {formError}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={isRunning}>
          {t('forming.submit')}
        </button>
      </div>
    </form>
  )
}

function RadioChoices<V extends string>({
  legend,
  name,
  value,
  choices,
  onChange,
}: {
  legend: string
  name: string
  value: V
  choices: { value: V; label: string; hint?: string }[]
  onChange: (value: V) => void
}) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>
            {choice.label}
            {choice.hint && (
              <>
                {' '}
                <span className="muted">{choice.hint}</span>
              </>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  )
}

function CountField({
  label,
  value,
  max,
  onChange,
}: {
  label: string
  value: string
  max?: number
  onChange: (value: string) => void
}) {
  return (
    <TextField
      type="number"
      label={label}
      min={1}
      max={max}
      inputMode="numeric"
      value={value}
      onChange={onChange}
    />
  )
}

/** The context indicators to form by, each with its weight when weights are set by hand. */
function IndicatorChoice({
  indicators,
  form,
  onChange,
}: {
  indicators: IndicatorDto[]
  form: FormingForm
  onChange: (indicators: string[], weights: FormingForm['weights']) => void
}) {
  const { t, locale } = useI18n()
  const chosen = new Set(form.indicators)
  const toggle = (code: string) => {
    if (chosen.has(code)) chosen.delete(code)
    else chosen.add(code)
    // In catalogue order, as the server reports them back.
    onChange(
      indicators.map((i) => i.code).filter((c) => chosen.has(c)),
      form.weights,
    )
  }
  return (
    <fieldset className="indicator-grid">
      <legend>{t('forming.indicators')}</legend>
      {indicators.map((indicator) => {
        const isChosen = chosen.has(indicator.code)
        const name = pick(locale, { de: indicator.nameDe, en: indicator.nameEn })
        return (
          <div key={indicator.code} className="indicator-choice">
            <label className="choice">
              <input type="checkbox" checked={isChosen} onChange={() => toggle(indicator.code)} />
              <span>{name}</span>
            </label>
            {form.weighting === 'manual' && (
              <label className="weight">
                <span className="visually-hidden">{t('forming.weightOf', { name })}</span>
                <span aria-hidden="true">{t('forming.weight')}</span>
                <input
                  type="number"
                  min={0}
                  step={0.5}
                  value={form.weights[indicator.code] ?? '1'}
                  disabled={!isChosen}
                  onChange={(e) =>
                    onChange(form.indicators.slice(), { ...form.weights, [indicator.code]: e.target.value })
                  }
                />
              </label>
            )}
          </div>
        )
      })}
    </fieldset>
  )
}

/** Bounded rings only: the Land rule, pairs together or apart, and pinned members. */
function Constraints({
  form,
  onChange,
}: {
  form: FormingForm
  onChange: (changes: Partial<FormingForm>) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const pairsHint = `${id}-pairs-hint`
  const lines = (label: string, key: 'together' | 'apart' | 'pinned', hint?: ReactNode) => (
    <TextAreaField
      label={label}
      rows={2}
      value={form[key]}
      onChange={(value) => onChange({ [key]: value })}
      describedBy={hint ? undefined : pairsHint}
      hint={hint}
    />
  )
  return (
    <details className="constraints">
      <summary>{t('forming.constraints')}</summary>
      <div className="form-row">
        <SelectField
          label={t('forming.land')}
          value={form.land}
          onChange={(land) => onChange({ land: land as LandRule })}
        >
          <option value="">{t('forming.land.none')}</option>
          <option value="spread">{t('forming.land.spread')}</option>
          <option value="group">{t('forming.land.group')}</option>
        </SelectField>
        {lines(t('forming.together'), 'together')}
        {lines(t('forming.apart'), 'apart')}
        {lines(t('forming.pinned'), 'pinned', t('forming.pinned.hint'))}
      </div>
      <p id={pairsHint} className="hint">
        {t('forming.pairs.hint')}
      </p>
    </details>
  )
}
