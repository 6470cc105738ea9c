/**
 * Minutes and follow-ups of a meeting: minutes per agenda item (the moderation writes them),
 * decisions, action items with owner, due date and status, members' comments before approval, and
 * the approval that closes the minutes.
 */
import { useState, type FormEvent } from 'react'
import type { ActionItemDto, AgendaItemDto, MeetingDetailDto } from '../../../../src/contracts/meetings'
import {
  addActionItem,
  addComment,
  addDecision,
  approveMinutes,
  updateActionStatus,
  updateAgendaItem,
} from '../../api/benchlearning'
import { useI18n } from '../../i18n/i18n'
import type { MessageKey } from '../../i18n/messages'
import { formatDate, formatDateTime } from '../../i18n/translate'
import { Empty } from '../state-views'
import type { NameWarningDto } from '../../../../src/contracts/name-warnings'
import { ActionError, FormSubmit, NameWarnings, useAction } from './common'
import { ParticipantSelect } from './participant-options'
import {
  ActionButton,
  LabelledOptions,
  SelectField,
  TextAreaField,
  TextField,
  useFormValues,
} from '../form-field'
import { ConfirmedSelect } from '../confirmed-select'
import { TableScroll } from '../table-scroll'

export const ACTION_STATUS_KEYS: Record<ActionItemDto['status'], MessageKey> = {
  open: 'actions.status.open',
  in_progress: 'actions.status.in_progress',
  done: 'actions.status.done',
  cancelled: 'actions.status.cancelled',
}

export function MeetingMinutes({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, locale } = useI18n()
  const canEdit = meeting.abilities.canEditMinutes === true
  const hasMinutes = meeting.agenda.some((i) => i.minutes) || meeting.decisions.length > 0
  if (!canEdit && !hasMinutes && meeting.actions.length === 0 && !meeting.abilities.canComment) return null
  return (
    <section className="panel" aria-labelledby="minutes-heading">
      <div className="panel-header">
        <h2 id="minutes-heading">{t('minutes.title')}</h2>
        {meeting.minutesApprovedAt && (
          <span className="status-badge status-minutes_approved">
            {t('minutes.approvedAt', { date: formatDateTime(locale, meeting.minutesApprovedAt) })}
          </span>
        )}
      </div>
      {!meeting.minutesApprovedAt && (hasMinutes || canEdit) && (
        <p className="hint">{t('minutes.draftHint')}</p>
      )}
      {meeting.agenda.length === 0 ? (
        <Empty>{t('minutes.noAgenda')}</Empty>
      ) : (
        <ol className="item-list" aria-label={t('minutes.perItem')}>
          {meeting.agenda.map((item) => (
            <li key={item.id}>
              <h3>
                {item.position}. {item.title}
              </h3>
              {canEdit ? (
                <ItemMinutesEditor item={item} />
              ) : item.minutes ? (
                <p className="minutes-text">{item.minutes}</p>
              ) : (
                <p className="muted">{t('minutes.noMinutes')}</p>
              )}
              <ItemDecisions meeting={meeting} item={item} />
            </li>
          ))}
        </ol>
      )}
      <Decisions meeting={meeting} />
      <Actions meeting={meeting} />
      <Comments meeting={meeting} />
      {meeting.abilities.canApproveMinutes === true && <Approve meeting={meeting} />}
    </section>
  )
}

function ItemMinutesEditor({ item }: { item: AgendaItemDto }) {
  const { t } = useI18n()
  const action = useAction()
  const [text, setText] = useState(item.minutes ?? '')
  const [isSaved, setIsSaved] = useState(false)
  const id = `minutes-${item.id}`
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setIsSaved(false)
    if (await action.run(() => updateAgendaItem(item.id, { minutes: text || null }))) setIsSaved(true)
  }
  return (
    <form className="form" onSubmit={save}>
      <TextAreaField
        id={id}
        label={t('minutes.itemLabel', { title: item.title })}
        value={text}
        onChange={setText}
        rows={3}
      />
      <FormSubmit
        action={action}
        label={t('minutes.save')}
        buttonClass="button secondary small"
        doneNote={isSaved && t('minutes.saved')}
      />
    </form>
  )
}

