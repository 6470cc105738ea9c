/**
 * Typed hooks, one per resource of the API, each bound to its shared zod contract. Pages use these
 * and never call fetch themselves.
 */
import type { z } from 'zod'
import type { Answer } from './client'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import type {
  firstLoadAnswerSchema,
  sessionSchema,
  signOutResponseSchema,
  SessionDto,
} from '../../../src/contracts/auth'
import type { aboutSchema } from '../../../src/contracts/common'
import type {
  importBatchListSchema,
  importChangeListSchema,
  importSummarySchema,
  mappingListSchema,
  ImportSummaryDto,
} from '../../../src/contracts/imports'
import type { indicatorListSchema } from '../../../src/contracts/indicators'
import type {
  FigureReconciliationDto,
  PublishedFiguresSummaryDto,
} from '../../../src/contracts/published-figures'
import type {
  observationListSchema,
  observationSeriesListSchema,
  observationsQuerySchema,
  valueRevisionListSchema,
  valueRevisionsQuerySchema,
} from '../../../src/contracts/observations'
import type { organisationListSchema, ringListSchema } from '../../../src/contracts/organisations'
import { ApiError, apiRequest, apiUpload, batchOutcomes, setCsrfToken } from './client'
import { queryCache, type QueryState } from './query-cache'
import { useApiQuery } from './use-query'

/** The footer's version and demo flag; asked for once the session is known (with the page's data). */
export const useAbout = (isReady: boolean) =>
  useApiQuery<Answer<typeof aboutSchema>>(isReady ? '/api/v1/about' : null)
export const useOrganisations = () =>
  useApiQuery<Answer<typeof organisationListSchema>>('/api/v1/organisations')
export const useRings = () => useApiQuery<Answer<typeof ringListSchema>>('/api/v1/rings')
export const useIndicators = () => useApiQuery<Answer<typeof indicatorListSchema>>('/api/v1/indicators')
export const useImportBatches = () => useApiQuery<Answer<typeof importBatchListSchema>>('/api/v1/imports')
export const useMappings = () => useApiQuery<Answer<typeof mappingListSchema>>('/api/v1/mappings')

/** A figure's publication of one month reconciled with the computation (default: the latest month). */
export const useFigureReconciliation = (code: string, query: { period?: string; breakdown: string }) =>
  useApiQuery<FigureReconciliationDto>(
    `/api/v1/kpi/figures/${encodeURIComponent(code)}/reconciliation`,
    query,
  )

/** One page of the values one import revised; `batchId: null` waits. */
export const useImportChanges = (batchId: number | null, page: { limit: number; offset: number }) =>
  useApiQuery<Answer<typeof importChangeListSchema>>(
    batchId === null ? null : `/api/v1/imports/${batchId}/changes`,
    page,
  )

/** One value: organisation (id or key), indicator, period and breakdown. */
export type ValueKey = Omit<z.input<typeof valueRevisionsQuerySchema>, 'org' | 'breakdown'> & {
  org: string | number
  breakdown: string
}

/** Every revision of one value; `key: null` waits. */
export const useValueRevisions = (key: ValueKey | null) =>
  useApiQuery<Answer<typeof valueRevisionListSchema>>(
    key ? '/api/v1/observations/revisions' : null,
    key ? { ...key, org: String(key.org) } : undefined,
  )

export type ObservationQuery = Omit<z.input<typeof observationsQuerySchema>, 'org'> & { org: string | number }

/** `query: null` waits (e.g. until the organisation is known). */
export function useObservations(query: ObservationQuery | null) {
  return useApiQuery<Answer<typeof observationListSchema>>(
    query ? '/api/v1/observations' : null,
    query ? { ...query, org: String(query.org) } : undefined,
  )
}

/** Several indicators' values for one organisation in one request; `query: null` waits. */
export function useObservationSeries(
  query: (Omit<ObservationQuery, 'indicator'> & { indicators: readonly string[] }) | null,
) {
  return useApiQuery<Answer<typeof observationSeriesListSchema>>(
    query ? '/api/v1/observations/series' : null,
    query ? { ...query, org: String(query.org), indicators: query.indicators.join(',') } : undefined,
  )
}

/** Observations of several organisations for one indicator (one request each, in parallel). */
export function fetchObservationsOf(orgIds: readonly number[], query: Omit<ObservationQuery, 'org'>) {
  return Promise.all(
    orgIds.map((org) =>
      apiRequest<Answer<typeof observationListSchema>>('/api/v1/observations', {
        query: { ...query, org: String(org) },
      }),
    ),
  )
}

