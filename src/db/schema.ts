/**
 * Row types of every table, as Kysely sees them. Migrations create the tables; this file must
 * follow them. Dates of `date` columns are read as ISO strings (see connect.ts type parsers).
 */
import type { ColumnType, Generated } from 'kysely'
import type { ConfidentialityClass } from '../core/permissions/confidentiality'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>
type DateText = ColumnType<string, string, string>
type Json<T> = ColumnType<T, string, string>

export type MissingReason = 'not_delivered' | 'suppressed' | 'not_applicable'
export type ObservationStatus = 'provisional' | 'final' | 'corrected'

export interface KreisTable {
  ags5: string
  name: string
  kind: string
  nuts3: string | null
  land_code: string
  area_km2: number | null
  population: number | null
  valid_from: DateText
  valid_to: DateText | null
  successor_ags5: string | null
}

export interface OrganisationTable {
  id: Generated<number>
  name: string
  short_name: string
  kind: string
  carrier_type: string | null
  land_code: string | null
  nuts3: string | null
  valid_from: DateText
  valid_to: DateText | null
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Generated<Timestamp>
  /** The official comparison type (IAB "Vergleichstyp", migration 0013), e.g. "IIIb". */
  comparison_type: ColumnType<string | null, string | null | undefined, string | null>
}

export interface OrganisationAreaTable {
  id: Generated<number>
  organisation_id: number
  ags5: string
  valid_from: DateText
  valid_to: DateText | null
}

export interface OrganisationSiteTable {
  id: Generated<number>
  organisation_id: number
  name: string
  address: string | null
  is_main: ColumnType<boolean, boolean | undefined, boolean>
}

export interface OrganisationPartnerTable {
  id: Generated<number>
  organisation_id: number
  partner_name: string
  partner_organisation_id: number | null
  role: string
  valid_from: DateText
  valid_to: DateText | null
}

export interface NetworkTable {
  id: Generated<number>
  name: string
  description: string | null
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Generated<Timestamp>
}

export interface NetworkMembershipTable {
  id: Generated<number>
  network_id: number
  organisation_id: number
  valid_from: DateText
  valid_to: DateText | null
}

export interface RingTable {
  id: Generated<number>
  network_id: number
  code: string
  name: string
  sharing: 'named' | 'pseudonymised'
  valid_from: DateText
  valid_to: DateText | null
}

export interface RingMembershipTable {
  id: Generated<number>
  ring_id: number
  organisation_id: number
  valid_from: DateText
  valid_to: DateText | null
}

export interface IndicatorTable {
  id: Generated<number>
  code: string
  name_de: string
  name_en: string
  unit: string
  frequency: 'monthly' | 'yearly'
  breakdowns: Json<string[]>
  kind: 'raw' | 'context'
  source: string
  licence: string
  definition_de: string
  definition_en: string
  /** Defined by the network for its data collections (migration 0011). */
  is_own: ColumnType<boolean, boolean | undefined, boolean>
  allowed_min: ColumnType<number | null, number | null | undefined, number | null>
  allowed_max: ColumnType<number | null, number | null | undefined, number | null>
  polarity: ColumnType<
    IndicatorPolarity | null,
    IndicatorPolarity | null | undefined,
    IndicatorPolarity | null
  >
  /** public (published by an office) or network (delivered by members), migration 0013. */
  confidentiality: ColumnType<ConfidentialityClass, ConfidentialityClass | undefined, ConfidentialityClass>
}

export type IndicatorPolarity = 'higher_is_better' | 'lower_is_better' | 'neutral'

export interface ImportErrorRow {
  row?: number
  column?: string
  value?: string
  message: string
  /** The message as a key of the server catalogue (core/messages) or the web UI's, with raw parameters. */
  messageKey?: string
  params?: Record<string, string | number>
}

