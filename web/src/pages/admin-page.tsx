import { useState, type FormEvent } from 'react'
import type { UserDto } from '../../../src/contracts/auth'
import type { OutboxDto } from '../../../src/contracts/mail'
import { ROLE_LABELS, ROLES, type Role } from '../../../src/core/permissions/permissions'
import { createInvitation, updateRingSharing, updateUser, useAuditLog, useUsers } from '../api/figures'
import { useMailOutbox } from '../api/mail'
import { useOrganisations, useRings, useSession } from '../api/resources'
import { can } from '../app/access'
import { Link } from '../app/router'
import { ConfirmedSelect } from '../components/confirmed-select'
import { DataTable } from '../components/data-table'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import { formatDateTime, pick } from '../i18n/translate'
import { describeChange } from '../lib/audit-change'
import { landName } from '../lib/labels'
import { SelectField, TextField, useActionStatus, useFormValues } from '../components/form-field'
import { OrganisationField } from '../components/organisation-field'
import { SsoAdminSection } from '../components/sso-admin-section'

/**
 * Administration: accounts (role, disable), invitation links, organisations, rings with their sharing
 * setting, and the audit log. Each part shows only when the session's abilities allow it; the server
 * checks every write again.
 */
export default function AdminPage() {
  const { t } = useI18n()
  const session = useSession()
  const state = session.data
  const sections = [
    { id: 'users', label: t('admin.users'), isShown: can(state, 'manageUsers') },
    { id: 'invitations', label: t('admin.invitations'), isShown: can(state, 'inviteUsers') },
    { id: 'organisations', label: t('admin.organisations'), isShown: true },
    { id: 'rings', label: t('admin.rings'), isShown: can(state, 'manageRings') },
    { id: 'audit', label: t('admin.audit'), isShown: can(state, 'viewAuditLog') },
    { id: 'outbox', label: t('admin.outbox'), isShown: can(state, 'manageNetwork') },
    { id: 'sso', label: t('admin.sso'), isShown: can(state, 'manageNetwork') },
  ].filter((s) => s.isShown)
  const ownUserId = state?.kind === 'signed-in' ? state.session.user.id : null
  return (
    <Page title={t('admin.title')} intro={t('admin.intro')}>
      <nav aria-label={t('admin.sections')} className="section-nav">
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#admin-${s.id}`}>{s.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {can(state, 'manageUsers') && <Users ownUserId={ownUserId} />}
      {can(state, 'inviteUsers') && <Invitations canInviteNetworkRoles={can(state, 'viewAuditLog')} />}
      <Organisations />
      {can(state, 'manageRings') && <Rings />}
      {can(state, 'viewAuditLog') && <AuditLog />}
      {can(state, 'manageNetwork') && <MailOutbox />}
      {can(state, 'manageNetwork') && <SsoAdminSection />}
    </Page>
  )
}

