/**
 * The load generator of the API benchmark, run in its own process (bench/api.ts forks it) so that
 * the clients never share an event loop with the server they measure. Each client signs in, then
 * loads the start page again and again like a browser: the page's calls as the session answer
 * implies them (bench/start-page-calls.ts), over its own keep-alive connections, at most
 * `connections` requests at a time, `accept-encoding` as a browser sends it. Latency is until the
 * last byte of the answer; the first round (empty server caches) is reported apart from the warm
 * rounds.
 *
 * Two engines: `net` (the default) speaks HTTP/1.1 on raw sockets — it writes the GET with the
 * cookie and reads the status line, the headers and a body of content-length or chunked transfer —
 * because Node's http client costs about as much CPU per request as the server (~150 µs) and shares
 * the machine's cores with it; `node-http` (BENCH_API_ENGINE=node-http) is that client, for
 * comparison.
 */
import { Agent, request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FirstLoadDto, SessionDto } from '../src/contracts/auth'
import { callLabel, startPageRequests } from './start-page-calls'

export type ClientEngine = 'net' | 'node-http'

export interface ClientsJob {
  base: string
  email: string
  password: string
  clients: number
  rounds: number
  /** Keep-alive connections (and requests in flight) per client: 6 as a browser, or 1. */
  connections: number
  /** Whether the first round is measured as the cold round (false: run unmeasured, as a warm-up). */
  isFirstRoundCold: boolean
  engine: ClientEngine
}

export interface ClientsResult {
  kind: 'result'
  cold: number[]
  /** Warm latencies per request (callLabel: the path). */
  warm: Record<string, number[]>
  /** Requests of one page load, per client. */
  callsPerPage: number[]
  /** The calls the first loads of the first round answered (each with status 200), per client. */
  answeredCalls: number[]
  /** Clients whose session had a previous visit (their page also asks what was known then). */
  returningClients: number
  failures: string[]
  warmSeconds: number
  /** CPU time (user + system) the clients used during the warm rounds, in ms. */
  warmCpuMs: number
  /** Bytes of answers (headers and bodies, as sent) received during the warm rounds. */
  warmBytes: number
}

/**
 * Sent to the parent when the first round begins (`cold`) and when the warm rounds begin (`warm`):
 * it measures the server's CPU time, and profiles it when asked, from then.
 */
export type RoundStart = { kind: 'cold' } | { kind: 'warm' }

const ACCEPT_ENCODING = 'gzip, deflate, br'

interface Answer {
  status: number
  contentEncoding: string | undefined
  body: Buffer
  /** Bytes on the wire: status line, headers and body. */
  bytes: number
}

/** One client's connection to the server for GETs with its cookie. */
interface Connection {
  get(path: string): Promise<Answer>
  close(): void
}

const CRLF_CRLF = Buffer.from('\r\n\r\n')

/**
 * HTTP/1.1 keep-alive over a raw socket, one request at a time (as a browser uses a connection
 * without pipelining). Enough of HTTP for this server: status line, content-length or chunked
 * transfer, no trailers.
 */
class RawConnection implements Connection {
  #socket: Socket | undefined
  readonly #url: URL
  readonly #head: string
  #buffer: Buffer = Buffer.alloc(0)
  #pending: { resolve: (answer: Answer) => void; reject: (error: Error) => void } | undefined

  constructor(url: URL, cookie: string) {
    this.#url = url
    this.#head =
      `Host: ${url.host}\r\nCookie: ${cookie}\r\nAccept: application/json\r\n` +
      `Accept-Encoding: ${ACCEPT_ENCODING}\r\nConnection: keep-alive\r\n\r\n`
  }

