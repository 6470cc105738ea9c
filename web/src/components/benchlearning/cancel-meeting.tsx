/** Cancelling a meeting (moderation), with a reason and after an explicit confirmation dialog. */
import { useId, useRef, useState } from 'react'
import type { MeetingDetailDto } from '../../../../src/contracts/meetings'
import { cancelMeeting } from '../../api/benchlearning'
import { useI18n } from '../../i18n/i18n'
import { formatDateTime } from '../../i18n/translate'
import { TextAreaField } from '../form-field'
import { ActionError, useAction } from './common'

export function CancelMeeting({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const id = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const [reason, setReason] = useState('')
  const action = useAction()
  const hasReason = reason.trim().length > 0
  const confirm = () => {
    dialog.current?.close()
    void action.run(() => cancelMeeting(meeting.id, reason.trim()))
  }
  return (
    <div className="stack">
      <h3>{t('meeting.cancel')}</h3>
      <p className="hint">
        {t(meeting.status === 'invited' ? 'meeting.cancelHintInvited' : 'meeting.cancelHint')}
      </p>
      <TextAreaField label={t('meeting.cancelReason')} value={reason} onChange={setReason} maxLength={1000} />
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={!hasReason || action.isBusy}
          onClick={() => dialog.current?.showModal()}
        >
          {t('meeting.cancelButton')}
        </button>
      </div>
      <ActionError error={action.error} />
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`}>{t('meeting.cancelConfirmTitle')}</h2>
        <p id={`${id}-text`}>{t('meeting.cancelConfirmText', { title: meeting.title })}</p>
        <div className="button-row">
          <button type="button" className="button primary" onClick={confirm}>
            {t('meeting.cancelConfirm')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => dialog.current?.close()}
            autoFocus
          >
            {t('meeting.cancelKeep')}
          </button>
        </div>
      </dialog>
    </div>
  )
}

/** Why and when the meeting was cancelled, shown instead of the moderation's steps. */
export function CancellationNote({
  cancellation,
}: {
  cancellation: NonNullable<MeetingDetailDto['cancellation']>
}) {
  const { t, locale } = useI18n()
  return (
    <section className="panel" aria-labelledby="cancelled-heading">
      <h2 id="cancelled-heading">{t('meeting.cancelled')}</h2>
      <p>{t('meeting.cancelledAt', { at: formatDateTime(locale, cancellation.at) })}</p>
      <p>{t('meeting.cancelledReason', { reason: cancellation.reason })}</p>
    </section>
  )
}
