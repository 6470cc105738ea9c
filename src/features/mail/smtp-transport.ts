/** Sending through SMTP with nodemailer: the one place that knows the mail server. */
import nodemailer from 'nodemailer'
import type { SmtpSettings } from './mail-settings'

export interface OutgoingMail {
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** Without angle brackets; the same on every attempt of one message. */
  messageId: string
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string }
}

export interface MailTransport {
  /** Resolves once the server accepted the message; rejects with the server's answer otherwise. */
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** Seconds a mail server may take to answer before the attempt counts as failed. */
const TIMEOUT_MS = 30_000

export function createSmtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    // false: plain connection upgraded with STARTTLS whenever the server offers it.
    secure: settings.isSecure,
    auth: settings.user !== null ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  })
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.messageId}>`,
        ...(mail.calendar
          ? {
              icalEvent: {
                method: mail.calendar.method,
                filename: mail.calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
                content: mail.calendar.content,
              },
            }
          : {}),
      })
    },
    close: () => transporter.close(),
  }
}
