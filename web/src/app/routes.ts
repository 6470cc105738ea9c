/**
 * The pages of the UI. Each page is its own lazily loaded chunk (bench/web.ts measures them by these
 * file names). A page appears in the navigation only when its API exists and the session's abilities
 * allow it; pages for APIs that have not landed yet are not listed at all.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import type { MessageKey } from '../i18n/messages'
import type { Ability } from './access'

export interface PageProps {
  params: Record<string, string>
  location: string
}

export interface RouteDefinition {
  id: string
  path: string
  /** Label in the main navigation; routes without one are reached through links. */
  navLabel?: MessageKey
  /** Any one of these abilities shows the page; none listed = every signed-in person. */
  abilities?: Ability[]
  /** Reachable without signing in. */
  isPublic?: boolean
  Page: LazyExoticComponent<ComponentType<PageProps>>
}

export const ROUTES: RouteDefinition[] = [
  { id: 'start', path: '/', navLabel: 'nav.start', Page: lazy(() => import('../pages/start-page')) },
  {
    id: 'compare',
    path: '/compare',
    navLabel: 'nav.compare',
    Page: lazy(() => import('../pages/compare-page')),
  },
  {
    id: 'figures',
    path: '/figures',
    navLabel: 'nav.figures',
    Page: lazy(() => import('../pages/figure-page')),
  },
  { id: 'figure', path: '/figures/:code', Page: lazy(() => import('../pages/figure-page')) },
  {
    id: 'catalogue',
    path: '/catalogue',
    navLabel: 'nav.catalogue',
    Page: lazy(() => import('../pages/catalogue-page')),
  },
  {
    id: 'organisations',
    path: '/organisations',
    navLabel: 'nav.organisations',
    Page: lazy(() => import('../pages/organisations-page')),
  },
  {
    id: 'organisation',
    path: '/organisations/:id',
    Page: lazy(() => import('../pages/organisation-page')),
  },
  { id: 'rings', path: '/rings', navLabel: 'nav.rings', Page: lazy(() => import('../pages/rings-page')) },
  {
    id: 'data',
    path: '/data',
    navLabel: 'nav.data',
    abilities: ['uploadData', 'viewImports'],
    Page: lazy(() => import('../pages/data-page')),
  },
  {
    id: 'admin',
    path: '/admin',
    navLabel: 'nav.admin',
    abilities: ['manageUsers', 'inviteUsers', 'viewAuditLog', 'manageRings'],
    Page: lazy(() => import('../pages/admin-page')),
  },
  // Benchlearning (issue 6): meetings, topics, practices, self-assessment.
  {
    id: 'meetings',
    path: '/meetings',
    navLabel: 'nav.meetings',
    Page: lazy(() => import('../pages/meetings-page')),
  },
  { id: 'meeting', path: '/meetings/:id', Page: lazy(() => import('../pages/meeting-page')) },
  { id: 'topics', path: '/topics', navLabel: 'nav.topics', Page: lazy(() => import('../pages/topics-page')) },
  {
    id: 'potentials',
    path: '/potentials',
    navLabel: 'nav.potentials',
    Page: lazy(() => import('../pages/potentials-page')),
  },
  {
    id: 'practices',
    path: '/practices',
    navLabel: 'nav.practices',
    Page: lazy(() => import('../pages/practices-page')),
  },
  {
    id: 'practice-new',
    path: '/practices/new',
    abilities: ['writePractices'],
    Page: lazy(() => import('../pages/practice-edit-page')),
  },
  { id: 'practice', path: '/practices/:id', Page: lazy(() => import('../pages/practice-page')) },
  {
    id: 'practice-edit',
    path: '/practices/:id/edit',
    abilities: ['writePractices'],
    Page: lazy(() => import('../pages/practice-edit-page')),
  },
  {
    id: 'self-assessment',
    path: '/self-assessment',
    navLabel: 'nav.selfAssessment',
    Page: lazy(() => import('../pages/self-assessment-page')),
  },
  // Data collections (issue 13).
  {
    id: 'collections',
    path: '/collections',
    navLabel: 'nav.collections',
    Page: lazy(() => import('../pages/collections-page')),
  },
  { id: 'collection', path: '/collections/:id', Page: lazy(() => import('../pages/collection-page')) },
  {
    id: 'sign-in',
    path: '/sign-in',
    isPublic: true,
    Page: lazy(() => import('../pages/sign-in-page')),
  },
  // Mail (issue 15): the reset link of a mail opens this page; the settings choose what is mailed.
  {
    id: 'password-reset',
    path: '/password-reset',
    isPublic: true,
    Page: lazy(() => import('../pages/password-reset-page')),
  },
  {
    id: 'invitation',
    path: '/invitation',
    isPublic: true,
    Page: lazy(() => import('../pages/invitation-page')),
  },
  // The own account: password, second factor and mail choices; the former /settings leads there.
  { id: 'settings', path: '/settings', Page: lazy(() => import('../pages/settings-page')) },
  {
    id: 'account',
    path: '/account',
    navLabel: 'nav.settings',
    Page: lazy(() => import('../pages/account-page')),
  },
  {
    id: 'sign-in-sso',
    path: '/sign-in/sso',
    isPublic: true,
    Page: lazy(() => import('../pages/sso-callback-page')),
  },
]
