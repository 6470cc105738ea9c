/** Mail over HTTP: the caller's choices per kind of message, and the administrators' outbox. */
import {
  mailPreferencesSchema,
  outboxQuerySchema,
  outboxSchema,
  updateMailPreferencesRequestSchema,
} from '../../contracts/mail'
import { PERMISSIONS } from '../../core/permissions'
import { route } from '../../server/route'
import { getMailPreferences } from './get-mail-preferences'
import { listOutbox } from './list-outbox'
import { updateMailPreferences } from './update-mail-preferences'

export const getMailPreferencesRoute = route('session', 'GET /api/v1/me/mail-preferences', {
  operationId: 'getMailPreferences',
  summary: 'How the caller gets each kind of message: immediately, in a daily digest, or only in the app',
  access: { roles: 'any' },
  response: mailPreferencesSchema,
  handler: ({ context, viewer }) => getMailPreferences(context.database.db, viewer.userId),
})

export const updateMailPreferencesRoute = route('session', 'PUT /api/v1/me/mail-preferences', {
  operationId: 'updateMailPreferences',
  summary: "Change the caller's delivery of some kinds of message",
  access: { roles: 'any' },
  body: updateMailPreferencesRequestSchema,
  response: mailPreferencesSchema,
  handler: ({ context, viewer, actor, body, now }) =>
    updateMailPreferences(context.database, {
      userId: viewer.userId,
      actor,
      preferences: body.preferences,
      now,
    }),
})

export const listOutboxRoute = route('users', 'GET /api/v1/admin/mail-outbox', {
  operationId: 'listMailOutbox',
  summary: 'The mail outbox: every message with its status, attempts and last error (not its content)',
  access: { roles: PERMISSIONS.manageNetwork },
  query: outboxQuerySchema,
  response: outboxSchema,
  handler: ({ context, query }) =>
    listOutbox(context.database.db, {
      status: query.status,
      offset: query.offset,
      isSmtpConfigured: context.mail.settings.smtp !== null,
    }),
})

export const mailRoutes = [getMailPreferencesRoute, updateMailPreferencesRoute, listOutboxRoute]