  get(path: string): Promise<Answer> {
    if (this.#pending) return Promise.reject(new Error('one request at a time per connection'))
    // Opened on first use and again after the server closed an idle one, as a browser does.
    const socket = (this.#socket ??= this.#connect())
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject }
      socket.write(`GET ${path} HTTP/1.1\r\n${this.#head}`)
    })
  }

  close(): void {
    this.#socket?.destroy()
    this.#socket = undefined
  }

  #connect(): Socket {
    const socket = connect(Number(this.#url.port), this.#url.hostname)
    socket.setNoDelay(true)
    this.#buffer = Buffer.alloc(0)
    socket.on('data', (chunk: Buffer) => {
      this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk])
      this.#parse()
    })
    const fail = (error: Error) => {
      if (this.#socket === socket) this.#socket = undefined
      this.#pending?.reject(error)
      this.#pending = undefined
    }
    socket.on('error', fail)
    socket.on('close', () => fail(new Error('the server closed the connection during a request')))
    return socket
  }

  #parse(): void {
    const buffer = this.#buffer
    const headerEnd = buffer.indexOf(CRLF_CRLF)
    if (headerEnd < 0 || !this.#pending) return
    const head = buffer.toString('latin1', 0, headerEnd)
    const status = Number(head.slice(9, 12))
    let contentLength: number | undefined
    let isChunked = false
    let contentEncoding: string | undefined
    for (const line of head.split('\r\n')) {
      const colon = line.indexOf(':')
      if (colon < 0) continue
      const name = line.slice(0, colon).toLowerCase()
      const value = line.slice(colon + 1).trim()
      if (name === 'content-length') contentLength = Number(value)
      else if (name === 'transfer-encoding') isChunked = value.toLowerCase().includes('chunked')
      else if (name === 'content-encoding') contentEncoding = value
    }
    const bodyStart = headerEnd + 4
    let body: Buffer
    let end: number
    if (isChunked) {
      const chunks: Buffer[] = []
      let at = bodyStart
      for (;;) {
        const lineEnd = buffer.indexOf('\r\n', at)
        if (lineEnd < 0) return
        const size = parseInt(buffer.toString('latin1', at, lineEnd), 16)
        if (size === 0) {
          if (buffer.length < lineEnd + 4) return
          end = lineEnd + 4
          break
        }
        if (buffer.length < lineEnd + 2 + size + 2) return
        chunks.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size))
        at = lineEnd + 2 + size + 2
      }
      body = Buffer.concat(chunks)
    } else {
      end = bodyStart + (contentLength ?? 0)
      if (buffer.length < end) return
      body = buffer.subarray(bodyStart, end)
    }
    this.#buffer = buffer.subarray(end)
    const pending = this.#pending
    this.#pending = undefined
    pending.resolve({ status, contentEncoding, body, bytes: end })
  }
}

/** The same through Node's http client (an Agent per client with `maxSockets` connections). */
class NodeHttpConnection implements Connection {
  constructor(
    private readonly agent: Agent,
    private readonly base: string,
    private readonly cookie: string,
  ) {}

  get(path: string): Promise<Answer> {
    return new Promise<Answer>((resolve, reject) => {
      const req = request(
        new URL(path, this.base),
        {
          agent: this.agent,
          headers: { cookie: this.cookie, accept: 'application/json', 'accept-encoding': ACCEPT_ENCODING },
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => {
            const body = Buffer.concat(chunks)
            const encoding = response.headers['content-encoding']
            resolve({ status: response.statusCode ?? 0, contentEncoding: encoding, body, bytes: body.length })
          })
          response.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end()
    })
  }

  close(): void {
    this.agent.destroy()
  }
}

function decode(answer: Answer): unknown {
  const raw =
    answer.contentEncoding === 'br'
      ? brotliDecompressSync(answer.body)
      : answer.contentEncoding === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body
  return JSON.parse(raw.toString('utf8'))
}

interface Client {
  calls: string[]
  connections: Connection[]
  isReturning: boolean
}

/** Signs in (POST /api/v1/session) and opens the client's connections. */
async function signInClient(job: ClientsJob): Promise<Client> {
  const response = await fetch(new URL('/api/v1/session', job.base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: job.email, password: job.password }),
  })
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0] ?? ''
  const session = (await response.json()) as SessionDto
  if (session.user.organisationId === null) throw new Error(`${job.email} has no organisation`)
  const calls = startPageRequests()
  const url = new URL(job.base)
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections })
  const connections = Array.from({ length: job.connections }, () =>
    job.engine === 'net' ? new RawConnection(url, cookie) : new NodeHttpConnection(agent, job.base, cookie),
  )
  return { calls, connections, isReturning: session.previousVisitAt !== null }
}

