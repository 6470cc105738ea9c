// The parts of oidc-provider 8 (tests only: src/test/oidc-provider.ts) that the tests use; the
// package ships no types and @types/oidc-provider is not installed.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface Grant {
    addOIDCScope(scope: string): void
    save(): Promise<string>
  }

  export interface KoaContextWithOIDC {
    oidc: {
      provider: Provider
      client?: { clientId: string }
      session?: { accountId?: string }
    }
  }

  export interface Account {
    accountId: string
    claims(): Promise<Record<string, unknown>>
  }

  export interface Configuration {
    clients: Record<string, unknown>[]
    claims?: Record<string, string[]>
    conformIdTokenClaims?: boolean
    cookies?: { keys: string[] }
    findAccount(ctx: KoaContextWithOIDC, id: string): Promise<Account | undefined>
    loadExistingGrant?(ctx: KoaContextWithOIDC): Promise<Grant | undefined>
  }

  export default class Provider {
    constructor(issuer: string, configuration: Configuration)
    Grant: new (properties: { clientId: string; accountId: string }) => Grant
    callback(): (request: IncomingMessage, response: ServerResponse) => Promise<void>
  }
}
