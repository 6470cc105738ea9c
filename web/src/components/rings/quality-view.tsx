/**
 * The quality of a partition in plain words: how much of the differences the rings explain (R²),
 * how clearly they are separated (silhouette), how stable they are under resampling (bootstrap),
 * and how wide each ring spreads on every indicator.
 */
import type { PeerInputsDto, PeerQualityDto } from '../../../../src/contracts/peers'
import { useI18n } from '../../i18n/i18n'
import { formatNumber } from '../../i18n/translate'
import type { MessageKey } from '../../i18n/messages'
import { DataTable } from '../data-table'

export function silhouetteWord(value: number): MessageKey {
  if (value >= 0.5) return 'forming.silhouette.clear'
  if (value >= 0.25) return 'forming.silhouette.visible'
  return 'forming.silhouette.weak'
}

export function stabilityWord(value: number): MessageKey {
  if (value >= 0.8) return 'forming.stability.high'
  if (value >= 0.5) return 'forming.stability.medium'
  return 'forming.stability.low'
}

export function QualitySentences({ quality }: { quality: PeerQualityDto }) {
  const { t, locale } = useI18n()
  const n = (value: number, digits = 2) => formatNumber(locale, value, digits)
  return (
    <ul className="quality-list">
      <li>
        <strong>{t('forming.rSquaredLabel')}</strong>{' '}
        {t('forming.rSquared', { percent: n(quality.rSquared * 100, 0) })}
      </li>
      <li>
        <strong>{t('forming.silhouetteLabel')}</strong>{' '}
        {quality.silhouette === null
          ? t('forming.silhouetteNone')
          : t('forming.silhouette', {
              value: n(quality.silhouette),
              word: t(silhouetteWord(quality.silhouette)),
            })}
      </li>
      <li>
        <strong>{t('forming.stabilityLabel')}</strong>{' '}
        {quality.stability === null
          ? t('forming.stabilityNone')
          : t('forming.stability', {
              value: n(quality.stability.meanAdjustedRandIndex),
              replicates: quality.stability.replicates,
              word: t(stabilityWord(quality.stability.meanAdjustedRandIndex)),
            })}
      </li>
    </ul>
  )
}

/** Per ring: size, silhouette, and mean (min–max) of every indicator. */
export function SpreadTable({ quality, inputs }: { quality: PeerQualityDto; inputs: PeerInputsDto }) {
  const { t, locale } = useI18n()
  const n = (value: number) => formatNumber(locale, value, Math.abs(value) >= 100 ? 0 : 1)
  const indicatorName = (code: string) => {
    const indicator = inputs.indicators.find((i) => i.code === code)
    return indicator ? (locale === 'de' ? indicator.nameDe : indicator.nameEn) : code
  }
  const codes = quality.spread[0]?.indicators.map((i) => i.code) ?? []
  return (
    <DataTable
      caption={t('forming.spreadCaption')}
      isSortable={false}
      columns={[
        { key: 'group', header: t('forming.group') },
        { key: 'size', header: t('forming.size'), type: 'number', digits: 0 },
        {
          key: 'silhouette',
          header: t('forming.silhouetteLabel').replace(/:$/, ''),
          type: 'number',
          digits: 2,
        },
        ...codes.map((code) => ({ key: code, header: indicatorName(code) })),
      ]}
      rows={quality.spread.map((g) => ({
        group: g.group,
        size: g.size,
        silhouette: quality.silhouetteByGroup[g.group] ?? null,
        ...Object.fromEntries(g.indicators.map((i) => [i.code, `${n(i.mean)} (${n(i.min)}–${n(i.max)})`])),
      }))}
    />
  )
}
