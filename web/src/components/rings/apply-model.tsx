/** Making a saved model the rings from a day, after a confirmation dialog. */
import { useRef, useState } from 'react'
import type { ApplyPeerModelResultDto, PeerModelDto } from '../../../../src/contracts/peers'
import { addMonths } from '../../../../src/core/periods/period'
import { applyPeerModel } from '../../api/rings-api'
import { Link } from '../../app/router'
import { useI18n } from '../../i18n/i18n'
import { formatDate } from '../../i18n/translate'
import { addDays } from '../../lib/cycle-dates'
import { currentMonth } from '../../lib/series'
import { ConfirmButton, TextField } from '../form-field'
import { ErrorView, Loading } from '../state-views'
import type { Task } from './forming-task'
import { useFocusOnResult } from '../focus-on-result'

/** The first day of next month, as YYYY-MM-DD. */
const firstOfNextMonth = () => `${addMonths(currentMonth(), 1)}-01`

export function ApplyModel({ model }: { model: PeerModelDto }) {
  const { t, locale } = useI18n()
  const [validFrom, setValidFrom] = useState(firstOfNextMonth)
  const [task, setTask] = useState<Task<ApplyPeerModelResultDto>>({ kind: 'idle' })
  const resultRef = useRef<HTMLHeadingElement>(null)
  useFocusOnResult(resultRef, task.kind === 'done' ? task.data : null)
  const isValidDate = /^\d{4}-\d{2}-\d{2}$/.test(validFrom)
  const confirm = async () => {
    setTask({ kind: 'running' })
    try {
      setTask({ kind: 'done', data: await applyPeerModel(model.id, validFrom) })
    } catch (error) {
      setTask({ kind: 'failed', error })
    }
  }
  return (
    <div className="apply-model">
      <h3>{t('forming.apply')}</h3>
      <div className="toolbar">
        <TextField type="date" label={t('forming.validFrom')} value={validFrom} onChange={setValidFrom} />
        <ConfirmButton
          label={t('forming.applyButton')}
          className="button primary"
          disabled={!isValidDate || task.kind === 'running'}
          title={t('forming.confirmTitle')}
          text={
            isValidDate &&
            t('forming.confirmText', {
              name: model.name,
              count: model.groups.length,
              date: formatDate(locale, validFrom),
              end: formatDate(locale, addDays(validFrom, -1)),
            })
          }
          confirmLabel={t('forming.confirm')}
          keepLabel={t('forming.cancel')}
          onConfirm={() => void confirm()}
        />
      </div>
      {task.kind === 'running' && <Loading />}
      {task.kind === 'failed' && <ErrorView error={task.error} />}
      {task.kind === 'done' && <AppliedResult result={task.data} headingRef={resultRef} />}
    </div>
  )
}

function AppliedResult({
  result,
  headingRef,
}: {
  result: ApplyPeerModelResultDto
  headingRef: React.RefObject<HTMLHeadingElement | null>
}) {
  const { t, locale } = useI18n()
  return (
    <div className="result is-ok">
      <h4 ref={headingRef} tabIndex={-1}>
        {t('forming.applied', { count: result.rings.length, date: formatDate(locale, result.validFrom) })}
      </h4>
      <p role="status">
        {t('forming.appliedDetails', {
          ended: result.endedMemberships,
          newRings: result.rings.filter((r) => r.isNew).length,
        })}
      </p>
      {result.withoutRing.length > 0 && (
        <p>{t('forming.withoutRing', { names: result.withoutRing.map((m) => m.name).join(', ') })}</p>
      )}
      {result.meetingsToCheck.length > 0 && (
        <div className="panel warning" role="alert">
          <p>{t('forming.meetingsToCheck', { count: result.meetingsToCheck.length })}</p>
          <ul>
            {result.meetingsToCheck.map((m) => (
              <li key={m.meetingId}>
                <Link href={`/meetings/${m.meetingId}`}>{m.title}</Link> ({formatDate(locale, m.startsOn)}):{' '}
                {[
                  m.isRingEnded && t('forming.meetingRingEnded', { ring: m.ringCode }),
                  m.isHostOutside && t('forming.meetingHostOutside', { ring: m.ringCode }),
                  m.registrationsOutside > 0 &&
                    t('forming.meetingRegistrationsOutside', {
                      count: m.registrationsOutside,
                      ring: m.ringCode,
                    }),
                ]
                  .filter(Boolean)
                  .join('; ')}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
