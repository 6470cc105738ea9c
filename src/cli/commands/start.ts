import { join } from 'node:path'
import { parseWorkersFromEnv, uploadLimitFromEnv } from '../../core/limits/input-limits'
import { latestCompleteMonth } from '../../core/periods/period'
import { listDemoLogins } from '../../features/demo/create-demo-accounts'
import { computeKeyFigures } from '../../features/kpi/compute-key-figures'
import { createDemoPublication } from '../../features/demo/create-demo-publication'
import { createDemoNetwork } from '../../features/demo/create-demo-network'
import { countOrganisations } from '../../features/organisations/organisation.repository'
import { readMailSettings } from '../../features/mail/mail-settings'
import { prepareDatabase } from '../../features/setup/prepare-database'
import { singleSignOnSettingsFromEnv } from '../../features/single-sign-on/sso-settings'
import { invalidInput } from '../../core/errors/app-error'
import type { Locale } from '../../core/format/format'
import { message } from '../../core/messages/text'
import { buildApp, logOptions } from '../../server/app'
import { startOperationsEndpoint } from '../../server/operations-endpoint'
import { type CliIo, databaseOptions, refuseWhileServerRuns, say, startCommand } from '../io'

export const WEB_ROOT = join(import.meta.dirname, '../../../dist/web')

export async function run(args: string[], io: CliIo): Promise<number> {
  const { locale, values } = startCommand(io, args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'no-demo': { type: 'boolean' },
  })
  const port = Number(values.port ?? io.env.PORT ?? 3000)
  const host = values.host ?? io.env.HOST ?? '127.0.0.1'
  // Checked before anything starts: a wrong value is an error, not a silent default.
  const maxUploadBytes = uploadLimitFromEnv(io.env.BENCHLEARN_MAX_UPLOAD_MB)
  const parseWorkers = parseWorkersFromEnv(io.env.BENCHLEARN_PARSE_WORKERS)
  const mail = readMailSettings(io.env, `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
  const singleSignOn = singleSignOnSettingsFromEnv(io.env)
  const operations = operationsFromEnv(io.env)
  const started = Date.now()
  const target = databaseOptions(io, values['data-dir'])
  refuseWhileServerRuns(target, 'ops.actionStart')
  const database = await prepareDatabase(target)
  const isNewDemo = !values['no-demo'] && (await countOrganisations(database.db)) === 0
  if (isNewDemo) {
    io.err(say(locale, 'cli.start.creatingDemo'))
    const demo = await createDemoNetwork(database, { lastMonth: latestCompleteMonth(new Date()) })
    io.err(
      say(locale, 'cli.start.demoCreated', {
        organisations: demo.organisations,
        rings: demo.rings,
        values: demo.values,
        firstMonth: demo.firstMonth,
        lastMonth: demo.lastMonth,
      }),
    )
  }
  // Figures follow the data: a first run after the demo, otherwise only what new imports changed.
  const computed = await computeKeyFigures(database)
  if (computed.kind !== 'up_to_date') {
    io.err(
      say(locale, 'cli.start.figuresComputed', { values: computed.valuesWritten, seconds: computed.seconds }),
    )
  }
  // The demo's synthetic publication is made from the computed figures, so it comes after them.
  if (isNewDemo) await createDemoPublication(database)
  const app = await buildApp({
    database,
    webRoot: WEB_ROOT,
    // Behind a TLS-terminating proxy: BENCHLEARN_TRUST_PROXY=true (or the proxy's addresses).
    trustProxy: trustProxySetting(io.env.BENCHLEARN_TRUST_PROXY),
    maxUploadBytes,
    parseWorkers,
    mail: { settings: mail },
    singleSignOn,
    logger: logOptions(operations.logLevel),
    isSecureCookies: operations.isSecureCookies,
    metricsToken: operations.metricsToken,
    isRunningWorkers: true,
  })
  await app.listen({ port, host })
  // The embedded database belongs to this process: `benchlearn backup` asks it through this endpoint.
  const operationsEndpoint = target.dataDir
    ? await startOperationsEndpoint({
        database,
        dataDir: target.dataDir,
        log: (message, error) => app.log.error({ err: error }, message),
      })
    : null
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`
  // Only a demo network has accounts with public passwords; real passwords are never printed.
  const demoNetwork = await database.db
    .selectFrom('network')
    .select('id')
    .where('is_demo', '=', true)
    .executeTakeFirst()
  const demoLogins = demoNetwork ? await listDemoLogins(database.db) : []
  io.out(
    startBanner(locale, {
      url,
      location: database.location,
      mailServer: mail.smtp ? `${mail.smtp.host}:${mail.smtp.port}` : null,
      seconds: (Date.now() - started) / 1000,
      demoLogins,
    }),
  )
  await new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await operationsEndpoint?.close()
  await app.close()
  await database.close()
  return 0
}

/** What `start` prints once the server listens: where it runs, its database, mail and the demo logins. */
export function startBanner(
  locale: Locale,
  banner: {
    url: string
    location: string
    mailServer: string | null
    seconds: number
    demoLogins: readonly { role: string; email: string; password: string }[]
  },
): string {
  return [
    '',
    say(locale, 'cli.start.running', { url: banner.url }),
    `  ${say(locale, 'cli.start.database', { location: banner.location })}`,
    `  ${say(locale, 'cli.start.api', { url: `${banner.url}api/openapi.json` })}`,
    `  ${banner.mailServer ? say(locale, 'cli.start.mail', { server: banner.mailServer }) : say(locale, 'cli.start.noMail')}`,
    `  ${say(locale, 'cli.start.startedIn', { seconds: banner.seconds })}`,
    '',
    ...(banner.demoLogins.length > 0
      ? [
          say(locale, 'cli.start.demoLogins'),
          ...banner.demoLogins.map(
            (l) =>
              `  ${l.role.padEnd(15)} ${l.email.padEnd(32)} ${say(locale, 'cli.start.password', { password: l.password })}`,
          ),
          '',
        ]
      : []),
    say(locale, 'cli.start.synthetic'),
  ].join('\n')
}

function trustProxySetting(value: string | undefined): boolean | string {
  if (!value || value === 'false' || value === '0') return false
  return value === 'true' || value === '1' ? true : value
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
/** A shorter metrics token could be guessed; `openssl rand -hex 32` makes a good one. */
const MIN_METRICS_TOKEN_LENGTH = 24

/** The settings of docs/operations.md that `start` reads, checked before anything starts. */
export function operationsFromEnv(env: NodeJS.ProcessEnv): {
  logLevel: string
  isSecureCookies: boolean
  metricsToken: string | undefined
} {
  const logLevel = env.BENCHLEARN_LOG_LEVEL || 'info'
  if (!LOG_LEVELS.includes(logLevel))
    throw invalidInput(message('startup.logLevel', { levels: LOG_LEVELS.join(', '), value: logLevel }))
  const secure = env.BENCHLEARN_SECURE_COOKIES
  if (secure && !['true', '1', 'false', '0'].includes(secure))
    throw invalidInput(message('startup.secureCookies', { value: secure }))
  const publicUrl = env.BENCHLEARN_PUBLIC_URL
  const isSecureCookies = secure
    ? secure === 'true' || secure === '1'
    : (publicUrl?.startsWith('https://') ?? false)
  const metricsToken = env.BENCHLEARN_METRICS_TOKEN || undefined
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN_LENGTH)
    throw invalidInput(message('startup.metricsTokenShort', { min: MIN_METRICS_TOKEN_LENGTH }))
  return { logLevel, isSecureCookies, metricsToken }
}
