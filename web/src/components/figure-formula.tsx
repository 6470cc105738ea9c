/**
 * How a figure is calculated: first in words ("Integrationen der letzten 12 Monate geteilt durch …"),
 * for the leader; the formula itself, numerator and denominator as written, behind a disclosure for
 * analysts. Shown in the catalogue and on the figure page.
 */
import type { FigureDto } from '../../../src/contracts/kpi'
import { describeFigureFormula } from '../../../src/core/kpi/describe-formula'
import { useFigureCatalogue } from '../api/figures'
import { useIndicators } from '../api/resources'
import { useI18n } from '../i18n/i18n'
import { pick } from '../i18n/translate'

/** The name of a raw series or a figure by its code, in the reader's language (the code if unknown). */
export function useFormulaNames(): (code: string) => string {
  const { locale } = useI18n()
  const indicators = useIndicators()
  const catalogue = useFigureCatalogue()
  const names = new Map<string, string>([
    ...(indicators.data?.indicators ?? []).map((i): [string, string] => [
      i.code,
      pick(locale, { de: i.nameDe, en: i.nameEn }),
    ]),
    ...(catalogue.data?.figures ?? []).map((f): [string, string] => [
      f.code,
      pick(locale, { de: f.current.nameDe, en: f.current.nameEn }),
    ]),
  ])
  return (code) => names.get(code) ?? code
}

export function FigureFormula({ figure, nameOf }: { figure: FigureDto; nameOf: (code: string) => string }) {
  const { t, locale } = useI18n()
  return (
    <>
      <p className="plain-formula">
        <strong>{t('fig.plainFormula')}</strong> {describeFigureFormula(figure.current, locale, nameOf)}
      </p>
      <details className="explainer">
        <summary>{t('fig.technicalFormula')}</summary>
        <dl className="facts">
          <div>
            <dt>{t('fig.numerator')}</dt>
            <dd>
              <code>{figure.current.numerator}</code>
            </dd>
          </div>
          <div>
            <dt>{t('fig.denominator')}</dt>
            <dd>
              <code>{figure.current.denominator}</code>
            </dd>
          </div>
          <div>
            <dt>{t('fig.display')}</dt>
            <dd>
              {figure.display} ({figure.current.unit})
            </dd>
          </div>
        </dl>
      </details>
    </>
  )
}
