/**
 * The application shell: skip link, header with language switch and account, the main navigation
 * (only the pages this person may use), the routed page, and a footer. Landmarks follow the
 * banner / navigation / main / contentinfo pattern. On a phone the header is one compact line and
 * the navigation folds behind a menu button (styles.css), so the content starts near the top.
 */
import { Suspense, lazy, useEffect, useState } from 'react'
import { ROLE_LABELS } from '../../../src/core/permissions/permissions'
import { signOut, useAbout, useSession, type SessionState } from '../api/resources'
import { ErrorView, Loading } from '../components/state-views'
import { ToggleButton } from '../components/toggle-button'
import { I18nProvider, useI18n } from '../i18n/i18n'
import { LOCALES, pick } from '../i18n/translate'
import { can } from './access'
import { Link, matchPath, navigate, useLocation, withSearchParams } from './router'
import { ROUTES, type RouteDefinition } from './routes'

/** The notification bell loads after the shell: its contracts are not needed for the first paint. */
const NotificationBell = lazy(() =>
  import('../components/benchlearning/notification-bell').then((m) => ({ default: m.NotificationBell })),
)

export function App() {
  return (
    <I18nProvider>
      <Shell />
    </I18nProvider>
  )
}

/** Whether the person may open a route, from the session the server sent. */
export function isRouteAllowed(route: RouteDefinition, session: SessionState): boolean {
  if (route.isPublic) return true
  if (session.kind === 'signed-out') return false
  if (!route.abilities) return true
  return route.abilities.some((ability) => can(session, ability))
}

function findRoute(location: string): { route: RouteDefinition; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, location)
    if (params) return { route, params }
  }
  return null
}

function Shell() {
  const { t, locale } = useI18n()
  const location = useLocation()
  const session = useSession()
  const path = location.split('?')[0]!
  const [isNavOpen, setNavOpen] = useState(false)
  // A chosen page closes the folded navigation.
  useEffect(() => setNavOpen(false), [path])

  useEffect(() => {
    // Signed out on a protected page: go to the sign-in page and come back afterwards.
    if (session.status !== 'success' || session.data.kind !== 'signed-out') return
    const match = findRoute(location)
    if (!match?.route.isPublic) navigate(withSearchParams('/sign-in', { next: location }), { replace: true })
  }, [session, location])

  let content
  if (session.status === 'loading') content = <Loading />
  else if (session.status === 'error') content = <ErrorView error={session.error} onRetry={session.reload} />
  else {
    const match = findRoute(location)
    if (!match) content = <Message title={t('page.notFound.title')} text={t('page.notFound.text')} />
    else if (!isRouteAllowed(match.route, session.data))
      content =
        session.data.kind === 'signed-out' ? (
          <Loading />
        ) : (
          <Message title={t('page.forbidden.title')} text={t('page.forbidden.text')} />
        )
    else {
      const { Page } = match.route
      content = (
        <Suspense fallback={<Loading />}>
          <Page params={match.params} location={location} />
        </Suspense>
      )
    }
  }

  const sessionState = session.status === 'success' ? session.data : undefined
  const navRoutes = sessionState
    ? ROUTES.filter((route) => route.navLabel && isRouteAllowed(route, sessionState) && !route.isPublic)
    : []
  const showNav = sessionState !== undefined && sessionState.kind !== 'signed-out'
  const currentNav = navRoutes.find((route) =>
    route.path === '/' ? path === '/' : path === route.path || path.startsWith(`${route.path}/`),
  )

  return (
    <div className={showNav ? 'app' : 'app no-nav'}>
      <a className="skip-link" href="#main">
        {t('shell.skipLink')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link href="/" className="brand-link">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">benchlearn</span>
          </Link>
          <span className="brand-tagline">{t('shell.tagline')}</span>
        </div>
        <div className="header-tools">
          <LanguageSwitch />
          {sessionState?.kind === 'signed-in' && (
            <div className="account">
              <Suspense fallback={null}>
                <NotificationBell />
              </Suspense>
              <span className="account-name">
                <Link href="/account">{sessionState.session.user.name}</Link>
                <span className="account-role">
                  {pick(locale, ROLE_LABELS[sessionState.session.user.role])}
                  {sessionState.session.user.organisationName
                    ? ` · ${sessionState.session.user.organisationName}`
                    : ''}
                </span>
              </span>
              <button
                type="button"
                className="button header-button"
                onClick={() => void signOut().then(() => navigate('/sign-in'))}
              >
                {t('shell.signOut')}
              </button>
            </div>
          )}
        </div>
      </header>
      {showNav && (
        <nav className={isNavOpen ? 'app-nav open' : 'app-nav'} aria-label={t('shell.navLabel')}>
          <ToggleButton
            className="button secondary small nav-toggle"
            isOpen={isNavOpen}
            controls="main-navigation"
            onToggle={setNavOpen}
          >
            {currentNav ? `${t('shell.menu')}: ${t(currentNav.navLabel!)}` : t('shell.menu')}
          </ToggleButton>
          <ul id="main-navigation">
            {navRoutes.map((route) => {
              const isCurrent = route === currentNav
              return (
                <li key={route.id}>
                  <Link href={route.path} aria-current={isCurrent ? 'page' : undefined}>
                    {t(route.navLabel!)}
                  </Link>
                </li>
              )
            })}
          </ul>
        </nav>
      )}
      {sessionState?.kind === 'unavailable' && (
        <div className="notice-bar" role="note">
          {t('shell.noAccounts')}
        </div>
      )}
      <main id="main" tabIndex={-1} className="app-main">
        {content}
      </main>
      <Footer isReady={session.status !== 'loading'} />
    </div>
  )
}

function Message({ title, text }: { title: string; text: string }) {
  const { t } = useI18n()
  return (
    <div className="page">
      <h1 tabIndex={-1}>{title}</h1>
      <p>{text}</p>
      <p>
        <Link href="/">{t('page.backToStart')}</Link>
      </p>
    </div>
  )
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n()
  const names = { de: 'Deutsch', en: 'English' } as const
  return (
    <div className="language-switch" role="group" aria-label={t('shell.language')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="button header-button"
          aria-pressed={locale === option}
          onClick={() => setLocale(option)}
        >
          {names[option]}
        </button>
      ))}
    </div>
  )
}

/** `isReady`: the session is known, so the footer's answer comes with the page's first data. */
function Footer({ isReady }: { isReady: boolean }) {
  const { t } = useI18n()
  const about = useAbout(isReady)
  return (
    <footer className="app-footer">
      <span>benchlearn {about.status === 'success' ? about.data.version : ''}</span>
      {about.status === 'success' && about.data.isDemo && (
        <span className="demo-label">{t('shell.demoData')}</span>
      )}
      <a href="/api/openapi.json">{t('shell.api')}</a>
    </footer>
  )
}
