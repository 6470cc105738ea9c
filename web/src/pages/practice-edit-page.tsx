import { useRef, useState, type FormEvent } from 'react'
import type { PracticeDto } from '../../../src/contracts/practices'
import {
  createPractice,
  deleteAttachment,
  updatePractice,
  uploadAttachment,
  usePractice,
} from '../api/benchlearning'
import { useSession } from '../api/resources'
import { Link, navigate } from '../app/router'
import type { PageProps } from '../app/routes'
import { ActionError, FormSubmit, useAction } from '../components/benchlearning/common'
import { AttachmentList } from '../components/benchlearning/attachment-list'
import { SavedNotice } from '../components/benchlearning/saved-notice'
import { VISIBILITY_KEYS } from '../components/benchlearning/practice-labels'
import { Page } from '../components/page'
import { ErrorView, Loading } from '../components/state-views'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import type { MessageKey } from '../i18n/messages'
import {
  ActionButton,
  LabelledOptions,
  SelectField,
  TextAreaField,
  TextField,
  useFormValues,
} from '../components/form-field'
import { OrganisationField } from '../components/organisation-field'

/** New practice card (/practices/new) or editing one (/practices/:id/edit) with its attachments. */
export default function PracticeEditPage({ params }: PageProps) {
  useTexts(benchlearningTexts)
  const { t } = useI18n()
  const id = params.id ? Number(params.id) : null
  const practice = usePractice(id)
  if (id === null) return <PracticeForm practice={null} />
  if (practice.status !== 'success')
    return (
      <Page title={t('practiceEdit.editTitle')}>
        {practice.status === 'loading' ? (
          <Loading />
        ) : (
          <ErrorView error={practice.error} onRetry={practice.reload} />
        )}
      </Page>
    )
  return <PracticeForm practice={practice.data} />
}

const splitList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const TEXT_FIELDS: {
  key: 'problem' | 'approach' | 'resources' | 'results' | 'contact'
  label: MessageKey
}[] = [
  { key: 'problem', label: 'practice.problem' },
  { key: 'approach', label: 'practice.approach' },
  { key: 'resources', label: 'practice.resources' },
  { key: 'results', label: 'practice.results' },
  { key: 'contact', label: 'practice.contact' },
]

