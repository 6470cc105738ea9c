/**
 * A warning to the author of a text that names an organisation of the network while peers who see
 * organisations only under pseudonyms will read it. The text is saved; the UI shows the warning.
 */
import { z } from 'zod'

export const nameWarningSchema = z
  .object({
    field: z.string().describe('the request field whose text names organisations'),
    organisations: z.array(z.object({ id: z.number().int(), name: z.string() })),
    message: z.string(),
  })
  .meta({ id: 'NameWarning' })
export type NameWarningDto = z.infer<typeof nameWarningSchema>

/** Added to the answers of writes that store free text peers read. */
export const nameWarningsField = {
  warnings: z
    .array(nameWarningSchema)
    .describe('texts that name an organisation although peers see organisations only under pseudonyms'),
}
