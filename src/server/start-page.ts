/**
 * The plain start page served when the web UI has not been built: what is in the database and
 * where the API is. It escapes everything it prints.
 */
import { sql } from 'kysely'
import type { AppContext } from './context'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** The page's one stylesheet; the server's CSP allows exactly this text (security-headers.ts). */
export const START_PAGE_STYLE = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
.demo{background:#fff3cd;border:1px solid #b58900;padding:.5rem 1rem;border-radius:4px}
table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}`

export async function renderStartPage(context: AppContext): Promise<string> {
  const db = context.database.db
  const counts = await sql<{
    organisations: number
    rings: number
    indicators: number
    observations: number
    batches: number
  }>`
    select (select count(*) from organisation)::int as organisations,
           (select count(*) from ring)::int as rings,
           (select count(*) from indicator)::int as indicators,
           (select count(*) from observation where is_current)::int as observations,
           (select count(*) from import_batch)::int as batches
  `.execute(db)
  const c = counts.rows[0]!
  const networks = await db.selectFrom('network').select(['name', 'is_demo']).orderBy('id').execute()
  const isDemo = networks.some((n) => n.is_demo)
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>benchlearn</title>
<style>${START_PAGE_STYLE}</style></head>
<body><h1>benchlearn</h1>
<p>Voneinander lernen im Vergleichsring – learning from peers in comparison rings.</p>
${isDemo ? '<p class="demo" role="note"><strong>Demo:</strong> Alle Kennzahlen dieses Netzwerks sind synthetische Demodaten. / All figures in this network are synthetic demo data.</p>' : ''}
<h2>Daten / Data</h2>
<table><tbody>
<tr><th scope="row">Netzwerke / Networks</th><td>${networks.map((n) => escapeHtml(n.name)).join(', ') || '–'}</td></tr>
<tr><th scope="row">Organisationen / Organisations</th><td>${c.organisations}</td></tr>
<tr><th scope="row">Vergleichsringe / Rings</th><td>${c.rings}</td></tr>
<tr><th scope="row">Indikatoren / Indicators</th><td>${c.indicators}</td></tr>
<tr><th scope="row">Werte / Values (current)</th><td>${c.observations.toLocaleString('de-DE')}</td></tr>
<tr><th scope="row">Importe / Imports</th><td>${c.batches}</td></tr>
</tbody></table>
<h2>API</h2>
<ul><li><a href="/api/openapi.json">OpenAPI 3.1</a></li><li><a href="/api/health">/api/health</a></li>
<li><a href="/api/v1/organisations">/api/v1/organisations</a></li><li><a href="/api/v1/indicators">/api/v1/indicators</a></li>
<li><a href="/api/v1/rings">/api/v1/rings</a></li></ul>
<p>Version ${escapeHtml(context.version)} · Datenbank / database: ${escapeHtml(context.database.location)}</p>
</body></html>`
}
