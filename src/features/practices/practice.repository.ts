/** SQL of the good-practice library. Plain functions taking `db` first, so they work in a transaction. */
import { sql, type Kysely, type Selectable } from 'kysely'
import type { DB, PracticeAttachmentTable, PracticeTable, PracticeVisibility } from '../../db/schema'

/** The texts and settings of a card that its author writes. */
export type PracticeFields = Pick<
  Selectable<PracticeTable>,
  'title' | 'problem' | 'approach' | 'resources' | 'results' | 'contact' | 'visibility' | 'status'
>

export interface PracticeRow extends PracticeFields {
  id: number
  organisationId: number
  authorUserId: number | null
  ringId: number | null
  publishedAt: Date | null
  isDemo: boolean
  createdAt: Date
  updatedAt: Date
  topics: string[]
  figureCodes: string[]
  adoptionCount: number
  rank: number | null
}

/** Which cards a caller may read, as SQL sees it (the same rules as core/benchlearning/practice-permissions). */
export interface PracticeScope {
  /** Only 'public' cards (anonymous callers). */
  isPublicOnly: boolean
  /** Every 'ring' card (administrators, moderators of all rings). */
  isAllRings: boolean
  /** Rings whose 'ring' cards the caller reads (own rings, moderated rings). */
  ringIds: readonly number[]
  /** The caller's organisation: its own cards whatever their ring. */
  organisationId: number | null
  /** Drafts the caller may edit: all (admin, moderator of all rings), of these rings, or of this organisation. */
  drafts: { isAll: boolean; ringIds: readonly number[]; organisationId: number | null }
}

export interface PracticeFilter {
  q?: string
  topic?: string
  figure?: string
  organisationId?: number
  visibility?: PracticeVisibility
  status?: 'draft' | 'published'
  publishedSince?: Date
  /** Only cards of these ids (reading one card). */
  ids?: readonly number[]
  limit?: number
  offset?: number
}

// Kysely's builder has no tsvector operators; the search parts are `sql` fragments with bound values.
function whereClause(scope: PracticeScope, filter: PracticeFilter) {
  const parts = [sql`true`]
  const inList = (ids: readonly number[]) =>
    ids.length === 0 ? sql`false` : sql`p.ring_id in (${sql.join(ids.map((id) => sql`${id}`))})`
  if (filter.status === 'draft') {
    parts.push(sql`p.status = 'draft'`)
    if (!scope.drafts.isAll)
      parts.push(
        sql`(${inList(scope.drafts.ringIds)} or p.organisation_id = ${scope.drafts.organisationId ?? -1})`,
      )
  } else {
    parts.push(sql`p.status = 'published'`)
    if (scope.isPublicOnly) parts.push(sql`p.visibility = 'public'`)
    else if (!scope.isAllRings)
      parts.push(
        sql`(p.visibility <> 'ring' or ${inList(scope.ringIds)} or p.organisation_id = ${scope.organisationId ?? -1})`,
      )
  }
  if (filter.q) parts.push(sql`p.search @@ websearch_to_tsquery('german', ${filter.q})`)
  if (filter.topic)
    parts.push(
      sql`exists (select 1 from practice_topic t where t.practice_id = p.id and lower(t.topic) = lower(${filter.topic}))`,
    )
  if (filter.figure)
    parts.push(
      sql`exists (select 1 from practice_figure f where f.practice_id = p.id and f.figure_code = ${filter.figure.toUpperCase()})`,
    )
  if (filter.organisationId !== undefined) parts.push(sql`p.organisation_id = ${filter.organisationId}`)
  if (filter.visibility) parts.push(sql`p.visibility = ${filter.visibility}`)
  if (filter.publishedSince) parts.push(sql`p.published_at >= ${filter.publishedSince}`)
  if (filter.ids)
    parts.push(
      filter.ids.length === 0 ? sql`false` : sql`p.id in (${sql.join(filter.ids.map((id) => sql`${id}`))})`,
    )
  return sql.join(parts, sql` and `)
}

/** A practice as the list query returns it: the table's columns, its topics, figures and adoptions. */
type RawPracticeRow = Omit<Selectable<PracticeTable>, 'search'> & {
  topics: string[] | null
  figure_codes: string[] | null
  adoption_count: number
  rank: number | null
}

