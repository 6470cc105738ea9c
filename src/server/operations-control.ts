/**
 * The control file of a running server in its data folder (embedded PGlite): PGlite belongs to the one
 * process that opened it, so `benchlearn backup` must not open the folder while `benchlearn start`
 * runs on it; it finds this file instead and asks the server (operations-endpoint.ts). The file holds
 * the process id, the loopback port of the operations endpoint and a random token; it is readable by
 * its owner only and removed when the server stops.
 */
import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { invalidInput } from '../core/errors/app-error'
import { message } from '../core/messages/text'

export const CONTROL_FILE_NAME = 'benchlearn-server.json'

export interface ServerControl {
  pid: number
  port: number
  token: string
}

export const controlFileOf = (dataDir: string) => join(dataDir, CONTROL_FILE_NAME)

export const newControlToken = () => randomBytes(32).toString('base64url')

export function writeControlFile(dataDir: string, control: ServerControl): void {
  const file = controlFileOf(dataDir)
  // Written whole and renamed: a reader never sees half a file.
  const partial = `${file}.partial-${process.pid}`
  writeFileSync(partial, `${JSON.stringify(control)}\n`, { mode: 0o600 })
  chmodSync(partial, 0o600)
  renameSync(partial, file)
}

/** Removes the file if it is still this server's (a later server on the same folder wrote its own). */
export function removeControlFile(dataDir: string, token: string): void {
  if (readControlFile(dataDir)?.token === token) rmSync(controlFileOf(dataDir), { force: true })
}

/** The control file of the folder, or null when there is none. */
export function readControlFile(dataDir: string): ServerControl | null {
  const file = controlFileOf(dataDir)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const parsed = safeParse(text) as Partial<ServerControl> | null
  if (
    !parsed ||
    !Number.isInteger(parsed.pid) ||
    !Number.isInteger(parsed.port) ||
    typeof parsed.token !== 'string'
  )
    throw invalidInput(message('ops.controlFileDamaged', { file }))
  return { pid: parsed.pid!, port: parsed.port!, token: parsed.token }
}

/** The control of a server that runs on the folder now; a file left by a killed server is ignored. */
export function findRunningServer(dataDir: string): ServerControl | null {
  const control = readControlFile(dataDir)
  return control && isProcessAlive(control.pid) ? control : null
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
