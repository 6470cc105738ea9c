/**
 * Hooks and writes of data collections (docs/data-collections.md). Every write invalidates the
 * cached answers of collections (and of the figures, which closing recomputes).
 */
import type {
  closeCollectionResponseSchema,
  collectionFormSchema,
  collectionListSchema,
  collectionMatrixSchema,
  collectionResultsSchema,
  collectionSchema,
  figureCollectionResultsSchema,
  remindedSchema,
  CreateCollectionRequest,
  SaveCollectionFormRequest,
} from '../../../src/contracts/collections'
import { apiRequest, apiUpload, type Answer, type HttpMethod } from './client'
import { queryCache } from './query-cache'
import { useApiQuery } from './use-query'

const COLLECTIONS = '/api/v1/collections'
const RESULTS = '/api/v1/collection-results'

export type CollectionForm = Answer<typeof collectionFormSchema>
export type CollectionResults = Answer<typeof collectionResultsSchema>

export const useCollections = () => useApiQuery<Answer<typeof collectionListSchema>>(COLLECTIONS)
export const useCollection = (id: number) =>
  useApiQuery<Answer<typeof collectionSchema>>(`${COLLECTIONS}/${id}`)
export const useCollectionForm = (id: number, organisationId: number | null) =>
  useApiQuery<CollectionForm>(
    organisationId === null ? null : `${COLLECTIONS}/${id}/form`,
    organisationId === null ? undefined : { org: organisationId },
  )
export const useCollectionMatrix = (id: number | null) =>
  useApiQuery<Answer<typeof collectionMatrixSchema>>(id === null ? null : `${COLLECTIONS}/${id}/matrix`)
export const useCollectionResults = (id: number | null) =>
  useApiQuery<CollectionResults>(id === null ? null : `${COLLECTIONS}/${id}/results`)
export const useFigureCollectionResults = (figure: string) =>
  useApiQuery<Answer<typeof figureCollectionResultsSchema>>(RESULTS, { figure })

export const templateUrl = (id: number, organisationId: number) =>
  `${COLLECTIONS}/${id}/template.xlsx?org=${organisationId}`

async function write<T>(method: HttpMethod, path: string, json: unknown): Promise<T> {
  const result = await apiRequest<T>(path, { method, json })
  // Closing writes observations and recomputes key figures: their cached answers go too.
  for (const prefix of [COLLECTIONS, RESULTS, '/api/v1/kpi', '/api/v1/observations'])
    queryCache.invalidate(prefix)
  return result
}

export const createCollection = (request: CreateCollectionRequest) =>
  write<Answer<typeof collectionSchema>>('POST', COLLECTIONS, request)
export const saveCollectionForm = (id: number, request: SaveCollectionFormRequest) =>
  write<CollectionForm>('PUT', `${COLLECTIONS}/${id}/form`, request)
export const submitCollectionForm = (id: number, organisationId: number) =>
  write<CollectionForm>('POST', `${COLLECTIONS}/${id}/submissions`, { organisationId })
export const remindCollectionMembers = (id: number, organisationIds?: number[]) =>
  write<Answer<typeof remindedSchema>>('POST', `${COLLECTIONS}/${id}/reminders`, { organisationIds })
export const reopenCollectionSubmission = (id: number, organisationId: number) =>
  write<unknown>('POST', `${COLLECTIONS}/${id}/reopen`, { organisationId })
export const closeCollection = (id: number) =>
  write<Answer<typeof closeCollectionResponseSchema>>('POST', `${COLLECTIONS}/${id}/close`, undefined)

export async function uploadCollectionWorkbook(id: number, organisationId: number, file: File) {
  const form = new FormData()
  form.append('file', file, file.name)
  const result = await apiUpload<CollectionForm>(`${COLLECTIONS}/${id}/workbook`, {
    form,
    query: { org: organisationId },
  })
  queryCache.invalidate(COLLECTIONS)
  return result
}
