/**
 * The ring-forming form as the request the server takes: numbers, weights and the constraints
 * typed as lines of text ("a, b" pairs and "key = ring" pins), with the first mistake in words.
 */
import type { FormPeerGroupsRequest } from '../../../../src/contracts/peers'
import type { I18n } from '../../i18n/i18n'

export type FormingMethod = FormPeerGroupsRequest['method']
export type LandRule = '' | NonNullable<FormPeerGroupsRequest['land']>

/** What the form holds, as typed. */
export interface FormingForm {
  method: FormingMethod
  k: string
  minSize: string
  maxSize: string
  indicators: readonly string[]
  weighting: 'manual' | 'regression'
  weights: Readonly<Record<string, string>>
  land: LandRule
  together: string
  apart: string
  pinned: string
}

/** Lines "a, b" into pairs; returns the pairs or the number of the first line that is not a pair. */
export function parsePairs(text: string): { pairs: [string, string][] } | { badLine: number } {
  const pairs: [string, string][] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    const parts = line.split(/[,;\s]+/).filter(Boolean)
    if (parts.length !== 2) return { badLine: i + 1 }
    pairs.push([parts[0]!, parts[1]!])
  }
  return { pairs }
}

/** Lines "key = ring number" into pins. */
export function parsePins(text: string): { pins: { org: string; ring: number }[] } | { badLine: number } {
  const pins: { org: string; ring: number }[] = []
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue
    const match = /^\s*([^\s=,;]+)\s*[=,;\s]\s*(\d+)\s*$/.exec(line)
    if (!match) return { badLine: i + 1 }
    pins.push({ org: match[1]!, ring: Number(match[2]) })
  }
  return { pins }
}

/** A whole number ≥ 1, or undefined for an empty text; null when it is something else. */
function parseCount(text: string): number | undefined | null {
  if (!text.trim()) return undefined
  const value = Number(text)
  return Number.isInteger(value) && value >= 1 ? value : null
}

/** The request, or what is wrong with the form (in the reader's language). */
export function buildFormingRequest(form: FormingForm, t: I18n['t']): FormPeerGroupsRequest | string {
  const k = parseCount(form.k)
  if (k === undefined || k === null) return t('forming.error.k')
  if (form.indicators.length === 0) return t('forming.error.indicators')
  const request: FormPeerGroupsRequest = {
    method: form.method,
    k,
    indicators: [...form.indicators],
    weighting: form.weighting,
  }
  if (form.weighting === 'manual') {
    const weights: Record<string, number> = {}
    for (const code of form.indicators) {
      const value = Number((form.weights[code] ?? '1').replace(',', '.'))
      if (!Number.isFinite(value) || value < 0) return t('forming.error.weight', { code })
      weights[code] = value
    }
    request.weights = weights
  }
  if (form.method !== 'rings') return request
  const minSize = parseCount(form.minSize)
  const maxSize = parseCount(form.maxSize)
  if (minSize === null || maxSize === null) return t('forming.error.size')
  request.minSize = minSize
  request.maxSize = maxSize
  if (form.land) request.land = form.land
  const together = parsePairs(form.together)
  if ('badLine' in together)
    return t('forming.error.pair', { field: t('forming.together'), line: together.badLine })
  const apart = parsePairs(form.apart)
  if ('badLine' in apart) return t('forming.error.pair', { field: t('forming.apart'), line: apart.badLine })
  const pins = parsePins(form.pinned)
  if ('badLine' in pins) return t('forming.error.pin', { line: pins.badLine })
  if (together.pairs.length > 0) request.together = together.pairs
  if (apart.pairs.length > 0) request.apart = apart.pairs
  if (pins.pins.length > 0) request.pinned = pins.pins
  return request
}
