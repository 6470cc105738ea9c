/**
 * The security headers every answer carries (API, static UI, HTML pages, errors, 404s), set in one
 * onSend hook. The policy is what the built UI needs and no more: scripts, styles, images, fonts and
 * API calls from this origin only; no inline scripts, no eval, no plugins, never framed.
 *
 * React and ECharts set styles through the DOM (CSSOM), which a CSP does not restrict; `<style>`
 * elements and style attributes in HTML are refused, except the exact stylesheets of the two pages
 * the server renders itself (meeting pack, plain start page), allowed by their SHA-256: the meeting
 * pack stays one self-contained file that prints and can be saved, and an injected `<style>` with
 * any other text is still refused.
 */
import { createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { MEETING_PACK_STYLE } from '../features/reports/meeting-pack/render-meeting-pack'
import { START_PAGE_STYLE } from './start-page'

const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${[MEETING_PACK_STYLE, START_PAGE_STYLE].map(styleHash).join(' ')}`,
  // data: for the images browsers and ECharts make in memory (chart snapshots); no remote images.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
}

/** HSTS only over https (a browser ignores it over http, and a plain-http test server must stay reachable). */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains'

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value)
    if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY)
    return payload
  })
}
