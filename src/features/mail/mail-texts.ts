/**
 * Every text of the e-mail the server writes, German and English. Placeholders `{name}` are filled
 * by fill(); what people typed (meeting and collection titles) is filled in as typed. Texts of
 * notification kinds come from meetings/describe-notification.ts, so a mail says what the bell says.
 */
export type MailLocale = 'de' | 'en'

export interface MailTexts {
  greeting: string
  footer: string
  preferencesLink: string
  open: string
  accountInvitationSubject: string
  accountInvitationBody: string
  passwordResetSubject: string
  passwordResetBody: string
  meetingInvitationSubject: string
  meetingInvitationBody: string
  meetingUpdateSubject: string
  meetingUpdateBody: string
  meetingCancelSubject: string
  meetingCancelBody: string
  calendarHint: string
  when: string
  where: string
  ringMeeting: string
  networkMeeting: string
  collectionReminderSubject: string
  collectionReminderBody: string
  digestSubject: string
  digestIntro: string
}

export const MAIL_TEXTS: Record<MailLocale, MailTexts> = {
  de: {
    greeting: 'Guten Tag,',
    footer:
      'Diese Nachricht kommt von benchlearn, der Plattform des Benchlearning-Netzwerks der kommunalen Jobcenter.',
    preferencesLink: 'Welche Nachrichten Sie per E-Mail erhalten, legen Sie hier fest: {url}',
    open: 'In benchlearn öffnen: {url}',
    accountInvitationSubject: 'Einladung zu benchlearn',
    accountInvitationBody:
      'Sie sind zu benchlearn eingeladen (Rolle: {role}). Über den folgenden Link legen Sie Ihren Namen und Ihr Passwort fest. Der Link gilt bis {expires}.',
    passwordResetSubject: 'Neues Passwort für benchlearn',
    passwordResetBody:
      'Für Ihre Adresse wurde ein neues Passwort angefordert. Über den folgenden Link legen Sie es fest; der Link ist einmal verwendbar und gilt bis {expires}. Wenn Sie nichts angefordert haben, können Sie diese Nachricht ignorieren: Ihr Passwort bleibt, wie es ist.',
    meetingInvitationSubject: 'Einladung: {title}',
    meetingInvitationBody: 'Sie sind zu {title} eingeladen. Bitte melden Sie sich in benchlearn an oder ab.',
    meetingUpdateSubject: 'Geändert: {title}',
    meetingUpdateBody: 'Das Treffen {title} wurde geändert. Es gilt der Stand unten.',
    meetingCancelSubject: 'Abgesagt: {title}',
    meetingCancelBody: 'Das Treffen {title} findet nicht statt.',
    calendarHint: 'Der Kalendereintrag hängt an; Ihr Kalender aktualisiert ihn bei jeder Änderung.',
    when: 'Wann: {value}',
    where: 'Wo: {value}',
    ringMeeting: 'Ring: {value}',
    networkMeeting: 'Netzwerkweite Veranstaltung',
    collectionReminderSubject: 'Erinnerung: Datenerhebung „{title}“',
    collectionReminderBody:
      'Für die Datenerhebung „{title}“ fehlen noch die Angaben Ihrer Organisation. Bitte tragen Sie sie bis {deadline} ein.',
    digestSubject: 'benchlearn: Ihre Nachrichten vom {day}',
    digestIntro: 'Ihre Nachrichten vom {day} in einer E-Mail:',
  },
  en: {
    greeting: 'Hello,',
    footer:
      'This message comes from benchlearn, the platform of the benchlearning network of the municipal job centres.',
    preferencesLink: 'Choose which messages you receive by e-mail here: {url}',
    open: 'Open in benchlearn: {url}',
    accountInvitationSubject: 'Invitation to benchlearn',
    accountInvitationBody:
      'You are invited to benchlearn (role: {role}). Set your name and password with the link below. The link is valid until {expires}.',
    passwordResetSubject: 'New password for benchlearn',
    passwordResetBody:
      'A new password was requested for your address. Set it with the link below; the link works once and is valid until {expires}. If you did not ask for it, ignore this message: your password stays as it is.',
    meetingInvitationSubject: 'Invitation: {title}',
    meetingInvitationBody: 'You are invited to {title}. Please register or decline in benchlearn.',
    meetingUpdateSubject: 'Changed: {title}',
    meetingUpdateBody: 'The meeting {title} was changed. What is below applies.',
    meetingCancelSubject: 'Cancelled: {title}',
    meetingCancelBody: 'The meeting {title} does not take place.',
    calendarHint: 'The calendar entry is attached; your calendar updates it with every change.',
    when: 'When: {value}',
    where: 'Where: {value}',
    ringMeeting: 'Ring: {value}',
    networkMeeting: 'Network-wide event',
    collectionReminderSubject: 'Reminder: data collection “{title}”',
    collectionReminderBody:
      'The data collection “{title}” still lacks the figures of your organisation. Please enter them by {deadline}.',
    digestSubject: 'benchlearn: your messages of {day}',
    digestIntro: 'Your messages of {day} in one e-mail:',
  },
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole)
}