function Users({ ownUserId }: { ownUserId: number | null }) {
  const { t, locale } = useI18n()
  const users = useUsers()
  const { run, view } = useActionStatus()
  const [filter, setFilter] = useState('')
  const changeRole = (user: UserDto, role: Role) =>
    run(async () => {
      await updateUser(user.id, { role })
      return t('admin.roleChanged', { name: user.name, role: pick(locale, ROLE_LABELS[role]) })
    })
  const toggleDisabled = (user: UserDto) =>
    run(async () => {
      await updateUser(user.id, { isDisabled: !user.isDisabled })
      return t(user.isDisabled ? 'admin.enabled' : 'admin.disabled', { name: user.name })
    })
  return (
    <section className="panel" id="admin-users" aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">{t('admin.users')}</h2>
      <div className="field inline">
        <label htmlFor="admin-user-filter">{t('admin.filterUsers')}</label>
        <input
          id="admin-user-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      {view}
      <QueryView query={users}>
        {(data) => {
          const needle = filter.trim().toLocaleLowerCase(locale)
          const list = data.users.filter(
            (u) =>
              !needle ||
              [u.name, u.email, u.organisationName ?? '']
                .join(' ')
                .toLocaleLowerCase(locale)
                .includes(needle),
          )
          const byId = new Map(list.map((u) => [u.id, u]))
          const rows: TableRow[] = list.map((u) => ({
            id: u.id,
            name: u.name,
            email: u.email,
            role: pick(locale, ROLE_LABELS[u.role]),
            organisation: u.organisationName,
            lastSeen: u.lastSeenAt,
            state: u.isDisabled ? t('admin.stateDisabled') : t('admin.stateActive'),
          }))
          return (
            <DataTable
              caption={t('admin.usersCaption', { count: list.length })}
              isCaptionHidden
              columns={[
                { key: 'name', header: t('admin.name') },
                { key: 'email', header: t('admin.email') },
                { key: 'role', header: t('admin.role') },
                { key: 'organisation', header: t('admin.organisation') },
                { key: 'lastSeen', header: t('admin.lastSeen') },
                { key: 'state', header: t('admin.state') },
              ]}
              rows={rows}
              rowKey={(row) => String(row.id)}
              maxRows={30}
              renderCell={(row, column) => {
                const user = byId.get(Number(row.id))!
                const isSelf = user.id === ownUserId
                if (column.key === 'lastSeen')
                  return user.lastSeenAt ? formatDateTime(locale, user.lastSeenAt) : '–'
                if (column.key === 'role' && !isSelf)
                  return (
                    <ConfirmedSelect
                      label={t('admin.roleOf', { name: user.name })}
                      value={user.role}
                      onSave={(role) => changeRole(user, role as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {pick(locale, ROLE_LABELS[role])}
                        </option>
                      ))}
                    </ConfirmedSelect>
                  )
                if (column.key === 'state' && !isSelf)
                  return (
                    <span className="cell-with-action">
                      {String(row.state)}{' '}
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() => void toggleDisabled(user)}
                      >
                        {user.isDisabled
                          ? t('admin.enable', { name: user.name })
                          : t('admin.disable', { name: user.name })}
                      </button>
                    </span>
                  )
                return undefined
              }}
            />
          )
        }}
      </QueryView>
    </section>
  )
}

function Invitations({ canInviteNetworkRoles }: { canInviteNetworkRoles: boolean }) {
  const { t, locale } = useI18n()
  const roles = canInviteNetworkRoles ? ROLES : ROLES.filter((r) => r !== 'admin' && r !== 'moderator')
  const form = useFormValues({ role: 'member_analyst', organisationId: '', email: '', validDays: '7' })
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null)
  const [isCopied, setIsCopied] = useState(false)
  const { run, view } = useActionStatus()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setIsCopied(false)
    const { role, organisationId, email, validDays } = form.values
    void run(async () => {
      const invitation = await createInvitation({
        role: role as Role,
        organisationId: organisationId ? Number(organisationId) : null,
        email: email.trim() || undefined,
        validHours: Math.max(1, Math.min(30, Number(validDays) || 7)) * 24,
      })
      setLink({ url: `${window.location.origin}${invitation.path}`, expiresAt: invitation.expiresAt })
      return t('admin.invitationCreated')
    })
  }
  return (
    <section className="panel" id="admin-invitations" aria-labelledby="admin-invitations-heading">
      <h2 id="admin-invitations-heading">{t('admin.invitations')}</h2>
      <p className="muted">{t('admin.invitationsIntro')}</p>
      <form className="form admin-form" onSubmit={submit}>
        <div className="form-row">
          <SelectField id="invite-role" label={t('admin.role')} {...form.field('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {pick(locale, ROLE_LABELS[r])}
              </option>
            ))}
          </SelectField>
          <OrganisationField
            id="invite-org"
            label={t('admin.organisation')}
            emptyLabel={t('admin.noOrganisation')}
            {...form.field('organisationId')}
          />
          <TextField
            id="invite-email"
            label={t('admin.emailOptional')}
            type="email"
            {...form.field('email')}
          />
          <TextField
            id="invite-days"
            label={t('admin.validDays')}
            type="number"
            min={1}
            max={30}
            {...form.field('validDays')}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button primary">
            {t('admin.createInvitation')}
          </button>
        </div>
      </form>
      {view}
      {link && (
        <div className="invitation-link">
          <label htmlFor="invitation-url">{t('admin.invitationLink')}</label>
          <div className="copy-row">
            <input id="invitation-url" readOnly value={link.url} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(link.url).then(
                  () => setIsCopied(true),
                  () => setIsCopied(false),
                )
              }
            >
              {t('admin.copy')}
            </button>
          </div>
          <p className="muted" role="status">
            {isCopied
              ? t('admin.copied')
              : t('admin.linkOnce', { date: formatDateTime(locale, link.expiresAt) })}
          </p>
        </div>
      )}
    </section>
  )
}

