import { z } from 'zod'
import { abilitiesSchema } from './auth'
import { isoDate } from './common'

export const organisationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    shortName: z.string(),
    kind: z.string(),
    carrierType: z.string().nullable(),
    landCode: z.string().nullable(),
    nuts3: z.string().nullable(),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    isDemo: z.boolean(),
    areas: z.array(z.object({ ags5: z.string(), validFrom: isoDate, validTo: isoDate.nullable() })),
    sites: z.array(z.object({ name: z.string(), address: z.string().nullable(), isMain: z.boolean() })),
    partners: z.array(
      z.object({ name: z.string(), role: z.string(), validFrom: isoDate, validTo: isoDate.nullable() }),
    ),
    ring: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
    /**
     * True for a ring peer shown under a pseudonym ("Jobcenter C (Vergleichsring 3)"): its id is
     * negative and no other route accepts it; areas, sites and partners are left out.
     */
    isPseudonymised: z.boolean(),
    /** What the caller may do with this organisation, e.g. canUploadData, canViewFigures. */
    abilities: abilitiesSchema,
  })
  .meta({ id: 'Organisation' })
export type OrganisationDto = z.infer<typeof organisationSchema>

export const organisationsQuerySchema = z.object({
  at: isoDate.optional().describe('day on which ring memberships are read (default: today)'),
})

export const organisationListSchema = z.object({ organisations: z.array(organisationSchema) })

export const ringSchema = z
  .object({
    id: z.number().int(),
    networkId: z.number().int(),
    networkName: z.string(),
    code: z.string(),
    name: z.string(),
    sharing: z.enum(['named', 'pseudonymised']),
    validFrom: isoDate,
    validTo: isoDate.nullable(),
    /** Empty when the caller may not see who is in the ring (then only memberCount). */
    members: z.array(
      z.object({
        organisationId: z.number().int(),
        name: z.string(),
        validFrom: isoDate,
        validTo: isoDate.nullable(),
        isPseudonymised: z.boolean(),
      }),
    ),
    memberCount: z.number().int(),
    abilities: abilitiesSchema,
  })
  .meta({ id: 'Ring' })

export const ringsQuerySchema = z.object({ at: isoDate.optional().describe('day (default: today)') })
export const ringListSchema = z.object({ at: isoDate, rings: z.array(ringSchema) })

// ---- Ring sharing setting (issue 5, administration) ----

export const ringIdParamsSchema = z.object({ id: z.coerce.number().int().positive() })

export const updateRingSharingRequestSchema = z
  .object({
    sharing: ringSchema.shape.sharing.describe(
      'named = members see each other by name; pseudonymised = members see each other under pseudonyms',
    ),
  })
  .strict()

export const ringSharingSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    sharing: ringSchema.shape.sharing,
    previousSharing: ringSchema.shape.sharing,
  })
  .meta({ id: 'RingSharing' })
export type RingSharingDto = z.infer<typeof ringSharingSchema>
