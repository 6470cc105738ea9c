/**
 * Every package the lock file installs runs on the lowest Node.js version package.json promises
 * (`engines.node`). A dependency that moved on to a newer Node.js (cookie 2 and content-disposition
 * 3 need Node.js 22) is pinned back in package.json's `overrides` to its last version for ours.
 */
import { readFileSync } from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

interface LockPackage {
  version?: string
  engines?: Record<string, string> | string[]
  dev?: boolean
  optional?: boolean
}

const readJson = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'))
const project = readJson('package.json') as { engines: { node: string } }
const lock = readJson('package-lock.json') as { packages: Record<string, LockPackage> }

/**
 * Packages whose engines.node leaves out the lowest version of the project's range (the one the
 * machines here run: Node.js 20), as "path version needs range".
 */
function packagesNeedingMore(promised: string, packages: Record<string, LockPackage>): string[] {
  const lowest = semver.minVersion(promised)!
  return Object.entries(packages).flatMap(([path, entry]) => {
    const node = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node
    if (path === '' || node === undefined || semver.validRange(node) === null) return []
    return semver.satisfies(lowest, node) ? [] : [`${path} ${entry.version ?? '?'} needs node ${node}`]
  })
}

describe('dependencies', () => {
  it('all run on the lowest Node.js version package.json promises', () => {
    expect(semver.validRange(project.engines.node)).not.toBeNull()
    expect(packagesNeedingMore(project.engines.node, lock.packages)).toEqual([])
  })

  it('names a package that needs a newer Node.js', () => {
    const packages = {
      'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
      'node_modules/old': { version: '1.0.0', engines: { node: '>= 0.6' } },
      'node_modules/any': { version: '1.0.0', engines: ['node >= 0.4'] },
    }
    expect(packagesNeedingMore('>=20.19', packages)).toEqual(['node_modules/cookie 2.0.2 needs node >=22'])
  })
})
