import { useMemo, useState } from 'react'
import { useOrganisations, useSession } from '../api/resources'
import { Link } from '../app/router'
import { DataTable } from '../components/data-table'
import { Page } from '../components/page'
import { Empty, QueryView } from '../components/state-views'
import type { TableRow } from '../components/table-data'
import { useI18n } from '../i18n/i18n'
import { landName } from '../lib/labels'

/** Every organisation the server lets this person see, with a link to its profile. */
export default function OrganisationsPage() {
  const { t, locale } = useI18n()
  const organisations = useOrganisations()
  const session = useSession()
  const ownId = session.data?.kind === 'signed-in' ? session.data.session.user.organisationId : null
  const [filter, setFilter] = useState('')
  return (
    <Page title={t('organisations.title')} intro={t('organisations.intro')}>
      <div className="toolbar">
        <div className="field inline">
          <label htmlFor="organisation-filter">{t('organisations.filter')}</label>
          <input
            id="organisation-filter"
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </div>
      </div>
      <QueryView query={organisations}>
        {(data) => (
          <OrganisationTable
            rows={data.organisations.map((o) => ({
              id: o.id,
              name: o.name,
              land: landName(o.landCode),
              ags: o.areas.map((a) => a.ags5).join(', '),
              ring: o.ring?.name ?? null,
            }))}
            filter={filter}
            locale={locale}
            ownId={ownId}
          />
        )}
      </QueryView>
    </Page>
  )
}

function OrganisationTable({
  rows,
  filter,
  locale,
  ownId,
}: {
  rows: TableRow[]
  filter: string
  locale: string
  ownId: number | null
}) {
  const { t } = useI18n()
  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase(locale)
    return needle
      ? rows.filter((row) => Object.values(row).join(' ').toLocaleLowerCase(locale).includes(needle))
      : rows
  }, [rows, filter, locale])
  if (rows.length === 0) return <Empty>{t('organisations.empty')}</Empty>
  if (visible.length === 0) return <Empty>{t('organisations.noMatch')}</Empty>
  return (
    <>
      <p className="result-count" role="status">
        {t('organisations.count', { count: visible.length })}
      </p>
      <DataTable
        caption={t('organisations.title')}
        isCaptionHidden
        columns={[
          { key: 'name', header: t('organisations.name') },
          { key: 'land', header: t('organisations.land') },
          { key: 'ags', header: t('organisations.ags') },
          { key: 'ring', header: t('organisations.ring') },
        ]}
        rows={visible}
        initialSort={{ key: 'name', direction: 'ascending' }}
        rowKey={(row) => String(row.id)}
        isRowHighlighted={(row) => row.id === ownId}
        renderCell={(row, column) =>
          column.key === 'name' ? (
            <Link href={`/organisations/${row.id}`}>
              {row.name}
              {row.id === ownId && <span className="tag">{t('organisations.own')}</span>}
            </Link>
          ) : undefined
        }
      />
    </>
  )
}
