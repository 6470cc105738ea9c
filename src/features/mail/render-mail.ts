/**
 * A message's layout: plain text and HTML from the same blocks, so both say the same. Everything
 * typed by people is escaped in the HTML; links are absolute (the public URL of the installation).
 */
import { fill, MAIL_TEXTS, type MailLocale } from './mail-texts'

export interface MailSection {
  /** A heading (the digest's items); none for a message of one section. */
  heading?: string
  paragraphs: readonly string[]
  link?: string
}

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

const escapeHtml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Lays out sections in one or more languages (several for someone without an account, whose
 * language nobody knows: German first). `preferencesUrl` adds the line on choosing messages.
 */
export function renderMail(options: {
  subject: string
  parts: readonly { locale: MailLocale; sections: readonly MailSection[] }[]
  preferencesUrl?: string
}): RenderedMail {
  const text: string[] = []
  const html: string[] = []
  for (const [index, part] of options.parts.entries()) {
    const texts = MAIL_TEXTS[part.locale]
    if (index > 0) {
      text.push('', '----------------------------------------', '')
      html.push('<hr>')
    }
    html.push(`<div lang="${part.locale}">`, `<p>${escapeHtml(texts.greeting)}</p>`)
    text.push(texts.greeting, '')
    for (const section of part.sections) {
      if (section.heading) {
        text.push(section.heading, '-'.repeat(Math.min(section.heading.length, 60)))
        html.push(`<h2 style="font-size:1.1em">${escapeHtml(section.heading)}</h2>`)
      }
      for (const paragraph of section.paragraphs) {
        text.push(paragraph, '')
        html.push(`<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
      }
      if (section.link) {
        text.push(fill(texts.open, { url: section.link }), '')
        html.push(
          `<p><a href="${escapeHtml(section.link)}">${escapeHtml(fill(texts.open, { url: '' }).replace(/:\s*$/, ''))}</a></p>`,
        )
      }
    }
    text.push('--', texts.footer)
    html.push(`<p style="color:#555;font-size:0.9em">${escapeHtml(texts.footer)}`)
    if (options.preferencesUrl) {
      const line = fill(texts.preferencesLink, { url: options.preferencesUrl })
      text.push(line)
      html.push(`<br><a href="${escapeHtml(options.preferencesUrl)}">${escapeHtml(line)}</a>`)
    }
    html.push('</p>', '</div>')
  }
  return {
    subject: options.subject,
    text: text.join('\n') + '\n',
    html: `<!doctype html><html><body style="font-family:sans-serif">${html.join('\n')}</body></html>`,
  }
}