export interface ImportNotice {
  kind: string
  message: string
  /** The message as a key of the server catalogue (core/messages) or the web UI's, with raw parameters. */
  messageKey?: string
  params?: Record<string, string | number>
  count: number
  keys?: string[]
}

export interface ImportBatchTable {
  id: Generated<number>
  file_name: string
  checksum: string
  format: string
  mapping: string | null
  source: string | null
  created_by: string
  created_at: Timestamp
  rows_read: number
  rows_imported: number
  rows_unchanged: number
  rows_rejected: number
  rows_skipped: number
  errors: Json<ImportErrorRow[]>
  notices: Json<ImportNotice[]>
  uploaded_by_user_id: ColumnType<number | null, number | null | undefined, number | null>
  organisation_id: ColumnType<number | null, number | null | undefined, number | null>
  /** True until a key-figure computation has taken this batch's values in (migration 0010). */
  key_figures_pending: Generated<boolean>
  /** Published figure values this import compared with a computation (migration 0012; null: none). */
  reconciled_values: ColumnType<number | null, number | null | undefined, number | null>
}

export interface ObservationTable {
  organisation_id: number
  indicator_id: number
  period: DateText
  breakdown: string
  revision: number
  value: number | null
  missing_reason: MissingReason | null
  status: ObservationStatus
  batch_id: number
  recorded_at: Timestamp
  is_current: boolean
}

export type UserRole = 'admin' | 'moderator' | 'member_lead' | 'member_analyst' | 'viewer'

export interface AppUserTable {
  id: Generated<number>
  email: string
  name: string
  role: UserRole
  organisation_id: number | null
  password_hash: string | null
  locale: ColumnType<'de' | 'en', 'de' | 'en' | undefined, 'de' | 'en'>
  created_at: Timestamp
  last_seen_at: NullableTimestamp
  previous_visit_at: NullableTimestamp
  is_disabled: ColumnType<boolean, boolean | undefined, boolean>
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>
  totp_confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  totp_last_step: ColumnType<string | null, string | number | null | undefined, string | number | null>
  is_totp_exempt: ColumnType<boolean, boolean | undefined, boolean>
}

export interface SsoProviderTable {
  organisation_id: number
  display_name: string
  issuer: string
  client_id: string
  client_secret: string
  allowed_domains: string[]
  updated_at: Timestamp
}

export interface SsoIdentityTable {
  issuer: string
  subject: string
  user_id: number
  organisation_id: number
  created_at: Timestamp
}

export interface SsoSignInTable {
  state_hash: string
  organisation_id: number
  nonce: string
  code_verifier: string
  created_at: Timestamp
  expires_at: Timestamp
}

export interface TotpRecoveryCodeTable {
  id: Generated<number>
  user_id: number
  code_hash: string
  used_at: NullableTimestamp
}

export interface ModeratorRingTable {
  user_id: number
  ring_id: number
}

export interface UserSessionTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  csrf_token: string
  created_at: Timestamp
  expires_at: Timestamp
  user_agent: string | null
}

export interface InvitationTable {
  id: Generated<number>
  token_hash: string
  email: string | null
  role: UserRole
  organisation_id: number | null
  created_by: number | null
  created_at: Timestamp
  expires_at: Timestamp
  used_at: NullableTimestamp
  used_by: number | null
}

export interface LoginAttemptTable {
  id: Generated<number>
  email: string
  ip: string
  at: Timestamp
}

export interface AuditLogTable {
  id: Generated<number>
  actor_user_id: number | null
  actor_label: string
  at: Timestamp
  action: string
  entity: string
  entity_id: string | null
  before: ColumnType<unknown, string | null, string | null>
  after: ColumnType<unknown, string | null, string | null>
  ip: string | null
}

export interface AppSecretTable {
  name: string
  value: string
}

export type KpiMissingReason =
  MissingReason | 'incomplete_window' | 'no_history' | 'division_by_zero' | 'overflow'

