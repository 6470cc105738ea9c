/** Sign-in with an organisation's own accounts over HTTP: the sign-in page's choices, start and finish, and the administration of providers. */
import { z } from 'zod'
import { sessionSchema } from '../../contracts/auth'
import {
  ssoChoiceListSchema,
  ssoFinishRequestSchema,
  ssoProviderDeletedSchema,
  ssoProviderListSchema,
  ssoProviderRequestSchema,
  ssoProviderSchema,
  ssoStartRequestSchema,
  ssoStartSchema,
  signInMethodsSchema,
} from '../../contracts/single-sign-on'
import { PERMISSIONS } from '../../core/permissions'
import { addressAt, FOR_ANY, route } from '../../server/route'
import { answerNewSession, clientOf, sessionCookieOptions } from '../auth/auth.routes'
import { configureSsoProvider, removeSsoProvider } from './configure-sso-provider'
import { finishSsoSignIn } from './finish-sso-sign-in'
import { listSignInMethods } from './list-sign-in-methods'
import { listSsoChoices, listSsoProviderSettings } from './list-sso-providers'
import { SSO_SIGN_IN_MINUTES, startSsoSignIn } from './start-sso-sign-in'

/** Carries the state of a sign-in under way, so that only the browser that started it can finish it. */
export const SSO_STATE_COOKIE = 'benchlearn_sso_state'
const SSO_COOKIE_PATH = '/api/v1/sso'

const organisationParamsSchema = z.object({ organisationId: z.coerce.number().int().positive() })

export const listSsoChoicesRoute = route.public('session', 'GET /api/v1/sso/choices', {
  operationId: 'listSsoChoices',
  summary: 'The organisations whose own accounts can be used to sign in (for the sign-in page)',
  access: { isPublic: true },
  response: ssoChoiceListSchema,
  async handler({ context }) {
    return listSsoChoices(context.database.db, context.singleSignOn)
  },
})

export const startSsoSignInRoute = route.public('session', 'POST /api/v1/sso/start', {
  operationId: 'startSsoSignIn',
  summary: "Start signing in with an organisation's provider: answers the URL to send the browser to",
  access: { isPublic: true },
  body: ssoStartRequestSchema,
  response: ssoStartSchema,
  async handler({ body, context, now, request, reply }) {
    const started = await startSsoSignIn(context.database, {
      organisationId: body.organisationId,
      settings: context.singleSignOn,
      now,
    })
    reply.setCookie(SSO_STATE_COOKIE, started.state, {
      ...sessionCookieOptions(request, context),
      path: SSO_COOKIE_PATH,
      maxAge: SSO_SIGN_IN_MINUTES * 60,
    })
    return { authorizationUrl: started.authorizationUrl }
  },
})

export const finishSsoSignInRoute = route.public('session', 'POST /api/v1/sso/finish', {
  operationId: 'finishSsoSignIn',
  summary: "Finish signing in with an organisation's provider (the query it sent the browser back with)",
  access: { isPublic: true },
  body: ssoFinishRequestSchema,
  response: sessionSchema,
  async handler(input) {
    const { body, context, request, reply, now } = input
    const browserState = request.cookies[SSO_STATE_COOKIE] ?? null
    reply.clearCookie(SSO_STATE_COOKIE, { ...sessionCookieOptions(request, context), path: SSO_COOKIE_PATH })
    const session = await finishSsoSignIn(context.database, {
      callbackQuery: body.callbackQuery,
      browserState,
      settings: context.singleSignOn,
      ...clientOf(request),
      now,
    })
    return answerNewSession(input, session)
  },
})

export const listSsoProvidersRoute = route('users', 'GET /api/v1/sso/providers', {
  operationId: 'listSsoProviders',
  summary: "The organisations' sign-in providers (without client secrets) and the redirect URI to register",
  access: { roles: PERMISSIONS.manageNetwork },
  response: ssoProviderListSchema,
  async handler({ context }) {
    return { providers: await listSsoProviderSettings(context.database.db, context.singleSignOn) }
  },
})

export const putSsoProviderRoute = route('users', 'PUT /api/v1/sso/providers/:organisationId', {
  operationId: 'putSsoProvider',
  summary: "Set an organisation's OpenID Connect provider (the client secret is write-only)",
  access: { roles: PERMISSIONS.manageNetwork },
  params: organisationParamsSchema,
  body: ssoProviderRequestSchema,
  response: ssoProviderSchema,
  handler: ({ params, body, context, ...input }) =>
    configureSsoProvider(context.database, {
      organisationId: params.organisationId,
      provider: body,
      settings: context.singleSignOn,
      actor: input.actor,
      ...addressAt(input),
    }),
})

export const deleteSsoProviderRoute = route('users', 'DELETE /api/v1/sso/providers/:organisationId', {
  operationId: 'deleteSsoProvider',
  summary: "Remove an organisation's provider (bound accounts keep their binding for a later provider)",
  access: { roles: PERMISSIONS.manageNetwork },
  params: organisationParamsSchema,
  response: ssoProviderDeletedSchema,
  async handler(input) {
    const { organisationId } = input.params
    await removeSsoProvider(input.context.database, {
      organisationId,
      actor: input.actor,
      ...addressAt(input),
    })
    return { isDeleted: true as const }
  },
})

export const listSignInMethodsRoute = route('session', 'GET /api/v1/session/sign-in-methods', {
  operationId: 'listSignInMethods',
  summary: 'The organisation accounts bound to the own account (signing in besides the password)',
  access: FOR_ANY,
  response: signInMethodsSchema,
  async handler({ context, session }) {
    return listSignInMethods(context.database.db, session.user.id)
  },
})

export const ssoRoutes = [
  listSignInMethodsRoute,
  listSsoChoicesRoute,
  startSsoSignInRoute,
  finishSsoSignInRoute,
  listSsoProvidersRoute,
  putSsoProviderRoute,
  deleteSsoProviderRoute,
]
