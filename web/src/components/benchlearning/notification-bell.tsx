/**
 * The bell in the header: the number of unread notifications and, when opened, the list (upcoming
 * meeting, invitation, new practice, action due, minutes to approve) with links and "mark as read".
 * A disclosure button with a panel: Escape closes it and returns focus to the button.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { NotificationDto } from '../../../../src/contracts/meetings'
import { markAllNotificationsRead, markNotificationRead, useNotifications } from '../../api/benchlearning'
import { Link } from '../../app/router'
import { useI18n } from '../../i18n/i18n'
import { formatDateTime, pick } from '../../i18n/translate'
import { QueryView } from '../state-views'
import { ActionError, useAction } from './common'
import { ActionButton } from '../form-field'

export function NotificationBell() {
  const { t } = useI18n()
  const notifications = useNotifications()
  const [isOpen, setIsOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const box = useRef<HTMLDivElement>(null)
  const panelId = useId()
  const unread = notifications.data?.unreadCount ?? 0
  const { reload } = notifications

  useEffect(() => {
    if (!isOpen) return
    const onPointer = (event: PointerEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setIsOpen(false)
    }
    const onEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setIsOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onEscape)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onEscape)
    }
  }, [isOpen])

  return (
    <div className="bell" ref={box}>
      <button
        ref={button}
        type="button"
        className="button header-button"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => {
          if (!isOpen) reload()
          setIsOpen(!isOpen)
        }}
      >
        {t('notifications.title')}
        {unread > 0 && (
          <span className="bell-badge">
            {unread}
            <span className="visually-hidden"> {t('notifications.unread')}</span>
          </span>
        )}
      </button>
      <div id={panelId} className="bell-panel" hidden={!isOpen}>
        {isOpen && (
          <QueryView query={notifications}>
            {(data) => (
              <NotificationList notifications={data.notifications} onNavigate={() => setIsOpen(false)} />
            )}
          </QueryView>
        )}
      </div>
    </div>
  )
}

function NotificationList({
  notifications,
  onNavigate,
}: {
  notifications: NotificationDto[]
  onNavigate: () => void
}) {
  const { t, locale } = useI18n()
  const action = useAction()
  const unread = notifications.filter((n) => n.readAt === null).length
  const heading = useRef<HTMLHeadingElement>(null)
  return (
    <section aria-labelledby="notifications-heading">
      <div className="panel-header">
        <h2 id="notifications-heading" ref={heading} tabIndex={-1}>
          {t('notifications.title')}
        </h2>
        {unread > 0 && (
          <button
            type="button"
            className="button secondary small"
            disabled={action.isBusy}
            onClick={() => void action.run(markAllNotificationsRead).then(() => heading.current?.focus())}
          >
            {t('notifications.markAll')}
          </button>
        )}
      </div>
      <ActionError error={action.error} />
      {notifications.length === 0 ? (
        <p className="muted">{t('notifications.empty')}</p>
      ) : (
        <ul className="notification-list">
          {notifications.map((n) => {
            // The server writes every notification in both languages (features/meetings/notifications.ts).
            const title = pick(locale, { de: n.titleDe, en: n.titleEn })
            return (
              <li key={n.id} className={n.readAt === null ? 'unread' : undefined}>
                <p>
                  <strong>{title}</strong>
                  {n.readAt === null && <span className="tag">{t('notifications.new')}</span>}
                </p>
                <p>{pick(locale, { de: n.messageDe, en: n.messageEn })}</p>
                <p className="item-meta">{formatDateTime(locale, n.createdAt)}</p>
                <div className="button-row">
                  {n.link && (
                    <Link
                      href={n.link}
                      onClick={() => {
                        if (n.readAt === null) void markNotificationRead(n.id).catch(() => undefined)
                        onNavigate()
                      }}
                    >
                      {t('notifications.open')}
                    </Link>
                  )}
                  {n.readAt === null && (
                    <ActionButton
                      action={action}
                      className="button secondary small"
                      aria-label={t('notifications.markReadNamed', { title })}
                      task={() => markNotificationRead(n.id)}
                    >
                      {t('notifications.markRead')}
                    </ActionButton>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
