/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for tests: its own
 * login form takes a subject as the login (any password), and the identities list says what the
 * ID token claims about each subject. Consent is granted at once, as an organisation's provider
 * does for its own applications.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type KoaContextWithOIDC } from 'oidc-provider'

export interface TestIdentity {
  subject: string
  email?: string
  emailVerified?: boolean
  name?: string
}

export interface TestOidcProvider {
  issuer: string
  clientId: string
  clientSecret: string
  close(): Promise<void>
}

export async function startTestOidcProvider(options: {
  redirectUri: string
  identities: readonly TestIdentity[]
  clientId?: string
  clientSecret?: string
}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'benchlearn-test'
  const clientSecret = options.clientSecret ?? 'test-client-secret-0123456789'
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    response.end()
  const server = createServer((request, response) => handle(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims in the ID token itself, as the providers of the organisations send them.
    conformIdTokenClaims: false,
    cookies: { keys: ['benchlearn-test-cookie-key'] },
    async findAccount(_ctx: KoaContextWithOIDC, id: string) {
      const identity = options.identities.find((i) => i.subject === id)
      if (!identity) return undefined
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            ...(identity.email !== undefined
              ? { email: identity.email, email_verified: identity.emailVerified ?? true }
              : {}),
            ...(identity.name !== undefined ? { name: identity.name } : {}),
          }
        },
      }
    },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      })
      grant.addOIDCScope('openid email profile')
      await grant.save()
      return grant
    },
  })
  const callback = provider.callback()
  handle = (request, response) => void callback(request, response)
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * Goes through the provider's login form as a browser would (cookies kept, redirects followed by
 * hand) and answers the query string the provider sends the browser back to the app with.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const cookies = new Map<string, string>()
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';')
      const [name, ...value] = pair!.split('=')
      cookies.set(name!.trim(), value.join('='))
    }
    return response
  }
  const origin = new URL(authorizationUrl).origin
  const follow = (response: Response) => new URL(response.headers.get('location')!, origin).href
  const interaction = follow(await request(authorizationUrl))
  const form = await (await request(interaction)).text()
  const action = /action="([^"]+)"/.exec(form)?.[1]
  if (!action) throw new Error(`no login form at ${interaction}: ${form.slice(0, 200)}`)
  const submitted = await request(new URL(action, origin).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
  })
  const back = follow(await request(follow(submitted)))
  return new URL(back).search
}