async function runClients(job: ClientsJob): Promise<ClientsResult> {
  const clients: Client[] = []
  for (let i = 0; i < job.clients; i++) clients.push(await signInClient(job))
  const result: ClientsResult = {
    kind: 'result',
    cold: [],
    warm: {},
    callsPerPage: clients.map((c) => c.calls.length),
    answeredCalls: [],
    returningClients: clients.filter((c) => c.isReturning).length,
    failures: [],
    warmSeconds: 0,
    warmCpuMs: 0,
    warmBytes: 0,
  }
  // Answers of the first round, checked for whole JSON once the round is over: decoding them in
  // between would hold up this process's reading of the other answers, whose clocks still run.
  const toCheck: { call: string; answer: Answer }[] = []
  const loadPage = async (client: Client, round: 'cold' | 'warm-up' | 'warm') => {
    const queue = [...client.calls]
    await Promise.all(
      client.connections.map(async (connection) => {
        for (let call = queue.shift(); call; call = queue.shift()) {
          const started = performance.now()
          const answer = await connection.get(call)
          const elapsed = performance.now() - started
          if (round === 'cold') result.cold.push(elapsed)
          else if (round === 'warm') {
            ;(result.warm[callLabel(call)] ??= []).push(elapsed)
            result.warmBytes += answer.bytes
          }
          if (answer.status !== 200) result.failures.push(`${call}: ${answer.status}`)
          else if (round !== 'warm') toCheck.push({ call, answer })
        }
      }),
    )
  }
  // The connections are open when the page asks for its data (the browser has loaded the page and
  // its scripts over them): opened here with an unmeasured call that remembers nothing.
  await Promise.all(clients.flatMap((client) => client.connections.map((c) => c.get('/api/health'))))
  // Round 0 (all clients at once) meets empty caches when it is the cold round; reported apart.
  // The parent answers when it is ready to measure (it may start a profiler first).
  const ready = new Promise((resolve) => process.once('message', resolve))
  process.send!({ kind: 'cold' } satisfies RoundStart)
  await ready
  await Promise.all(clients.map((client) => loadPage(client, job.isFirstRoundCold ? 'cold' : 'warm-up')))
  for (const { call, answer } of toCheck.splice(0)) {
    let decoded: FirstLoadDto
    try {
      decoded = decode(answer) as FirstLoadDto
    } catch (error) {
      result.failures.push(`${call}: not whole JSON (${String(error)})`)
      continue
    }
    // Each call of the first load answered as alone, for the signed-in member.
    if (decoded.session === null) result.failures.push(`${call}: not signed in`)
    decoded.answers.forEach((part, i) => {
      if (part.status !== 200) result.failures.push(`${decoded.calls[i]}: ${part.status} in the first load`)
    })
    result.answeredCalls.push(decoded.calls.length)
  }
  process.send!({ kind: 'warm' } satisfies RoundStart)
  const started = performance.now()
  const cpu = process.cpuUsage()
  await Promise.all(
    clients.map(async (client) => {
      for (let round = 1; round <= job.rounds; round++) await loadPage(client, 'warm')
    }),
  )
  result.warmSeconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  result.warmCpuMs = (used.user + used.system) / 1000
  for (const client of clients) for (const connection of client.connections) connection.close()
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