function ItemDecisions({ meeting, item }: { meeting: MeetingDetailDto; item: AgendaItemDto }) {
  const { t } = useI18n()
  const decisions = meeting.decisions.filter((d) => d.agendaItemId === item.id)
  const actions = meeting.actions.filter((a) => a.agendaItemId === item.id)
  if (decisions.length === 0 && actions.length === 0) return null
  return (
    <ul className="plain-list">
      {decisions.map((d) => (
        <li key={`d${d.id}`}>
          <strong>{t('minutes.decision')}:</strong> {d.text}
        </li>
      ))}
      {actions.map((a) => (
        <li key={`a${a.id}`}>
          <strong>{t('minutes.action')}:</strong> {a.title}
        </li>
      ))}
    </ul>
  )
}

function ItemSelect({
  id,
  meeting,
  value,
  onChange,
}: {
  id: string
  meeting: MeetingDetailDto
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useI18n()
  return (
    <SelectField id={id} label={t('minutes.forItem')} value={value} onChange={onChange}>
      <option value="">{t('minutes.wholeMeeting')}</option>
      {meeting.agenda.map((item) => (
        <option key={item.id} value={item.id}>
          {item.position}. {item.title}
        </option>
      ))}
    </SelectField>
  )
}

function Decisions({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  const form = useFormValues({ text: '', itemId: '' })
  const canEdit = meeting.abilities.canEditMinutes === true
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { text, itemId } = form.values
    if (await action.run(() => addDecision(meeting.id, itemId ? Number(itemId) : null, text)))
      form.set({ text: '' })
  }
  return (
    <section aria-labelledby="decisions-heading">
      <h3 id="decisions-heading">{t('minutes.decisions')}</h3>
      {meeting.decisions.length === 0 ? (
        <p className="muted">{t('minutes.noDecisions')}</p>
      ) : (
        <ul className="plain-list">
          {meeting.decisions.map((d) => (
            <li key={d.id}>{d.text}</li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form className="form" onSubmit={submit}>
          <div className="form-row">
            <TextField id="decision-text" label={t('minutes.newDecision')} required {...form.field('text')} />
            <ItemSelect id="decision-item" meeting={meeting} {...form.field('itemId')} />
          </div>
          <FormSubmit action={action} label={t('minutes.addDecision')} buttonClass="button secondary small" />
        </form>
      )}
    </section>
  )
}

function Actions({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  const form = useFormValues({ title: '', owner: '', dueOn: '', itemId: '' })
  const canEdit = meeting.abilities.canEditMinutes === true
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const { title, owner, dueOn, itemId } = form.values
    const isDone = await action.run(() =>
      addActionItem(meeting.id, {
        agendaItemId: itemId ? Number(itemId) : null,
        title,
        ownerOrganisationId: owner ? Number(owner) : null,
        dueOn: dueOn || null,
      }),
    )
    if (isDone) form.set({ title: '', dueOn: '' })
  }
  return (
    <section aria-labelledby="actions-heading">
      <h3 id="actions-heading">{t('minutes.actions')}</h3>
      {meeting.actions.length === 0 ? (
        <p className="muted">{t('minutes.noActions')}</p>
      ) : (
        <ActionTable actions={meeting.actions} caption={t('minutes.actions')} />
      )}
      {canEdit && (
        <form className="form" onSubmit={submit}>
          <div className="form-row">
            <TextField id="action-title" label={t('minutes.newAction')} required {...form.field('title')} />
            <ParticipantSelect
              id="action-owner"
              label={t('actions.owner')}
              required
              {...form.field('owner')}
              noneLabel={t('actions.chooseOwner')}
              meeting={meeting}
            />
          </div>
          <div className="form-row">
            <TextField id="action-due" label={t('actions.dueOn')} type="date" {...form.field('dueOn')} />
            <ItemSelect id="action-item" meeting={meeting} {...form.field('itemId')} />
          </div>
          <FormSubmit action={action} label={t('minutes.addAction')} buttonClass="button secondary small" />
        </form>
      )}
    </section>
  )
}

/** Action items with owner, due date and a status select where the caller may change it. */
export function ActionTable({ actions, caption }: { actions: ActionItemDto[]; caption: string }) {
  const { t, locale } = useI18n()
  const action = useAction()
  return (
    <>
      <TableScroll label={caption}>
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.titleColumn')}</th>
              <th scope="col">{t('actions.owner')}</th>
              <th scope="col">{t('actions.dueOn')}</th>
              <th scope="col">{t('actions.statusLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td>{[a.ownerOrganisation?.name, a.ownerUser?.name].filter(Boolean).join(', ') || '–'}</td>
                <td className={a.isOverdue ? 'overdue' : undefined}>
                  {a.dueOn ? formatDate(locale, a.dueOn) : '–'}
                  {a.isOverdue && ` (${t('actions.overdue')})`}
                </td>
                <td>
                  {a.abilities.canUpdateStatus === true || a.abilities.canEdit === true ? (
                    <ConfirmedSelect
                      label={t('actions.statusOf', { title: a.title })}
                      value={a.status}
                      disabled={action.isBusy}
                      onSave={(status) =>
                        action.run(() => updateActionStatus(a.id, status as ActionItemDto['status']))
                      }
                    >
                      <LabelledOptions labels={ACTION_STATUS_KEYS} />
                    </ConfirmedSelect>
                  ) : (
                    t(ACTION_STATUS_KEYS[a.status])
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <ActionError error={action.error} />
    </>
  )
}

function Comments({ meeting }: { meeting: MeetingDetailDto }) {
  const { t, locale } = useI18n()
  const action = useAction()
  const form = useFormValues({ text: '', itemId: '' })
  const [warnings, setWarnings] = useState<NameWarningDto[]>([])
  const canComment = meeting.abilities.canComment === true
  if (!canComment && meeting.comments.length === 0) return null
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setWarnings([])
    const { text, itemId } = form.values
    const isDone = await action.run(async () => {
      const created = await addComment(meeting.id, itemId ? Number(itemId) : null, text)
      setWarnings(created.warnings ?? [])
    })
    if (isDone) form.set({ text: '' })
  }
  return (
    <section aria-labelledby="comments-heading">
      <h3 id="comments-heading">{t('minutes.comments')}</h3>
      {meeting.comments.length === 0 ? (
        <p className="muted">{t('minutes.noComments')}</p>
      ) : (
        <ul className="item-list">
          {meeting.comments.map((c) => {
            const item = meeting.agenda.find((i) => i.id === c.agendaItemId)
            return (
              <li key={c.id}>
                <p className="item-meta">
                  {[c.author?.name, c.organisation?.name].filter(Boolean).join(', ')} ·{' '}
                  {formatDateTime(locale, c.createdAt)}
                  {item ? ` · ${item.position}. ${item.title}` : ''}
                </p>
                <p className="minutes-text">{c.text}</p>
              </li>
            )
          })}
        </ul>
      )}
      {canComment && (
        <form className="form" onSubmit={submit}>
          <TextAreaField
            id="comment-text"
            label={t('minutes.newComment')}
            required
            rows={3}
            {...form.field('text')}
          />
          <ItemSelect id="comment-item" meeting={meeting} {...form.field('itemId')} />
          <FormSubmit
            action={action}
            label={t('minutes.addComment')}
            buttonClass="button secondary small"
            notice={<NameWarnings warnings={warnings} />}
          />
        </form>
      )}
    </section>
  )
}

function Approve({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const action = useAction()
  const [isConfirming, setIsConfirming] = useState(false)
  return (
    <section aria-labelledby="approve-heading" className="stack">
      <h3 id="approve-heading">{t('minutes.approve')}</h3>
      <p className="hint">{t('minutes.approveHint', { comments: meeting.comments.length })}</p>
      <ActionError error={action.error} />
      {isConfirming ? (
        <div className="button-row">
          <ActionButton action={action} className="button primary" task={() => approveMinutes(meeting.id)}>
            {t('minutes.approveConfirm')}
          </ActionButton>
          <button type="button" className="button secondary" onClick={() => setIsConfirming(false)}>
            {t('meetings.cancel')}
          </button>
        </div>
      ) : (
        <div className="button-row">
          <button type="button" className="button primary" onClick={() => setIsConfirming(true)}>
            {t('minutes.approve')}
          </button>
        </div>
      )}
    </section>
  )
}