export async function findPractices(
  db: Kysely<DB>,
  scope: PracticeScope,
  filter: PracticeFilter,
): Promise<{ rows: PracticeRow[]; total: number }> {
  const where = whereClause(scope, filter)
  const rank = filter.q
    ? sql<number>`ts_rank(p.search, websearch_to_tsquery('german', ${filter.q}))`
    : sql<null>`null::real`
  const order = filter.q
    ? sql`rank desc, p.published_at desc nulls last, p.id`
    : sql`p.published_at desc nulls last, p.id desc`
  const result = await sql<RawPracticeRow>`
    select p.id, p.organisation_id, p.author_user_id, p.ring_id, p.title, p.problem, p.approach,
      p.resources, p.results, p.contact, p.visibility, p.status, p.published_at, p.is_demo,
      p.created_at, p.updated_at,
      (select array_agg(t.topic order by t.topic) from practice_topic t where t.practice_id = p.id) as topics,
      (select array_agg(f.figure_code order by f.figure_code) from practice_figure f where f.practice_id = p.id) as figure_codes,
      (select count(*) from practice_adoption a where a.practice_id = p.id)::int as adoption_count,
      ${rank} as rank
    from practice p
    where ${where}
    order by ${order}
    limit ${filter.limit ?? 50} offset ${filter.offset ?? 0}
  `.execute(db)
  const count = await sql<{ n: number }>`select count(*)::int as n from practice p where ${where}`.execute(db)
  return {
    total: count.rows[0]?.n ?? 0,
    rows: result.rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      authorUserId: r.author_user_id,
      ringId: r.ring_id,
      title: r.title,
      problem: r.problem,
      approach: r.approach,
      resources: r.resources,
      results: r.results,
      contact: r.contact,
      visibility: r.visibility,
      status: r.status,
      publishedAt: r.published_at,
      isDemo: r.is_demo,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      topics: r.topics ?? [],
      figureCodes: r.figure_codes ?? [],
      adoptionCount: r.adoption_count,
      rank: r.rank,
    })),
  }
}

/** Topics of the published cards in the scope, for the filter list. */
export async function listTopicsInScope(db: Kysely<DB>, scope: PracticeScope): Promise<string[]> {
  const where = whereClause(scope, {})
  const result = await sql<{ topic: string }>`
    select distinct t.topic from practice_topic t join practice p on p.id = t.practice_id
    where ${where} order by t.topic
  `.execute(db)
  return result.rows.map((r) => r.topic)
}

/** The card's row without any visibility check (services check). */
export async function findPracticeById(db: Kysely<DB>, id: number): Promise<PracticeRow | undefined> {
  const everything: PracticeScope = {
    isPublicOnly: false,
    isAllRings: true,
    ringIds: [],
    organisationId: null,
    drafts: { isAll: true, ringIds: [], organisationId: null },
  }
  for (const status of ['published', 'draft'] as const) {
    const { rows } = await findPractices(db, everything, { ids: [id], status })
    if (rows[0]) return rows[0]
  }
  return undefined
}

