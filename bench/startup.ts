/**
 * Time from `benchlearn start` on an empty data folder to a served demo (health answers and the demo
 * values are there), and the server's peak memory (VmHWM of the process).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchResult } from './types'

const ROOT = join(import.meta.dirname, '..')

async function waitForDemo(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      // The server listens only after the demo network is written, so a healthy demo answer is the end.
      const response = await fetch(`${url}/api/health`)
      if (response.ok && ((await response.json()) as { isDemo: boolean }).isDemo) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the demo was not served within the deadline')
}

export async function bench(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'benchlearn-start-'))
  const port = 3900 + (process.pid % 90)
  const env: NodeJS.ProcessEnv = { ...process.env, BENCHLEARN_DATA_DIR: dataDir, PORT: String(port) }
  delete env.DATABASE_URL
  const started = performance.now()
  const child = spawn(process.execPath, [join(ROOT, 'bin/benchlearn.mjs'), 'start'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  try {
    await waitForDemo(`http://127.0.0.1:${port}`, Date.now() + 120_000)
    const seconds = (performance.now() - started) / 1000
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
    const peakMb = Number(status.match(/VmHWM:\s+(\d+) kB/)?.[1] ?? 0) / 1024
    return [
      {
        name: 'npm start on an empty data folder → demo served',
        value: seconds,
        unit: 's',
        target: '< 30 s',
        isMet: seconds < 30,
      },
      {
        name: 'peak memory of the server (start + demo)',
        value: peakMb,
        unit: 'MB',
        target: '< 1024 MB',
        isMet: peakMb < 1024,
      },
    ]
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr}`)
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}
