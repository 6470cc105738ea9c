/**
 * Typed hooks for the key-figure engine, the peer neighbours and the administration (issue 5), each
 * bound to its shared zod contract. Writes invalidate what they change.
 */
import type { z } from 'zod'
import type { Answer } from './client'
import type {
  auditListSchema,
  invitationSchema,
  userListSchema,
  userSchema,
  Role,
} from '../../../src/contracts/auth'
import type {
  catalogueSchema,
  excellenceSchema,
  figureSummariesSchema,
  figureSummarySchema,
  figureValuesSchema,
  groupStatisticsSchema,
  groupQuerySchema,
} from '../../../src/contracts/kpi'
import type { ringSharingSchema } from '../../../src/contracts/organisations'
import type { neighboursSchema } from '../../../src/contracts/peers'
import { apiRequest } from './client'
import { queryCache } from './query-cache'
import { invalidateSession } from './resources'
import { useMemo } from 'react'
import { useApiQuery, useCachedTask, type QueryResult } from './use-query'

export const useFigureCatalogue = () => useApiQuery<Answer<typeof catalogueSchema>>('/api/v1/kpi/figures')

/** The group of a figure around one organisation (the contract's query, the organisation by id). */
export type FigureQuery = Pick<
  z.input<typeof groupQuerySchema>,
  'figure' | 'group' | 'breakdown' | 'period' | 'asOf'
> & {
  org: number
}

const asQuery = (query: FigureQuery) => ({ ...query, org: String(query.org) })

/** `query: null` waits (e.g. until the organisation is known). */
export const useGroupStatistics = (query: FigureQuery | null) =>
  useApiQuery<Answer<typeof groupStatisticsSchema>>(
    query ? '/api/v1/kpi/group-statistics' : null,
    query ? asQuery(query) : undefined,
  )

export const useFigureSummary = (query: FigureQuery | null) =>
  useApiQuery<Answer<typeof figureSummarySchema>>(
    query ? '/api/v1/kpi/summary' : null,
    query ? asQuery(query) : undefined,
  )

export const useExcellence = (query: FigureQuery | null) =>
  useApiQuery<Answer<typeof excellenceSchema>>(
    query ? '/api/v1/kpi/excellence' : null,
    query ? asQuery(query) : undefined,
  )

export const useNeighbours = (org: number | null) =>
  useApiQuery<Answer<typeof neighboursSchema>>(org === null ? null : '/api/v1/peers/neighbours', {
    org: String(org),
    k: 5,
  })

/**
 * Summaries of several figures for one organisation and group in one request (GET /kpi/summaries);
 * `'official'` asks for the 15 official figures in catalogue order without knowing the catalogue.
 */
export function useFigureSummaries(
  codes: readonly string[] | 'official' | null,
  query: Omit<FigureQuery, 'figure'> | null,
) {
  const figures = codes === 'official' ? undefined : codes?.join(',')
  return useApiQuery<Answer<typeof figureSummariesSchema>>(
    codes && query ? '/api/v1/kpi/summaries' : null,
    query ? { ...query, org: String(query.org), figures } : undefined,
  )
}

/** Values over time of one figure for several organisations (for the time-series chart). */
export function useFigureValuesOf(
  orgIds: readonly number[] | null,
  query: { figure: string; breakdown: string; from: string; to: string },
) {
  const key = orgIds
    ? `figure-values:${query.figure}:${query.breakdown}:${query.from}:${query.to}:${orgIds.join(',')}`
    : null
  return useCachedTask(key, () =>
    Promise.all(
      (orgIds ?? []).map((org) =>
        apiRequest<Answer<typeof figureValuesSchema>>('/api/v1/kpi/values', {
          query: { ...query, org: String(org) },
        }),
      ),
    ),
  )
}

// ---- administration ----------------------------------------------------------------------------

export const useUsers = () => useApiQuery<Answer<typeof userListSchema>>('/api/v1/users')

export const useAuditLog = (entity: string | undefined, limit: number) =>
  useApiQuery<Answer<typeof auditListSchema>>('/api/v1/audit', { entity, limit })

export async function updateUser(
  id: number,
  changes: { role?: Role; isDisabled?: boolean },
): Promise<Answer<typeof userSchema>> {
  const user = await apiRequest<Answer<typeof userSchema>>(`/api/v1/users/${id}`, {
    method: 'PATCH',
    json: changes,
  })
  queryCache.invalidate('/api/v1/users')
  queryCache.invalidate('/api/v1/audit')
  return user
}

export async function createInvitation(request: {
  role: Role
  organisationId: number | null
  email?: string
  validHours: number
}): Promise<Answer<typeof invitationSchema>> {
  const invitation = await apiRequest<Answer<typeof invitationSchema>>('/api/v1/invitations', {
    method: 'POST',
    json: request,
  })
  queryCache.invalidate('/api/v1/audit')
  return invitation
}

export async function updateRingSharing(
  ringId: number,
  sharing: 'named' | 'pseudonymised',
): Promise<Answer<typeof ringSharingSchema>> {
  const result = await apiRequest<Answer<typeof ringSharingSchema>>(`/api/v1/rings/${ringId}/sharing`, {
    method: 'PATCH',
    json: { sharing },
  })
  // Who sees whom by name changes everywhere, the session's rings included.
  queryCache.invalidate('/api/v1/rings')
  queryCache.invalidate('/api/v1/organisations')
  queryCache.invalidate('/api/v1/audit')
  invalidateSession()
  return result
}

/**
 * The value each official figure had for `period` as known at `asOf` (the last visit), so the start
 * page can say what is new or revised: one request for the summaries as of then. A figure whose
 * month was not known then reads null (or is missing from the map).
 */
export function useValuesKnownAt(
  query: { org: number; period: string; asOf: string } | null,
): QueryResult<Map<string, number | null>> {
  const answer = useFigureSummaries(query ? 'official' : null, query && { ...query, group: 'ring' })
  const period = query?.period
  const values = useMemo(
    () =>
      answer.data &&
      new Map(answer.data.summaries.map((s) => [s.figure.code, s.period === period ? s.value : null])),
    [answer.data, period],
  )
  if (answer.status !== 'success' || !values) return { ...answer, data: undefined } as QueryResult<never>
  return { ...answer, data: values }
}
