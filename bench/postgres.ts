import pg from 'pg'

/** Creates a throw-away PostgreSQL database for a benchmark; returns its URL and a drop function. */
export async function createBenchDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const admin = new URL(base)
  admin.pathname = '/postgres'
  const name = `benchlearn_bench_${label}_${process.pid}`
  const client = new pg.Client({ connectionString: admin.toString() })
  try {
    await client.connect()
  } catch {
    return undefined
  }
  await client.query(`drop database if exists "${name}"`)
  await client.query(`create database "${name}"`)
  await client.end()
  const url = new URL(admin.toString())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() })
      await c.connect()
      await c.query(`drop database if exists "${name}" with (force)`)
      await c.end()
    },
  }
}