export interface KpiDefinitionTable {
  id: Generated<number>
  code: string
  version: number
  valid_from: DateText
  name_de: string
  name_en: string
  explanation_de: string
  explanation_en: string
  numerator: string
  denominator: string
  unit: string
  transform: 'percent' | 'change_rate'
  polarity: 'higher_is_better' | 'lower_is_better' | 'context'
  has_sex_breakdown: boolean
  legal_source: string
  is_official: boolean
  /** public (published by an office) or network (delivered by members), migration 0013. */
  confidentiality: ColumnType<ConfidentialityClass, ConfidentialityClass | undefined, ConfidentialityClass>
  created_by: string
  created_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface KpiRunTable {
  id: Generated<number>
  kind: 'full' | 'incremental'
  started_at: Timestamp
  finished_at: Timestamp
  watermark_batch_id: number | null
  watermark_batch_created_at: Timestamp | null
  first_month: DateText | null
  last_month: DateText | null
  definitions_hash: string
  organisations: number
  values_written: number
  /** Months up to here are in kpi_series, later ones in kpi_series_recent (null: all in kpi_series). */
  base_last_month: DateText | null
  /** kpi_input_kept holds every series' current raw values from this month on (migrations 0020, 0021). */
  input_from_month: DateText | null
}

/**
 * Raw values a computation keeps for the next one (migrations 0020, 0021): per organisation its
 * series, one a line, `indicator id|days|values|breakdown` (breakdown URI-encoded).
 */
export interface KpiInputKeptTable {
  organisation_id: number
  /** An organisation's parts are read in order, a later part's month replacing an earlier one's (0023). */
  part: Generated<number>
  series: string
}

/**
 * Computed figures, one row per organisation, figure and breakdown; the arrays are subscripted
 * by month index (see migration 0002). Written by kpi-value.repository only.
 */
export interface KpiSeriesTable {
  figure_code: string
  breakdown: string
  organisation_id: number
  versions: number[]
  numerators: (number | null)[]
  denominators: (number | null)[]
  missing: ColumnType<Record<string, Record<string, string>>, string, string>
  run_id: number
}

/** A view over kpi_series: one row per value, read-only. */
/** An official figure value as published, with its revisions (migration 0012). */
export interface PublishedFigureValueTable {
  organisation_id: number
  figure_code: string
  period: DateText
  breakdown: string
  revision: number
  value: number | null
  value_decimals: number
  numerator: number | null
  numerator_decimals: number
  denominator: number | null
  denominator_decimals: number
  missing_reason: MissingReason | null
  status: ObservationStatus
  comparison_type: string | null
  batch_id: number
  recorded_at: Timestamp
  is_current: boolean
}

/** A value whose computation differs from its publication, per import (migration 0012). */
export interface PublishedReconciliationTable {
  batch_id: number
  organisation_id: number
  figure_code: string
  period: DateText
  breakdown: string
  published_value: number | null
  published_numerator: number | null
  published_denominator: number | null
  computed_value: number | null
  computed_numerator: number | null
  computed_denominator: number | null
  value_decimals: number
  differs: string[]
}

export interface KpiValueTable {
  figure_code: string
  breakdown: string
  period: DateText
  organisation_id: number
  version: number
  is_change_rate: boolean
  /** Derived from numerator and denominator (see migration 0002). */
  value: ColumnType<number | null, never, never>
  numerator: number | null
  denominator: number | null
  missing_reason: KpiMissingReason | null
  missing_detail: ColumnType<Record<string, string> | null, never, never>
  run_id: number
}

export interface PeerModelTable {
  id: Generated<number>
  network_id: number | null
  name: string
  kind: 'computed' | 'official_types' | 'manual'
  method: 'ward' | 'kmeans' | 'rings' | 'imported'
  parameters: Json<unknown>
  inputs: Json<unknown>
  vintage: Json<unknown>
  result: Json<unknown>
  quality: ColumnType<unknown, string | null, string | null>
  created_by: string
  created_by_user_id: number | null
  created_at: Timestamp
  updated_at: Timestamp
}

export interface PeerGroupTable {
  id: Generated<number>
  model_id: number
  code: string
  name: string
}

export interface PeerGroupMemberTable {
  model_id: number
  group_id: number
  organisation_id: number
}

export type PracticeVisibility = 'ring' | 'network' | 'public'

export interface PracticeTable {
  id: Generated<number>
  organisation_id: number
  author_user_id: number | null
  ring_id: number | null
  title: string
  problem: string
  approach: string
  resources: string
  results: string
  contact: string
  visibility: PracticeVisibility
  status: 'draft' | 'published'
  published_at: NullableTimestamp
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Timestamp
  updated_at: Timestamp
  /** Generated from the texts with the 'german' configuration (see migration 0006). */
  search: ColumnType<string, never, never>
}

export interface PracticeTopicTable {
  practice_id: number
  topic: string
}

export interface PracticeFigureTable {
  practice_id: number
  figure_code: string
}

export interface PracticeAttachmentTable {
  id: Generated<number>
  practice_id: number
  file_name: string
  mime_type: string
  size_bytes: number
  content: Buffer
  uploaded_by_user_id: number | null
  uploaded_at: Timestamp
}

export interface PracticeAdoptionTable {
  id: Generated<number>
  practice_id: number
  organisation_id: number
  started_on: DateText
  note: string
  created_by_user_id: number | null
  created_at: Timestamp
}

export interface ScaleLevel {
  level: number
  labelDe: string
  labelEn: string
  descriptionDe: string
  descriptionEn: string
}

export interface SelfAssessmentCycleTable {
  id: Generated<number>
  network_id: number
  code: string
  name: string
  starts_on: DateText
  ends_on: DateText
  scale_min: number
  scale_max: number
  scale_levels: Json<ScaleLevel[]>
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Timestamp
}

export interface SelfAssessmentAreaTable {
  id: Generated<number>
  cycle_id: number
  code: string
  position: number
  name_de: string
  name_en: string
  description_de: string
  description_en: string
}

export interface SelfAssessmentResponseTable {
  id: Generated<number>
  cycle_id: number
  area_id: number
  organisation_id: number
  score: number
  evidence_note: string
  answered_by_user_id: number | null
  answered_at: Timestamp
}

// ---- Meetings, topics, minutes, notifications (migration 0005) ----

export type MeetingKind = 'ring_meeting' | 'annual_day' | 'thematic_forum'
export type MeetingStatus = 'planned' | 'invited' | 'held' | 'minutes_approved' | 'cancelled'
export type AgendaItemKind = 'key_figure_review' | 'practice_presentation' | 'discussion' | 'input'
export type AgendaItemSource = 'manual' | 'topic' | 'spotlight' | 'open_action'
export type ActionItemStatus = 'open' | 'in_progress' | 'done' | 'cancelled'
export type NotificationKind =
  'upcoming_meeting' | 'invitation' | 'new_practice' | 'action_due' | 'minutes_to_approve'

export interface MeetingTable {
  id: Generated<number>
  network_id: number
  ring_id: number | null
  kind: MeetingKind
  title: string
  starts_on: DateText
  ends_on: DateText
  start_time: string | null
  end_time: string | null
  venue: string | null
  host_organisation_id: number | null
  host_source: ColumnType<'rotation' | 'override' | 'none', 'rotation' | 'override' | 'none' | undefined>
  moderator_user_id: number | null
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>
  minutes_approved_at: NullableTimestamp
  minutes_approved_by: number | null
  // Migration 0016: why and when a meeting was cancelled (null unless cancelled).
  cancel_reason: string | null
  cancelled_at: NullableTimestamp
  cancelled_by: number | null
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
  created_at: Timestamp
}

export interface MeetingRegistrationTable {
  meeting_id: number
  user_id: number
  organisation_id: number | null
  status: 'registered' | 'declined'
  note: string | null
  updated_at: Timestamp
}

export interface TopicTable {
  id: Generated<number>
  network_id: number
  ring_id: number | null
  title: string
  description: string | null
  proposed_by_user_id: number | null
  proposed_by_organisation_id: number | null
  status: ColumnType<
    'open' | 'scheduled' | 'done' | 'rejected',
    'open' | 'scheduled' | 'done' | 'rejected' | undefined
  >
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
  /** The practice card the topic was proposed from ("Das wollen wir ausprobieren", migration 0017). */
  practice_id: ColumnType<number | null, number | null | undefined, number | null>
  created_at: Timestamp
}

export interface TopicVoteTable {
  topic_id: number
  user_id: number
  organisation_id: number | null
  created_at: Timestamp
}

export interface AgendaItemTable {
  id: Generated<number>
  meeting_id: number
  position: number
  kind: AgendaItemKind
  title: string
  description: string | null
  presenter_organisation_id: number | null
  presenter_name: string | null
  duration_minutes: number
  source: ColumnType<AgendaItemSource, AgendaItemSource | undefined, AgendaItemSource>
  topic_id: number | null
  action_item_id: number | null
  spotlight: ColumnType<unknown, string | null | undefined, string | null>
  minutes: string | null
  minutes_updated_at: NullableTimestamp
}

export interface DecisionTable {
  id: Generated<number>
  meeting_id: number
  agenda_item_id: number | null
  text: string
  created_at: Timestamp
}

export interface ActionItemTable {
  id: Generated<number>
  meeting_id: number
  agenda_item_id: number | null
  title: string
  owner_organisation_id: number | null
  owner_user_id: number | null
  due_on: DateText | null
  status: ColumnType<ActionItemStatus, ActionItemStatus | undefined, ActionItemStatus>
  created_at: Timestamp
  completed_at: NullableTimestamp
}

export interface MinutesCommentTable {
  id: Generated<number>
  meeting_id: number
  agenda_item_id: number | null
  user_id: number | null
  organisation_id: number | null
  text: string
  created_at: Timestamp
}

export interface NotificationTable {
  id: Generated<number>
  user_id: number
  kind: NotificationKind
  payload: ColumnType<Record<string, unknown>, string, string>
  dedupe_key: string | null
  created_at: Timestamp
  read_at: NullableTimestamp
}

/** A Kreis boundary for the map: GeoJSON geometry (Polygon or MultiPolygon, WGS 84). */
export interface KreisBoundaryTable {
  ags5: string
  name: string
  geometry: Json<unknown>
  source: string
  licence: string | null
  imported_at: Timestamp
}

// ---- Data collections (migration 0011) ----

export type CollectionStatus = 'open' | 'closed'
export type CollectionMemberStatus = 'missing' | 'draft' | 'submitted'

export interface DataCollectionTable {
  id: Generated<number>
  title: string
  instructions: string
  frequency: 'monthly' | 'yearly'
  periods: Json<string[]>
  ring_ids: Json<number[]>
  deadline: DateText
  status: ColumnType<CollectionStatus, CollectionStatus | undefined, CollectionStatus>
  is_results_for_deliverers_only: boolean
  change_threshold_percent: number
  created_by_user_id: number | null
  created_at: Timestamp
  closed_at: NullableTimestamp
  batch_id: number | null
  is_demo: ColumnType<boolean, boolean | undefined, boolean>
}

export interface DataCollectionIndicatorTable {
  collection_id: number
  indicator_id: number
  position: number
  figure_code: string | null
}

export interface DataCollectionMemberTable {
  collection_id: number
  organisation_id: number
  status: ColumnType<CollectionMemberStatus, CollectionMemberStatus | undefined, CollectionMemberStatus>
  submitted_at: NullableTimestamp
  submitted_by_user_id: number | null
  reminded_at: NullableTimestamp
  reopened_at: NullableTimestamp
}

export interface DataCollectionEntryTable {
  collection_id: number
  organisation_id: number
  indicator_id: number
  period: string
  breakdown: string
  value: number | null
  comment: string
  updated_by_user_id: number | null
  updated_at: Timestamp
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held' | 'digested'
export type MailDelivery = 'immediately' | 'digest' | 'app'

export interface MailOutboxTable {
  id: Generated<number>
  kind: string
  user_id: number | null
  recipient: string
  payload: ColumnType<Record<string, unknown>, string, string>
  message_key: string
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Timestamp
  locked_until: NullableTimestamp
  last_error: string | null
  created_at: Timestamp
  sent_at: NullableTimestamp
  digest_id: number | null
}

export interface MailPreferenceTable {
  user_id: number
  kind: string
  delivery: MailDelivery
}

export interface MailCalendarSequenceTable {
  meeting_id: number
  sequence: number
}

export interface PasswordResetTable {
  id: Generated<number>
  user_id: number
  token_hash: string
  created_at: Timestamp
  expires_at: Timestamp
  used_at: NullableTimestamp
}

export interface PasswordResetRequestTable {
  id: Generated<number>
  email: string
  ip: string
  at: Timestamp
}

export interface DB {
  kreis: KreisTable
  organisation: OrganisationTable
  organisation_area: OrganisationAreaTable
  organisation_site: OrganisationSiteTable
  organisation_partner: OrganisationPartnerTable
  network: NetworkTable
  network_membership: NetworkMembershipTable
  ring: RingTable
  ring_membership: RingMembershipTable
  indicator: IndicatorTable
  import_batch: ImportBatchTable
  observation: ObservationTable
  kpi_definition: KpiDefinitionTable
  kpi_run: KpiRunTable
  kpi_series: KpiSeriesTable
  kpi_series_recent: KpiSeriesTable
  kpi_input_kept: KpiInputKeptTable
  kpi_value: KpiValueTable
  published_figure_value: PublishedFigureValueTable
  published_reconciliation: PublishedReconciliationTable
  app_user: AppUserTable
  sso_provider: SsoProviderTable
  sso_identity: SsoIdentityTable
  sso_sign_in: SsoSignInTable
  totp_recovery_code: TotpRecoveryCodeTable
  moderator_ring: ModeratorRingTable
  user_session: UserSessionTable
  invitation: InvitationTable
  login_attempt: LoginAttemptTable
  audit_log: AuditLogTable
  app_secret: AppSecretTable
  peer_model: PeerModelTable
  peer_group: PeerGroupTable
  peer_group_member: PeerGroupMemberTable
  practice: PracticeTable
  practice_topic: PracticeTopicTable
  practice_figure: PracticeFigureTable
  practice_attachment: PracticeAttachmentTable
  practice_adoption: PracticeAdoptionTable
  self_assessment_cycle: SelfAssessmentCycleTable
  self_assessment_area: SelfAssessmentAreaTable
  self_assessment_response: SelfAssessmentResponseTable
  meeting: MeetingTable
  meeting_registration: MeetingRegistrationTable
  topic: TopicTable
  topic_vote: TopicVoteTable
  agenda_item: AgendaItemTable
  decision: DecisionTable
  action_item: ActionItemTable
  minutes_comment: MinutesCommentTable
  notification: NotificationTable
  kreis_boundary: KreisBoundaryTable
  data_collection: DataCollectionTable
  data_collection_indicator: DataCollectionIndicatorTable
  data_collection_member: DataCollectionMemberTable
  data_collection_entry: DataCollectionEntryTable
  mail_outbox: MailOutboxTable
  mail_preference: MailPreferenceTable
  mail_calendar_sequence: MailCalendarSequenceTable
  password_reset: PasswordResetTable
  password_reset_request: PasswordResetRequestTable
}