export async function uploadImport(
  file: File,
  options: { isDryRun: boolean; mapping?: string; onProgress?: (share: number) => void },
): Promise<ImportSummaryDto | PublishedFiguresSummaryDto> {
  const form = new FormData()
  form.append('file', file, file.name)
  const summary = await apiUpload<Answer<typeof importSummarySchema> | PublishedFiguresSummaryDto>(
    '/api/v1/imports',
    {
      form,
      query: { dryRun: options.isDryRun ? 'true' : 'false', mapping: options.mapping },
      onProgress: options.onProgress,
    },
  )
  if (summary.isCommitted) {
    // New values change every figure, the history and the start page.
    queryCache.invalidate('/api/v1/imports')
    queryCache.invalidate('/api/v1/observations')
  }
  return summary
}

// ---- session ---------------------------------------------------------------------------------

export type SessionState =
  | { kind: 'signed-in'; session: SessionDto }
  | { kind: 'signed-out' }
  /** The server has no accounts yet (no session route): it serves its read API to everybody. */
  | { kind: 'unavailable' }

const SESSION_KEY = 'session'

/**
 * Marks the session answer stale, so the shell asks for it again: for writes that change what it holds
 * (the rings of the person's organisation and how each shares its figures).
 */
export function invalidateSession(): void {
  queryCache.invalidate(SESSION_KEY)
}

/**
 * The session and the data of the page being opened, the shell's included, in one request
 * (GET /api/v1/first-load, core/first-load): the answers go where the page's components look for
 * them, so they find them loaded.
 */
async function fetchSession(): Promise<SessionState> {
  let csrfToken: string | null = null
  let answer: Answer<typeof firstLoadAnswerSchema>
  try {
    answer = await apiRequest<Answer<typeof firstLoadAnswerSchema>>('/api/v1/first-load', {
      query: { path: window.location.pathname },
      onHeaders: (headers) => (csrfToken = headers.get('x-csrf-token')),
    })
  } catch (error) {
    // The server's not-found handler says "no route …" when the route itself is missing.
    if (error instanceof ApiError && error.status === 404 && /^no route/i.test(error.message))
      return { kind: 'unavailable' }
    throw error
  }
  const outcomes = batchOutcomes(answer.calls, answer.answers)
  const outcomeOf = new Map(answer.calls.map((call, i) => [call, outcomes[i]!]))
  void queryCache.loadMany(answer.calls, async (calls) => calls.map((call) => outcomeOf.get(call)!))
  if (!answer.session) return { kind: 'signed-out' }
  if (!csrfToken)
    throw new ApiError({ status: 0, code: 'invalid_response', message: 'no CSRF token with the session' })
  setCsrfToken(csrfToken)
  return { kind: 'signed-in', session: { ...answer.session, csrfToken } }
}

export function useSession(): QueryState<SessionState> & { reload: () => void } {
  const subscribe = useCallback((listener: () => void) => queryCache.subscribe(SESSION_KEY, listener), [])
  const state = useSyncExternalStore(
    subscribe,
    () => queryCache.read<SessionState>(SESSION_KEY),
    () => queryCache.read<SessionState>(SESSION_KEY),
  )
  useEffect(() => {
    if (queryCache.needsLoad(SESSION_KEY)) queryCache.ensure(SESSION_KEY, fetchSession)
  }, [state])
  const reload = useCallback(() => void queryCache.load(SESSION_KEY, fetchSession), [])
  return { ...state, reload }
}

export async function signIn(email: string, password: string, code?: string): Promise<SessionDto> {
  const session = await apiRequest<Answer<typeof sessionSchema>>('/api/v1/session', {
    method: 'POST',
    json: { email, password, ...(code ? { code } : {}) },
  })
  return rememberSession(session)
}

/** A session a sign-in opened (password, invitation, organisation account): kept, and nothing of the one before. */
export function rememberSession(session: SessionDto): SessionDto {
  setCsrfToken(session.csrfToken)
  // Another person may sign in on the same tab: nothing cached for the previous one may show.
  queryCache.clear()
  queryCache.set<SessionState>(SESSION_KEY, { kind: 'signed-in', session })
  return session
}

export async function signOut(): Promise<void> {
  try {
    await apiRequest<Answer<typeof signOutResponseSchema>>('/api/v1/session', { method: 'DELETE' })
  } finally {
    setCsrfToken(null)
    queryCache.clear()
    queryCache.set<SessionState>(SESSION_KEY, { kind: 'signed-out' })
  }
}
