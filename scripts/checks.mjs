/**
 * `npm test`'s static checks, side by side: the type check in one process, eslint and prettier in
 * another. Each is one single-threaded program, so on two cores the pair takes about as long as the
 * type check alone. A lane's output is printed whole when it ends (never interleaved), and the run
 * fails when either lane fails.
 */
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'

const LANES = [['typecheck'], ['lint']]

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], {
      shell: process.platform === 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(output) }))
  })
}

async function lane(scripts) {
  for (const script of scripts) {
    const started = Date.now()
    const { code, output } = await run(script)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    process.stdout.write(`\n> npm run ${script} (${seconds} s)\n${output}`)
    if (code !== 0) {
      process.stdout.write(`npm run ${script} failed (exit code ${code})\n`)
      return false
    }
  }
  return true
}

const results = await Promise.all(LANES.map(lane))
process.exitCode = results.every(Boolean) ? 0 : 1
