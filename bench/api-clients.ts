/**
 * The load generator of the API benchmark, run in its own process (bench/api.ts forks it) so that
 * the clients never share an event loop with the server they measure. Each client signs in, then
 * loads the start page again and again like a browser: its own keep-alive connections, at most six
 * requests at a time, `accept-encoding` as a browser sends it. Latency is until the last byte of the
 * answer; the first round (empty server caches) is reported apart from the warm rounds.
 */
import { Agent, request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export interface ClientsJob {
  base: string
  email: string
  password: string
  clients: number
  rounds: number
  calls: string[]
}

export interface ClientsResult {
  kind: 'result'
  cold: number[]
  warm: Record<string, number[]>
  failures: string[]
  warmSeconds: number
  /** CPU time (user + system) the clients used during the warm rounds, in ms. */
  warmCpuMs: number
}

/** Sent to the parent when the warm rounds begin (it measures the server's CPU time from then). */
export interface WarmStart {
  kind: 'warm'
}

const BROWSER_CONNECTIONS = 6

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

function send(
  agent: Agent,
  url: URL,
  options: { method?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      url,
      { agent, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
        response.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

function decode(answer: Answer): unknown {
  const encoding = answer.headers['content-encoding']
  const raw =
    encoding === 'br'
      ? brotliDecompressSync(answer.body)
      : encoding === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body
  return JSON.parse(raw.toString('utf8'))
}

async function runClients(job: ClientsJob): Promise<ClientsResult> {
  const agents = Array.from(
    { length: job.clients },
    () => new Agent({ keepAlive: true, maxSockets: BROWSER_CONNECTIONS }),
  )
  const cookies: string[] = []
  for (const agent of agents) {
    const answer = await send(agent, new URL('/api/v1/session', job.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: job.email, password: job.password }),
    })
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${answer.body.toString()}`)
    const setCookie = answer.headers['set-cookie']?.[0] ?? ''
    cookies.push(setCookie.split(';')[0]!)
  }
  const result: ClientsResult = {
    kind: 'result',
    cold: [],
    warm: {},
    failures: [],
    warmSeconds: 0,
    warmCpuMs: 0,
  }
  for (const call of job.calls) result.warm[call] = []
  const loadPage = async (client: number, isCold: boolean) => {
    const queue = [...job.calls]
    await Promise.all(
      Array.from({ length: BROWSER_CONNECTIONS }, async () => {
        for (let call = queue.shift(); call; call = queue.shift()) {
          const started = performance.now()
          const answer = await send(agents[client]!, new URL(call, job.base), {
            headers: { cookie: cookies[client]!, 'accept-encoding': 'gzip, deflate, br' },
          })
          const elapsed = performance.now() - started
          if (isCold) result.cold.push(elapsed)
          else result.warm[call]!.push(elapsed)
          if (answer.status !== 200) result.failures.push(`${call}: ${answer.status}`)
          // The cold round checks that every answer is whole JSON (after the clock stopped).
          else if (isCold) decode(answer)
        }
      }),
    )
  }
  // Round 0 meets empty caches: all clients at once, reported apart.
  await Promise.all(cookies.map((_, client) => loadPage(client, true)))
  process.send!({ kind: 'warm' } satisfies WarmStart)
  const started = performance.now()
  const cpu = process.cpuUsage()
  await Promise.all(
    cookies.map(async (_, client) => {
      for (let round = 1; round <= job.rounds; round++) await loadPage(client, false)
    }),
  )
  result.warmSeconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  result.warmCpuMs = (used.user + used.system) / 1000
  for (const agent of agents) agent.destroy()
  return result
}

process.once('message', (job: ClientsJob) => {
  runClients(job).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
      process.exit(1)
    },
  )
})
