/**
 * Forming rings (moderators and administrators): the form, the server's proposal with its quality
 * in plain words, comparison with today's rings, saving it as a model, moving members by hand and
 * making the model the rings from a day. This file holds the flow; each step is its own component.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { IndicatorDto } from '../../../../src/contracts/indicators'
import type { FormPeerGroupsRequest, PeerModelDto, PeerProposalDto } from '../../../../src/contracts/peers'
import { proposePeerGroups } from '../../api/rings-api'
import { useI18n } from '../../i18n/i18n'
import { ErrorView, Loading } from '../state-views'
import { FormingFormView } from './forming-form'
import type { RingListDto, Task } from './forming-task'
import { ProposalView } from './proposal-view'

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
  const resultHeading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    onResult({ proposal: proposal.kind === 'done' ? proposal.data.proposal : null, model })
  }, [proposal, model, onResult])

  const propose = async (request: FormPeerGroupsRequest) => {
    setModel(null)
    setProposal({ kind: 'running' })
    try {
      const result = await proposePeerGroups(request)
      setProposal({ kind: 'done', data: { request, proposal: result } })
      requestAnimationFrame(() => resultHeading.current?.focus())
    } catch (error) {
      setProposal({ kind: 'failed', error })
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
