import type { FormEvent } from 'react'
import { usePractices } from '../api/benchlearning'
import { useSession } from '../api/resources'
import { can } from '../app/access'
import { Link, navigate, readSearchParams, withSearchParams } from '../app/router'
import type { PageProps } from '../app/routes'
import '../components/benchlearning/common'
import { VISIBILITY_KEYS } from '../components/benchlearning/practice-labels'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import { useI18n, useTexts } from '../i18n/i18n'
import { benchlearningTexts } from '../i18n/benchlearning-texts'
import { formatDate } from '../i18n/translate'
import { SelectField, TextField, useFormValues } from '../components/form-field'
import { organisationName } from '../lib/labels'

/** Praxisbeispiele: German full-text search with topic, key-figure and visibility filters. */
export default function PracticesPage({ location }: PageProps) {
  useTexts(benchlearningTexts)
  const { t, locale } = useI18n()
  const session = useSession()
  const params = readSearchParams(location)
  const filters = {
    q: params.get('q') ?? undefined,
    topic: params.get('topic') ?? undefined,
    figure: params.get('figure') ?? undefined,
    visibility: params.get('visibility') ?? undefined,
    status: params.get('status') ?? undefined,
  }
  const practices = usePractices(filters)
  const form = useFormValues({ query: filters.q ?? '', figure: filters.figure ?? '' })
  const canWrite = can(session.data, 'writePractices')
  const set = (changes: Record<string, string | undefined>) =>
    navigate(withSearchParams(location, changes), { replace: true })
  const search = (event: FormEvent) => {
    event.preventDefault()
    const { query, figure } = form.values
    set({ q: query.trim() || undefined, figure: figure.trim().toUpperCase() || undefined })
  }
  return (
    <Page
      title={t('practices.title')}
      intro={t('practices.intro')}
      actions={
        canWrite && (
          <Link className="button primary small" href="/practices/new">
            {t('practices.new')}
          </Link>
        )
      }
    >
      <form
        className="panel toolbar controls"
        role="search"
        onSubmit={search}
        aria-label={t('practices.search')}
      >
        <TextField
          id="practice-q"
          label={t('practices.searchLabel')}
          type="search"
          {...form.field('query')}
        />
        <TextField
          id="practice-figure"
          label={t('practices.figure')}
          placeholder="K2"
          {...form.field('figure')}
        />
        <SelectField
          id="practice-topic"
          label={t('practices.topic')}
          value={filters.topic ?? ''}
          onChange={(value) => set({ topic: value })}
        >
          <option value="">{t('practices.allTopics')}</option>
          {(practices.data?.topics ?? (filters.topic ? [filters.topic] : [])).map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="practice-visibility"
          label={t('practices.visibility')}
          value={filters.visibility ?? ''}
          onChange={(value) => set({ visibility: value })}
        >
          <option value="">{t('practices.allVisibilities')}</option>
          {Object.entries(VISIBILITY_KEYS).map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        {canWrite && (
          <SelectField
            id="practice-status"
            label={t('practices.statusLabel')}
            value={filters.status ?? ''}
            onChange={(value) => set({ status: value })}
          >
            <option value="">{t('practices.published')}</option>
            <option value="draft">{t('practices.drafts')}</option>
          </SelectField>
        )}
        <button type="submit" className="button primary">
          {t('practices.searchButton')}
        </button>
      </form>
      <QueryView query={practices}>
        {(data) => (
          <>
            <p className="result-count" role="status">
              {t('practices.count', { count: data.total })}
            </p>
            {data.practices.length === 0 ? (
              <Empty>{filters.q ? t('practices.noMatch', { q: filters.q }) : t('practices.empty')}</Empty>
            ) : (
              <ul className="card-grid">
                {data.practices.map((p) => (
                  <li key={p.id} className="card">
                    <h2 className="card-title">
                      <Link href={`/practices/${p.id}`}>{p.title}</Link>
                      {p.status === 'draft' && <span className="tag">{t('practices.draft')}</span>}
                    </h2>
                    <p className="item-meta">
                      {organisationName(locale, p.organisation)} · {t(VISIBILITY_KEYS[p.visibility])}
                      {p.publishedAt ? ` · ${formatDate(locale, p.publishedAt)}` : ''}
                    </p>
                    <p>{p.excerpt}</p>
                    <p className="item-meta">
                      {t('practices.adoptions', { count: p.adoptionCount })}
                      {p.figureCodes.length > 0 &&
                        ` · ${t('practices.figures')}: ${p.figureCodes.join(', ')}`}
                    </p>
                    {p.topics.length > 0 && (
                      <ul className="chip-list" aria-label={t('practices.topics')}>
                        {p.topics.map((topic) => (
                          <li key={topic}>{topic}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </Page>
  )
}