function PracticeForm({ practice }: { practice: PracticeDto | null }) {
  const { t } = useI18n()
  const session = useSession()
  const action = useAction()
  const ownOrganisation = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  const form = useFormValues({
    title: practice?.title ?? '',
    problem: practice?.problem ?? '',
    approach: practice?.approach ?? '',
    resources: practice?.resources ?? '',
    results: practice?.results ?? '',
    contact: practice?.contact ?? '',
    visibility: practice?.visibility ?? 'ring',
    topics: practice?.topics.join(', ') ?? '',
    figures: practice?.figureCodes.join(', ') ?? '',
    status: practice?.status ?? 'draft',
    organisationId: '',
  })
  // Texts that name an organisation: saved, but the author sees why and may edit them first.
  const [nameWarnings, setNameWarnings] = useState<{ id: number; fields: string[]; names: string[] } | null>(
    null,
  )
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    let savedId = practice?.id ?? 0
    let hasWarnings = false
    const { organisationId, topics, figures, visibility, status, ...texts } = form.values
    const fields = {
      ...texts,
      visibility: visibility as PracticeDto['visibility'],
      topics: splitList(topics),
      figureCodes: splitList(figures).map((code) => code.toUpperCase()),
      status: status as PracticeDto['status'],
    }
    const ok = await action.run(async () => {
      const saved = practice
        ? await updatePractice(practice.id, fields)
        : await createPractice({
            ...fields,
            ...(organisationId ? { organisationId: Number(organisationId) } : {}),
          })
      savedId = saved.id
      const names = [...new Set(saved.warnings.flatMap((w) => w.organisations.map((o) => o.name)))]
      setNameWarnings(
        names.length > 0 ? { id: saved.id, fields: saved.warnings.map((w) => w.field), names } : null,
      )
      hasWarnings = names.length > 0
    })
    // A confirmation on the page it goes to (components/benchlearning/saved-notice.tsx).
    if (ok && !hasWarnings)
      navigate(practice ? `/practices/${savedId}?saved=updated` : `/practices/${savedId}/edit?saved=created`)
  }
  return (
    <Page
      title={practice ? t('practiceEdit.editTitle') : t('practiceEdit.newTitle')}
      intro={t('practiceEdit.intro')}
    >
      <SavedNotice messages={{ created: 'practiceEdit.created' }} />
      <p>
        <Link href={practice ? `/practices/${practice.id}` : '/practices'}>{t('practiceEdit.back')}</Link>
      </p>
      {nameWarnings && (
        <div className="panel warning" role="alert">
          <p>
            {t('practiceEdit.namesWarning', {
              names: nameWarnings.names.join(', '),
              fields: nameWarnings.fields.join(', '),
            })}
          </p>
          <p>
            <Link href={`/practices/${nameWarnings.id}`}>{t('practiceEdit.namesWarningKeep')}</Link>
          </p>
        </div>
      )}
      <form className="panel form" onSubmit={submit}>
        <div className="form-row">
          <TextField
            id="practice-title"
            label={t('practiceEdit.titleField')}
            required
            minLength={3}
            {...form.field('title')}
          />
          {!practice && ownOrganisation === null && (
            <OrganisationField
              id="practice-org"
              label={t('practice.organisation')}
              emptyLabel={t('practiceEdit.chooseOrganisation')}
              required
              {...form.field('organisationId')}
            />
          )}
        </div>
        {TEXT_FIELDS.map(({ key, label }) => (
          <TextAreaField
            key={key}
            id={`practice-${key}`}
            label={t(label)}
            rows={key === 'contact' ? 2 : 4}
            {...form.field(key)}
          />
        ))}
        <div className="form-row">
          <TextField
            id="practice-topics"
            label={t('practices.topics')}
            hint={t('practiceEdit.listHint')}
            {...form.field('topics')}
          />
          <TextField
            id="practice-figures"
            label={t('practices.figures')}
            hint={t('practiceEdit.figuresHint')}
            {...form.field('figures')}
          />
        </div>
        <div className="form-row">
          <SelectField
            id="practice-visibility-field"
            label={t('practices.visibility')}
            {...form.field('visibility')}
          >
            <LabelledOptions labels={VISIBILITY_KEYS} />
          </SelectField>
          <SelectField
            id="practice-status-field"
            label={t('practices.statusLabel')}
            {...form.field('status')}
          >
            <option value="draft">{t('practices.draft')}</option>
            <option value="published">{t('practiceEdit.publish')}</option>
          </SelectField>
        </div>
        <FormSubmit action={action} label={practice ? t('practiceEdit.save') : t('practiceEdit.create')} />
      </form>
      {practice && practice.abilities.canAttach && <Attachments practice={practice} />}
    </Page>
  )
}

function Attachments({ practice }: { practice: PracticeDto }) {
  const { t } = useI18n()
  const action = useAction()
  const input = useRef<HTMLInputElement>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const file = input.current?.files?.[0]
    if (!file) return
    if ((await action.run(() => uploadAttachment(practice.id, file))) && input.current)
      input.current.value = ''
  }
  return (
    <section className="panel" aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('practice.attachments')}</h2>
      <AttachmentList
        attachments={practice.attachments}
        action={(a) => (
          <ActionButton
            action={action}
            className="button secondary small"
            aria-label={t('practiceEdit.removeAttachment', { name: a.fileName })}
            task={() => deleteAttachment(practice.id, a.id)}
          >
            {t('agenda.removeShort')}
          </ActionButton>
        )}
      />
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="attachment-file">{t('practiceEdit.file')}</label>
          <input id="attachment-file" ref={input} type="file" required />
          <p className="hint">{t('practiceEdit.fileHint')}</p>
        </div>
        <button type="submit" className="button secondary" disabled={action.isBusy}>
          {action.isBusy ? t('meetings.saving') : t('practiceEdit.upload')}
        </button>
      </form>
      <ActionError error={action.error} />
    </section>
  )
}
