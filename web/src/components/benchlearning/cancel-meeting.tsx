/** Cancelling a meeting (moderation), with a reason and after an explicit confirmation dialog. */
import { useState } from 'react'
import type { MeetingDetailDto } from '../../../../src/contracts/meetings'
import { cancelMeeting } from '../../api/benchlearning'
import { useI18n } from '../../i18n/i18n'
import { formatDateTime } from '../../i18n/translate'
import { ConfirmButton, TextAreaField } from '../form-field'
import { ActionError, useAction } from './common'

export function CancelMeeting({ meeting }: { meeting: MeetingDetailDto }) {
  const { t } = useI18n()
  const [reason, setReason] = useState('')
  const action = useAction()
  const hasReason = reason.trim().length > 0
  return (
    <div className="stack">
      <h3>{t('meeting.cancel')}</h3>
      <p className="hint">
        {t(meeting.status === 'invited' ? 'meeting.cancelHintInvited' : 'meeting.cancelHint')}
      </p>
      <TextAreaField label={t('meeting.cancelReason')} value={reason} onChange={setReason} maxLength={1000} />
      <div className="button-row">
        <ConfirmButton
          label={t('meeting.cancelButton')}
          disabled={!hasReason || action.isBusy}
          title={t('meeting.cancelConfirmTitle')}
          text={t('meeting.cancelConfirmText', { title: meeting.title })}
          confirmLabel={t('meeting.cancelConfirm')}
          keepLabel={t('meeting.cancelKeep')}
          onConfirm={() => void action.run(() => cancelMeeting(meeting.id, reason.trim()))}
        />
      </div>
      <ActionError error={action.error} />
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
