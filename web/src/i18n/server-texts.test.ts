import { describe, expect, it } from 'vitest'
import { SERVER_MESSAGES } from '../../../src/core/messages/catalogue'
import { render } from '../../../src/core/messages/text'
import { de } from './messages-server'
import { en } from './messages-server-en'
import { labelTexts } from './server-labels'
import { loadServerTexts, renderSent } from './server-texts'
import { LABEL_KEYS, serverTable, tableModule } from './server-tables'

describe('server texts of the web UI', () => {
  it('are the catalogue per language without the CLI texts', () => {
    const keys = Object.keys(SERVER_MESSAGES)
    const shown = keys.filter((key) => !key.startsWith('cli.'))
    expect(shown.length).toBeGreaterThan(800)
    expect(shown.length).toBeLessThan(keys.length)
    expect(Object.keys(de)).toEqual(shown)
    expect(Object.keys(en)).toEqual(shown)
    expect(de['practice.authorOfNetwork']).toBe('Jobcenter im Benchlearning-Netzwerk')
    expect(en['practice.authorOfNetwork']).toBe('a job centre of the network')
    expect(labelTexts.en).toEqual(Object.fromEntries(LABEL_KEYS.map((k) => [k, en[k]])))
  })

  it('are generated at build as the same table (vite.config.ts)', () => {
    const source = tableModule('en', serverTable('en'))
    expect(source.startsWith('export const en = {')).toBe(true)
    expect(JSON.parse(source.slice('export const en = '.length))).toEqual(en)
  })

  it('render every sent key as the server renders it, in both languages', async () => {
    await loadServerTexts('de')
    await loadServerTexts('en')
    const messages = [
      { key: 'import.rejected', params: { file: 'a.csv', count: 1200 } },
      { key: 'import.unknownIndicator', params: { code: 'x1' } },
    ] as const
    for (const m of messages) {
      for (const locale of ['de', 'en'] as const) {
        expect(renderSent(locale, { message: 'sent', key: m.key, params: m.params })).toBe(
          render(locale, { key: m.key, params: m.params }),
        )
      }
    }
    expect(
      renderSent('de', {
        message: 'a.csv: 1200 rejected',
        key: 'import.rejected',
        params: { file: 'a.csv', count: 1200 },
      }),
    ).toBe('a.csv: 1.200 Wert(e) abgelehnt; nichts wurde eingelesen')
    expect(renderSent('en', { message: 'as sent', key: 'cli.common.usage', params: { summary: 'x' } })).toBe(
      'as sent',
    )
  })
})
