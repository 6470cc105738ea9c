import { describe, expect, test } from 'vitest'
import { readMailSettings } from './mail-settings'

describe('readMailSettings', () => {
  test('without anything set: no mail server, links to where the server listens', () => {
    expect(readMailSettings({}, 'http://127.0.0.1:3000')).toEqual({
      smtp: null,
      from: 'benchlearn@127.0.0.1',
      publicUrl: 'http://127.0.0.1:3000',
    })
  })

  test('a full setting, with the port following TLS when it is not given', () => {
    expect(
      readMailSettings({
        BENCHLEARN_SMTP_HOST: 'mail.example.org',
        BENCHLEARN_SMTP_SECURE: 'true',
        BENCHLEARN_SMTP_USER: 'bl',
        BENCHLEARN_SMTP_PASSWORD: 'secret',
        BENCHLEARN_MAIL_FROM: 'noreply@example.org',
        BENCHLEARN_PUBLIC_URL: 'https://bl.example.org/',
      }),
    ).toEqual({
      smtp: { host: 'mail.example.org', port: 465, isSecure: true, user: 'bl', password: 'secret' },
      from: 'noreply@example.org',
      publicUrl: 'https://bl.example.org',
    })
    expect(readMailSettings({ BENCHLEARN_SMTP_HOST: 'mail.example.org' }).smtp?.port).toBe(587)
  })

  test.each([
    [
      { BENCHLEARN_SMTP_HOST: 'm', BENCHLEARN_SMTP_PORT: '70000' },
      /BENCHLEARN_SMTP_PORT: expected a port between/,
    ],
    [
      { BENCHLEARN_SMTP_HOST: 'm', BENCHLEARN_SMTP_SECURE: 'yes' },
      /BENCHLEARN_SMTP_SECURE: expected true or false/,
    ],
    [{ BENCHLEARN_MAIL_FROM: 'not an address' }, /BENCHLEARN_MAIL_FROM: expected an e-mail address/],
    [{ BENCHLEARN_PUBLIC_URL: 'ftp://x.example' }, /BENCHLEARN_PUBLIC_URL: expected an http\(s\) URL/],
    [{ BENCHLEARN_SMTP_PORT: '25' }, /BENCHLEARN_SMTP_PORT is set but BENCHLEARN_SMTP_HOST is not/],
    [{ BENCHLEARN_SMTP_HOST: 'm', BENCHLEARN_SMTP_USER: 'u' }, /set together or not at all/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readMailSettings(env)).toThrow(message)
  })
})
