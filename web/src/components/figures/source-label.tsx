/**
 * A small label beside values that come from the official publication ("veröffentlicht") or partly
 * from it ("teils veröffentlicht"), with its explanation as tooltip and for screen readers. Computed
 * values, the usual case, get no label.
 */
import type { SourceMixDto } from '../../../../src/contracts/published-figures'
import { useI18n } from '../../i18n/i18n'

export function SourceLabel({ source }: { source: SourceMixDto | undefined }) {
  const { t } = useI18n()
  if (source === undefined || source === 'computed') return null
  const hint = t(source === 'published' ? 'published.sourceHint' : 'source.mixedHint')
  return (
    <>
      {' '}
      <span className="source-label" title={hint}>
        {t(`source.${source}`)}
        <span className="visually-hidden"> ({hint})</span>
      </span>
    </>
  )
}