function Organisations() {
  const { t } = useI18n()
  const organisations = useOrganisations()
  return (
    <section className="panel" id="admin-organisations" aria-labelledby="admin-organisations-heading">
      <h2 id="admin-organisations-heading">{t('admin.organisations')}</h2>
      <QueryView query={organisations}>
        {(data) => {
          const list = data.organisations.filter((o) => o.id > 0)
          if (list.length === 0) return <Empty>{t('organisations.empty')}</Empty>
          return (
            <DataTable
              caption={t('admin.organisationsCaption', { count: list.length })}
              columns={[
                { key: 'name', header: t('admin.name') },
                { key: 'land', header: t('admin.land') },
                { key: 'carrier', header: t('admin.carrier') },
                { key: 'ring', header: t('admin.ring') },
              ]}
              rows={list.map((o) => ({
                id: o.id,
                name: o.name,
                land: landName(o.landCode),
                carrier: o.carrierType,
                ring: o.ring?.name ?? null,
              }))}
              rowKey={(row) => String(row.id)}
              maxRows={120}
              initialSort={{ key: 'name', direction: 'ascending' }}
              renderCell={(row, column) =>
                column.key === 'name' ? (
                  <Link href={`/organisations/${String(row.id)}`}>{String(row.name)}</Link>
                ) : undefined
              }
            />
          )
        }}
      </QueryView>
    </section>
  )
}

function Rings() {
  const { t } = useI18n()
  const rings = useRings()
  const { run, view } = useActionStatus()
  const change = (ringId: number, name: string, sharing: 'named' | 'pseudonymised') =>
    run(async () => {
      await updateRingSharing(ringId, sharing)
      return t('admin.sharingChanged', { ring: name, sharing: t(`admin.sharing.${sharing}`) })
    })
  return (
    <section className="panel" id="admin-rings" aria-labelledby="admin-rings-heading">
      <h2 id="admin-rings-heading">{t('admin.rings')}</h2>
      <p className="muted">{t('admin.sharingIntro')}</p>
      {view}
      <QueryView query={rings}>
        {(data) => (
          <DataTable
            caption={t('admin.ringsCaption', { count: data.rings.length })}
            isCaptionHidden
            columns={[
              { key: 'name', header: t('admin.ring') },
              { key: 'members', header: t('admin.members'), type: 'number', digits: 0 },
              { key: 'sharing', header: t('admin.sharing') },
            ]}
            rows={data.rings.map((r) => ({
              id: r.id,
              name: r.name,
              members: r.memberCount,
              sharing: r.sharing,
            }))}
            rowKey={(row) => String(row.id)}
            renderCell={(row, column) =>
              column.key === 'sharing' ? (
                <ConfirmedSelect
                  label={t('admin.sharingOf', { ring: String(row.name) })}
                  value={String(row.sharing)}
                  onSave={(sharing) =>
                    change(Number(row.id), String(row.name), sharing as 'named' | 'pseudonymised')
                  }
                >
                  <option value="named">{t('admin.sharing.named')}</option>
                  <option value="pseudonymised">{t('admin.sharing.pseudonymised')}</option>
                </ConfirmedSelect>
              ) : undefined
            }
          />
        )}
      </QueryView>
    </section>
  )
}

const AUDIT_ENTITIES = ['', 'user', 'invitation', 'session', 'ring', 'import', 'figure'] as const

