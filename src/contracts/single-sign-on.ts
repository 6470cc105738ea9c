/**
 * Sign-in with an organisation's own accounts (OpenID Connect) and the TOTP second factor
 * (docs/single-sign-on.md). The client secret of a provider goes in, never out.
 */
import { z } from 'zod'
import { MAX_LIST_ITEMS, refusedAs } from './common'
import { SSO_REFUSALS } from '../core/accounts/sso-binding'

export const ssoRefusalSchema = z.enum(SSO_REFUSALS as [string, ...string[]])

/** A domain as in an e-mail address: letters, digits, hyphens, dots; stored in lower case. */
const domainSchema = z
  .string()
  .min(3)
  .max(253)
  .regex(/^(?=.*\.)[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?$/, refusedAs('pattern.domain'))
  .transform((domain) => domain.toLowerCase())

export const ssoProviderRequestSchema = z
  .object({
    /** Shown on the sign-in page: "Mit <displayName> anmelden". */
    displayName: z.string().trim().min(1).max(200),
    issuer: z.string().url().max(500),
    clientId: z.string().min(1).max(500),
    /** Required when the organisation has no provider yet; left out, the stored secret stays. */
    clientSecret: z.string().min(1).max(2000).optional(),
    allowedDomains: z.array(domainSchema).max(MAX_LIST_ITEMS).default([]),
  })
  .strict()
export type SsoProviderRequest = z.input<typeof ssoProviderRequestSchema>

export const ssoProviderSchema = z
  .object({
    organisationId: z.number().int(),
    organisationName: z.string(),
    displayName: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    allowedDomains: z.array(z.string()),
    updatedAt: z.string(),
    /** Register this at the provider as the redirect URI; null while BENCHLEARN_PUBLIC_URL is unset. */
    redirectUri: z.string().nullable(),
  })
  .meta({ id: 'SsoProvider' })
export type SsoProviderDto = z.infer<typeof ssoProviderSchema>
export const ssoProviderListSchema = z.object({ providers: z.array(ssoProviderSchema) })

export const ssoProviderDeletedSchema = z.object({ isDeleted: z.literal(true) })

/** What the sign-in page offers: one button per organisation with a provider. */
export const ssoChoiceListSchema = z.object({
  choices: z.array(z.object({ organisationId: z.number().int(), displayName: z.string() })),
})
export type SsoChoiceList = z.infer<typeof ssoChoiceListSchema>

export const ssoStartRequestSchema = z.object({ organisationId: z.number().int().positive() }).strict()
export const ssoStartSchema = z.object({ authorizationUrl: z.string() })

export const ssoFinishRequestSchema = z
  .object({
    /** The query string the provider sent the browser back with (`?code=…&state=…`). */
    callbackQuery: z.string().min(1).max(4000),
  })
  .strict()

export const totpEnrolmentRequestSchema = z
  .object({ email: z.string().min(3).max(254), password: z.string().min(1).max(200) })
  .strict()
export const ownTotpEnrolmentRequestSchema = z
  .object({ currentPassword: z.string().min(1).max(200) })
  .strict()

/** A new TOTP secret to enter in an authenticator app (base32 and as otpauth:// URI for a QR code). */
export const totpEnrolmentSchema = z
  .object({ secret: z.string(), otpauthUri: z.string() })
  .meta({ id: 'TotpEnrolment' })

export const totpCodeRequestSchema = z.object({ code: z.string().min(6).max(20) }).strict()
export const recoveryCodesSchema = z.object({
  /** Single-use codes for when the authenticator is lost; shown once. */
  recoveryCodes: z.array(z.string()),
})

export const secondFactorStatusSchema = z.object({
  isEnabled: z.boolean(),
  /** Administrators and moderators must use a second factor (demo accounts are exempt). */
  isRequired: z.boolean(),
  recoveryCodesLeft: z.number().int(),
})
export type SecondFactorStatus = z.infer<typeof secondFactorStatusSchema>
export const secondFactorDisabledSchema = z.object({ isDisabled: z.literal(true) })

/** The own account's ways to sign in besides the password: organisation accounts bound to it. */
export const signInMethodsSchema = z
  .object({
    organisationAccounts: z
      .array(z.object({ organisationName: z.string(), boundAt: z.string() }))
      .max(MAX_LIST_ITEMS),
  })
  .meta({ id: 'SignInMethods' })
