/**
 * Forming rings (moderators and administrators): the form, the server's proposal with its quality
 * in plain words, comparison with today's rings, saving it as a model, moving members by hand and
 * making the model the rings from a day. This file holds the flow; each step is its own component.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { IndicatorDto } from '../../../../src/contracts/indicators'
import type { FormPeerGroupsRequest, PeerModelDto, PeerProposalDto } from '../../../../src/contracts/peers'
import { proposePeerGroups, readProposalProgress } from '../../api/rings-api'
import { useI18n } from '../../i18n/i18n'
import { ErrorView, Loading } from '../state-views'
import { FormingFormView } from './forming-form'
import type { RingListDto, Task } from './forming-task'
import { ProposalView } from './proposal-view'
import { useFocusOnResult } from '../focus-on-result'

export interface FormingResult {
  proposal: PeerProposalDto | null
  model: PeerModelDto | null
}

export function RingForming({
  indicators,
  currentRings,
  onResult,
}: {
  indicators: IndicatorDto[]
  currentRings: RingListDto
  onResult: (result: FormingResult) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const contextIndicators = useMemo(() => indicators.filter((i) => i.kind === 'context'), [indicators])
  const [proposal, setProposal] = useState<
    Task<{ request: FormPeerGroupsRequest; proposal: PeerProposalDto }>
  >({ kind: 'idle' })
  const [model, setModel] = useState<PeerModelDto | null>(null)
  // Bootstrap replicates done of total while the proposal runs (polled from the server).
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const resultHeading = useRef<HTMLHeadingElement>(null)
  useFocusOnResult(resultHeading, proposal.kind === 'done' ? proposal.data : null)

  useEffect(() => {
    onResult({ proposal: proposal.kind === 'done' ? proposal.data.proposal : null, model })
  }, [proposal, model, onResult])

  const propose = async (request: FormPeerGroupsRequest) => {
    setModel(null)
    setProposal({ kind: 'running' })
    setProgress(null)
    const progressToken = crypto.randomUUID()
    const poll = window.setInterval(() => {
      // Before the server has started, and after it has ended, the token is unknown (404): ignored.
      readProposalProgress(progressToken).then(setProgress, () => undefined)
    }, 700)
    try {
      const result = await proposePeerGroups({ ...request, progressToken })
      setProposal({ kind: 'done', data: { request, proposal: result } })
    } catch (error) {
      setProposal({ kind: 'failed', error })
    } finally {
      window.clearInterval(poll)
    }
  }

  return (
    <>
      <section className="panel" aria-labelledby={`${id}-form`}>
        <h2 id={`${id}-form`}>{t('forming.title')}</h2>
        <p className="hint">{t('forming.intro')}</p>
        <FormingFormView
          contextIndicators={contextIndicators}
          isRunning={proposal.kind === 'running'}
          onSubmit={(request) => void propose(request)}
        />
        {proposal.kind === 'running' && <Loading label={t('forming.running')} />}
        {proposal.kind === 'running' && progress !== null && progress.total > 0 && (
          <p className="forming-progress">
            <label htmlFor={`${id}-progress`}>
              {t('forming.progress', { done: progress.done, total: progress.total })}
            </label>{' '}
            <progress id={`${id}-progress`} max={progress.total} value={progress.done} />
          </p>
        )}
        {proposal.kind === 'failed' && <ErrorView error={proposal.error} />}
      </section>
      {proposal.kind === 'done' && (
        <ProposalView
          key={model?.id ?? 'proposal'}
          headingRef={resultHeading}
          proposal={model ?? proposal.data.proposal}
          request={proposal.data.request}
          model={model}
          currentRings={currentRings}
          onModel={setModel}
        />
      )}
    </>
  )
}