export async function insertPractice(
  db: Kysely<DB>,
  practice: PracticeFields & {
    organisationId: number
    authorUserId: number | null
    ringId: number | null
    isDemo?: boolean
    now: Date
    publishedAt?: Date
  },
): Promise<number> {
  const row = await db
    .insertInto('practice')
    .values({
      organisation_id: practice.organisationId,
      author_user_id: practice.authorUserId,
      ring_id: practice.ringId,
      title: practice.title,
      problem: practice.problem,
      approach: practice.approach,
      resources: practice.resources,
      results: practice.results,
      contact: practice.contact,
      visibility: practice.visibility,
      status: practice.status,
      published_at: practice.status === 'published' ? (practice.publishedAt ?? practice.now) : null,
      is_demo: practice.isDemo ?? false,
      created_at: practice.now,
      updated_at: practice.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePracticeRow(
  db: Kysely<DB>,
  id: number,
  changes: Partial<PracticeFields> & { publishedAt?: Date | null; now: Date },
): Promise<void> {
  const { now, publishedAt, ...fields } = changes
  await db
    .updateTable('practice')
    .set({
      ...fields,
      ...(publishedAt !== undefined ? { published_at: publishedAt } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute()
}

export async function replacePracticeLinks(
  db: Kysely<DB>,
  id: number,
  links: { topics?: readonly string[]; figureCodes?: readonly string[] },
): Promise<void> {
  if (links.topics) {
    await db.deleteFrom('practice_topic').where('practice_id', '=', id).execute()
    const rows = [...new Set(links.topics)].map((topic) => ({ practice_id: id, topic }))
    if (rows.length > 0) await db.insertInto('practice_topic').values(rows).execute()
  }
  if (links.figureCodes) {
    await db.deleteFrom('practice_figure').where('practice_id', '=', id).execute()
    const rows = [...new Set(links.figureCodes)].map((figure_code) => ({ practice_id: id, figure_code }))
    if (rows.length > 0) await db.insertInto('practice_figure').values(rows).execute()
  }
}

export async function deletePracticeRow(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('practice').where('id', '=', id).execute()
}

export interface AttachmentRow {
  id: number
  practiceId: number
  fileName: string
  mimeType: string
  sizeBytes: number
  uploadedAt: Date
}

const toAttachmentRow = (
  r: Omit<Selectable<PracticeAttachmentTable>, 'content' | 'uploaded_by_user_id'>,
): AttachmentRow => ({
  id: r.id,
  practiceId: r.practice_id,
  fileName: r.file_name,
  mimeType: r.mime_type,
  sizeBytes: r.size_bytes,
  uploadedAt: r.uploaded_at,
})

export async function listAttachments(db: Kysely<DB>, practiceId: number): Promise<AttachmentRow[]> {
  const rows = await db
    .selectFrom('practice_attachment')
    .select(['id', 'practice_id', 'file_name', 'mime_type', 'size_bytes', 'uploaded_at'])
    .where('practice_id', '=', practiceId)
    .orderBy('id')
    .execute()
  return rows.map(toAttachmentRow)
}

export async function findAttachmentContent(
  db: Kysely<DB>,
  options: { practiceId: number; attachmentId: number },
): Promise<(AttachmentRow & { content: Buffer }) | undefined> {
  const r = await db
    .selectFrom('practice_attachment')
    .selectAll()
    .where('practice_id', '=', options.practiceId)
    .where('id', '=', options.attachmentId)
    .executeTakeFirst()
  if (!r) return undefined
  return { ...toAttachmentRow(r), content: Buffer.from(r.content) }
}

export async function insertAttachment(
  db: Kysely<DB>,
  attachment: {
    practiceId: number
    fileName: string
    mimeType: string
    content: Buffer
    uploadedByUserId: number | null
    now: Date
  },
): Promise<number> {
  const row = await db
    .insertInto('practice_attachment')
    .values({
      practice_id: attachment.practiceId,
      file_name: attachment.fileName,
      mime_type: attachment.mimeType,
      size_bytes: attachment.content.length,
      content: attachment.content,
      uploaded_by_user_id: attachment.uploadedByUserId,
      uploaded_at: attachment.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function deleteAttachmentRow(
  db: Kysely<DB>,
  options: { practiceId: number; attachmentId: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom('practice_attachment')
    .where('practice_id', '=', options.practiceId)
    .where('id', '=', options.attachmentId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export interface AdoptionRow {
  id: number
  practiceId: number
  organisationId: number
  startedOn: string
  note: string
  createdAt: Date
}

export async function listAdoptions(db: Kysely<DB>, practiceId: number): Promise<AdoptionRow[]> {
  const rows = await db
    .selectFrom('practice_adoption')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .orderBy('started_on')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    practiceId: r.practice_id,
    organisationId: r.organisation_id,
    startedOn: r.started_on,
    note: r.note,
    createdAt: r.created_at,
  }))
}

export async function insertAdoption(
  db: Kysely<DB>,
  adoption: {
    practiceId: number
    organisationId: number
    startedOn: string
    note: string
    createdByUserId: number | null
    now: Date
  },
): Promise<number> {
  const given = { started_on: adoption.startedOn, note: adoption.note }
  const row = await db
    .insertInto('practice_adoption')
    .values({
      practice_id: adoption.practiceId,
      organisation_id: adoption.organisationId,
      ...given,
      created_by_user_id: adoption.createdByUserId,
      created_at: adoption.now,
    })
    .onConflict((oc) => oc.columns(['practice_id', 'organisation_id']).doUpdateSet(given))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The active accounts of these organisations that belong to them as members (not network roles). */
export async function findActiveMembersOf(db: Kysely<DB>, organisationIds: readonly number[]) {
  if (organisationIds.length === 0) return []
  return db
    .selectFrom('app_user')
    .select(['id', 'role', 'organisation_id'])
    .where('organisation_id', 'in', [...organisationIds])
    .where('role', 'in', ['member_lead', 'member_analyst', 'viewer'])
    .where('is_disabled', '=', false)
    .orderBy('id')
    .execute()
}

export async function findOrganisationName(db: Kysely<DB>, id: number): Promise<string> {
  const row = await db.selectFrom('organisation').select('name').where('id', '=', id).executeTakeFirst()
  return row?.name ?? `#${id}`
}