function AuditLog() {
  const { t, locale } = useI18n()
  const [entity, setEntity] = useState('')
  const [search, setSearch] = useState('')
  const [limit, setLimit] = useState(50)
  const audit = useAuditLog(entity || undefined, limit)
  return (
    <section className="panel" id="admin-audit" aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading">{t('admin.audit')}</h2>
      <div className="toolbar">
        <SelectField id="audit-entity" label={t('admin.auditEntity')} value={entity} onChange={setEntity}>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {e === '' ? t('admin.auditAll') : e}
            </option>
          ))}
        </SelectField>
        <TextField
          id="audit-search"
          label={t('admin.auditSearch')}
          type="search"
          value={search}
          onChange={setSearch}
        />
      </div>
      <QueryView query={audit}>
        {(data) => {
          const needle = search.trim().toLocaleLowerCase(locale)
          const entries = data.entries.filter(
            (e) =>
              !needle ||
              [e.actor, e.action, e.entity, e.entityId ?? '', JSON.stringify(e.after ?? '')]
                .join(' ')
                .toLocaleLowerCase(locale)
                .includes(needle),
          )
          return (
            <>
              <DataTable
                caption={t('admin.auditCaption', { count: entries.length })}
                isCaptionHidden
                isSortable={false}
                // Actions, targets and changes are the record as stored: machine text, shown as code.
                renderCell={(row, column) =>
                  column.key === 'action' || column.key === 'target' || column.key === 'change' ? (
                    <code className="audit-code">{String(row[column.key] ?? '')}</code>
                  ) : undefined
                }
                columns={[
                  { key: 'at', header: t('admin.auditAt') },
                  { key: 'actor', header: t('admin.auditActor') },
                  { key: 'action', header: t('admin.auditAction') },
                  { key: 'target', header: t('admin.auditTarget') },
                  { key: 'change', header: t('admin.auditChange') },
                ]}
                rows={entries.map((e) => ({
                  at: formatDateTime(locale, e.at),
                  actor: e.actor,
                  action: e.action,
                  target: `${e.entity}${e.entityId ? ` #${e.entityId}` : ''}`,
                  change: describeChange(e.before, e.after),
                }))}
              />
              {data.entries.length >= limit && (
                <button type="button" className="button secondary" onClick={() => setLimit((l) => l + 100)}>
                  {t('admin.auditMore')}
                </button>
              )}
            </>
          )
        }}
      </QueryView>
    </section>
  )
}

const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held', 'digested'] as const
/** Rows of the outbox a page shows (the server's page size). */
const OUTBOX_PAGE = 100

/** The mail outbox: every message with its status and last error, never its content. */
function MailOutbox() {
  const { t, locale } = useI18n()
  const [status, setStatus] = useState('')
  const [offset, setOffset] = useState(0)
  const outbox = useMailOutbox(status || undefined, offset)
  const filter = (value: string) => {
    setStatus(value)
    setOffset(0)
  }
  return (
    <section className="panel" id="admin-outbox" aria-labelledby="admin-outbox-heading">
      <h2 id="admin-outbox-heading">{t('admin.outbox')}</h2>
      <p className="muted">{t('admin.outboxIntro')}</p>
      <QueryView query={outbox}>
        {(data: OutboxDto) => {
          const total = MAIL_STATUSES.reduce((sum, s) => sum + data.counts[s], 0)
          return (
            <>
              {!data.isSmtpConfigured && <p role="note">{t('admin.outboxNoSmtp')}</p>}
              <SelectField
                id="outbox-status"
                label={t('admin.outboxStatus')}
                value={status}
                onChange={filter}
              >
                <option value="">{t('mailStatus.all', { count: total })}</option>
                {MAIL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`mailStatus.${s}`, { count: data.counts[s] })}
                  </option>
                ))}
              </SelectField>
              <DataTable
                caption={t('admin.outboxCaption', { count: data.messages.length })}
                isCaptionHidden
                columns={[
                  { key: 'created', header: t('admin.outboxCreated') },
                  { key: 'recipient', header: t('admin.outboxRecipient') },
                  { key: 'kind', header: t('admin.outboxKind') },
                  { key: 'status', header: t('admin.outboxStatus') },
                  { key: 'attempts', header: t('admin.outboxAttempts'), type: 'number', digits: 0 },
                  { key: 'sent', header: t('admin.outboxSent') },
                  { key: 'error', header: t('admin.outboxError') },
                ]}
                rows={data.messages.map((m) => ({
                  id: m.id,
                  created: formatDateTime(locale, m.createdAt),
                  recipient: m.recipient,
                  kind: t(`mailKind.${m.kind}`),
                  status: t(`mailState.${m.status}`),
                  attempts: m.attempts,
                  sent: m.sentAt ? formatDateTime(locale, m.sentAt) : null,
                  error: m.lastError,
                }))}
                rowKey={(row) => String(row.id)}
              />
              {data.hasMore && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setOffset(offset + OUTBOX_PAGE)}
                >
                  {t('admin.outboxMore')}
                </button>
              )}
            </>
          )
        }}
      </QueryView>
    </section>
  )
}
