import { describe, expect, test } from 'vitest'
import { renderMail } from './render-mail'
import { retryAt } from './send-pending-mail'

describe('renderMail', () => {
  test('writes text and HTML from the same sections and escapes what people typed', () => {
    const mail = renderMail({
      subject: 'Einladung: <Treffen>',
      parts: [
        {
          locale: 'de',
          sections: [
            { paragraphs: ['Treffen <b>A&B</b>'], link: 'https://bl.example.org/meetings/1?a=1&b=2' },
          ],
        },
      ],
      preferencesUrl: 'https://bl.example.org/settings',
    })
    expect(mail.text).toBe(
      [
        'Guten Tag,',
        '',
        'Treffen <b>A&B</b>',
        '',
        'In benchlearn öffnen: https://bl.example.org/meetings/1?a=1&b=2',
        '',
        '--',
        'Diese Nachricht kommt von benchlearn, der Plattform des Benchlearning-Netzwerks der kommunalen Jobcenter.',
        'Welche Nachrichten Sie per E-Mail erhalten, legen Sie hier fest: https://bl.example.org/settings',
        '',
      ].join('\n'),
    )
    expect(mail.html).toContain('<p>Treffen &lt;b&gt;A&amp;B&lt;/b&gt;</p>')
    expect(mail.html).toContain(
      '<a href="https://bl.example.org/meetings/1?a=1&amp;b=2">In benchlearn öffnen</a>',
    )
    expect(mail.html).not.toContain('<b>')
  })

  test('puts the languages one after the other, German first', () => {
    const mail = renderMail({
      subject: 'x',
      parts: [
        { locale: 'de', sections: [{ paragraphs: ['Hallo'] }] },
        { locale: 'en', sections: [{ paragraphs: ['Hello'] }] },
      ],
    })
    expect(mail.text.indexOf('Guten Tag,')).toBeLessThan(mail.text.indexOf('Hello,'))
    expect(mail.html).toContain('<div lang="de">')
    expect(mail.html).toContain('<div lang="en">')
  })
})

describe('retryAt', () => {
  const now = new Date('2026-01-01T00:00:00Z')
  test('waits 30 s, then doubles, and gives up after 10 attempts', () => {
    const wait = (attempts: number) => (retryAt(attempts, now)?.getTime() ?? NaN) - now.getTime()
    expect(wait(1)).toBe(30_000)
    expect(wait(2)).toBe(60_000)
    expect(wait(5)).toBe(480_000)
    expect(wait(9)).toBe(7_680_000) // 30 s × 2^8, the last retry
    expect(retryAt(10, now)).toBeNull()
  })
})
