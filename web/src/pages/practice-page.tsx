import { useState, type FormEvent } from 'react'
import type { PracticeDto } from '../../../src/contracts/practices'
import { adoptPractice, usePractice } from '../api/benchlearning'
import { useRings, useSession } from '../api/resources'
import { Link } from '../app/router'
import type { PageProps } from '../app/routes'
import { FormSubmit, todayIso, useAction } from '../components/benchlearning/common'
import { AttachmentList } from '../components/benchlearning/attachment-list'
import { EffectCheck } from '../components/benchlearning/effect-check'
import { SavedNotice } from '../components/benchlearning/saved-notice'
import { VISIBILITY_KEYS } from '../components/benchlearning/practice-labels'
import { Page } from '../components/page'
import { ErrorView, Loading } from '../components/state-views'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import { formatDate } from '../i18n/translate'
import { SelectField, TextAreaField, TextField, useFormValues } from '../components/form-field'
import { organisationName } from '../lib/labels'

/** One practice card: the text, attachments, adoptions with their effect check, and the adopt form. */
export default function PracticePage({ params }: PageProps) {
  useTexts(benchlearningTexts)
  const { t } = useI18n()
  const id = Number(params.id)
  const practice = usePractice(Number.isInteger(id) && id > 0 ? id : null)
  if (practice.status !== 'success')
    return (
      <Page title={t('practice.title')}>
        {practice.status === 'loading' ? (
          <Loading />
        ) : (
          <ErrorView error={practice.error} onRetry={practice.reload} />
        )}
        <p>
          <Link href="/practices">{t('practice.back')}</Link>
        </p>
      </Page>
    )
  return <PracticeView practice={practice.data} />
}

function PracticeView({ practice }: { practice: PracticeDto }) {
  const { t, locale } = useI18n()
  const sections = [
    ['practice.problem', practice.problem],
    ['practice.approach', practice.approach],
    ['practice.resources', practice.resources],
    ['practice.results', practice.results],
    ['practice.contact', practice.contact],
  ] as const
  return (
    <Page
      title={practice.title}
      intro={`${organisationName(locale, practice.organisation)} · ${t(VISIBILITY_KEYS[practice.visibility])}`}
      actions={
        practice.abilities.canEdit && (
          <Link className="button secondary small" href={`/practices/${practice.id}/edit`}>
            {t('practice.edit')}
          </Link>
        )
      }
    >
      <SavedNotice messages={{ updated: 'practiceEdit.updated' }} />
      <p>
        <Link href="/practices">{t('practice.back')}</Link>
      </p>
      {practice.status === 'draft' && (
        <p className="notice-bar" role="note">
          {t('practice.draftNote')}
        </p>
      )}
      <section className="panel" aria-labelledby="card-heading">
        <h2 id="card-heading">{t('practice.card')}</h2>
        <dl className="facts wide">
          <div>
            <dt>{t('practice.organisation')}</dt>
            <dd>{organisationName(locale, practice.organisation)}</dd>
          </div>
          {practice.ring && (
            <div>
              <dt>{t('meetings.ring')}</dt>
              <dd>{practice.ring.name}</dd>
            </div>
          )}
          <div>
            <dt>{t('practices.topics')}</dt>
            <dd>{practice.topics.join(', ') || '–'}</dd>
          </div>
          <div>
            <dt>{t('practices.figures')}</dt>
            <dd>{practice.figureCodes.join(', ') || '–'}</dd>
          </div>
          {practice.publishedAt && (
            <div>
              <dt>{t('practice.publishedAt')}</dt>
              <dd>{formatDate(locale, practice.publishedAt)}</dd>
            </div>
          )}
        </dl>
        {sections.map(([key, text]) =>
          text ? (
            <div key={key} className="card-section">
              <h3>{t(key)}</h3>
              <p className="minutes-text">{text}</p>
            </div>
          ) : null,
        )}
        <h3 className="attachments-heading">{t('practice.attachments')}</h3>
        <AttachmentList attachments={practice.attachments} />
      </section>
      <Adoptions practice={practice} />
      {practice.abilities.canAdopt && <AdoptForm practice={practice} />}
    </Page>
  )
}

function Adoptions({ practice }: { practice: PracticeDto }) {
  const { t, locale } = useI18n()
  return (
    <section className="panel" aria-labelledby="adoptions-heading">
      <h2 id="adoptions-heading">{t('practice.adoptions')}</h2>
      <p className="hint">{t('practice.adoptionCount', { count: practice.adoptionCount })}</p>
      {practice.adoptions.length === 0 ? (
        <p className="muted">{t('practice.noAdoptions')}</p>
      ) : (
        <ul className="item-list">
          {practice.adoptions.map((a) => (
            <li key={a.id}>
              <div className="item-head">
                <h3>{organisationName(locale, a.organisation)}</h3>
                <span className="muted">
                  {t('practice.startedOn', { date: formatDate(locale, a.startedOn) })}
                </span>
              </div>
              {a.note && <p>{a.note}</p>}
              <h4>{t('effect.title')}</h4>
              {a.canViewEffect && a.effectUrl ? (
                <EffectCheck effectUrl={a.effectUrl} adopter={organisationName(locale, a.organisation)} />
              ) : (
                <p className="muted">{t('effect.hidden')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function AdoptForm({ practice }: { practice: PracticeDto }) {
  const { t } = useI18n()
  const session = useSession()
  const rings = useRings()
  const action = useAction()
  const form = useFormValues(() => ({ startedOn: todayIso(), note: '', organisationId: '' }))
  const [isDone, setIsDone] = useState(false)
  const ownOrganisation = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  // Without an own organisation (moderation, administration) the adopter is chosen.
  const candidates =
    ownOrganisation === null
      ? (rings.data?.rings ?? [])
          .filter((r) => practice.ring === null || r.id === practice.ring.id)
          .flatMap((r) => r.members)
      : []
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setIsDone(false)
    const { startedOn, note, organisationId } = form.values
    const ok = await action.run(() =>
      adoptPractice(practice.id, {
        startedOn,
        note,
        ...(organisationId ? { organisationId: Number(organisationId) } : {}),
      }),
    )
    if (ok) setIsDone(true)
  }
  return (
    <section className="panel" aria-labelledby="adopt-heading">
      <h2 id="adopt-heading">{t('practice.adopt')}</h2>
      <p className="hint">{t('practice.adoptHint')}</p>
      <form className="form" onSubmit={submit}>
        <div className="form-row">
          {ownOrganisation === null && (
            <SelectField
              id="adopt-org"
              label={t('practice.adopter')}
              required
              {...form.field('organisationId')}
            >
              <option value="">{t('practice.chooseAdopter')}</option>
              {candidates.map((m) => (
                <option key={m.organisationId} value={m.organisationId}>
                  {m.name}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            id="adopt-start"
            label={t('practice.startDate')}
            type="date"
            required
            {...form.field('startedOn')}
          />
        </div>
        <TextAreaField id="adopt-note" label={t('practice.note')} rows={2} {...form.field('note')} />
        <FormSubmit
          action={action}
          label={t('practice.adoptSubmit')}
          doneNote={isDone && t('practice.adopted')}
        />
      </form>
    </section>
  )
}
