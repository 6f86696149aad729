import { useMemo, useState } from 'react'
import { SHOP_SERVICES, type Shop, type ShopSubmission, type Territory } from '@/backend/types'
import { displayStatus } from '@/shop/shop-status'
import { useFeatureT, useT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { dashboardMessages } from '../i18n/dashboard-messages'
import { TableScroll } from '@/components/table-scroll'
import {
  lastNews,
  sortShops,
  territoryDashboard,
  type ShopSortKey,
} from '@/features/dashboard/utils/dashboard-stats'
import { ShopPositionEditor } from './shop-position-editor'
import '../dashboard.css'

/** The figures a curator checks first, a bar chart of services, and the shops to chase. */
export function TerritoryDashboard({
  territory,
  shops,
  submissions,
  now,
}: {
  territory: Territory
  shops: readonly Shop[]
  submissions: readonly ShopSubmission[]
  now: Date
}) {
  const c = useFeatureT(dashboardMessages)
  const t = useT()
  const locale = useLocaleStore((s) => s.locale)
  const [sortKey, setSortKey] = useState<ShopSortKey>('lastUpdate')
  const [silentOnly, setSilentOnly] = useState(false)
  const [approximateOnly, setApproximateOnly] = useState(false)
  const [editing, setEditing] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const approximateCount = useMemo(
    () => shops.filter((shop) => shop.locationApproximate).length,
    [shops],
  )
  // The list's own copy: a move made here or elsewhere comes back with its new token.
  const editedShop = editing ? shops.find((shop) => shop.id === editing) : undefined
  const dashboard = useMemo(
    () => territoryDashboard(shops, submissions, now),
    [shops, submissions, now],
  )
  const { counts } = dashboard
  const listed = useMemo(() => {
    const sorted = sortShops(shops, sortKey, now)
    return sorted.filter(
      (shop) =>
        (!silentOnly || ['to-confirm', 'unknown'].includes(displayStatus(shop, now))) &&
        (!approximateOnly || shop.locationApproximate),
    )
  }, [shops, sortKey, silentOnly, approximateOnly, now])
  const figures: [string, number][] = [
    [c('published'), counts.published],
    [c('openNow'), counts.openNow],
    [c('open'), counts.open],
    [c('closed'), counts.closed],
    [c('unknown'), counts.unknown],
    [c('toConfirm'), counts.toConfirm],
    [c('pending'), counts.pendingSubmissions],
    [c('unpublished'), counts.unpublished],
  ]
  const widest = Math.max(1, ...SHOP_SERVICES.map((s) => dashboard.services[s]))
  return (
    <section aria-labelledby="dashboard-title" className="curation-section">
      <h2 id="dashboard-title">{c('dashboard')}</h2>
      <dl className="dashboard-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="dashboard-figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <figure className="services-chart">
        <figcaption>{c('servicesCaption')(counts.published)}</figcaption>
        <ul>
          {SHOP_SERVICES.map((service) => (
            <li key={service}>
              <span className="services-chart__label">{t(`sheet.service.${service}`)}</span>
              <span
                className="services-chart__bar"
                style={{ width: `${(dashboard.services[service] / widest) * 100}%` }}
                aria-hidden="true"
              />
              <span className="services-chart__value">{dashboard.services[service]}</span>
            </li>
          ))}
        </ul>
      </figure>

      <TableScroll label={c('byCommune')}>
        <table>
          <caption>{c('byCommune')}</caption>
          <thead>
            <tr>
              <th scope="col">{c('commune')}</th>
              <th scope="col">{c('shopsCount')}</th>
              {SHOP_SERVICES.map((service) => (
                <th key={service} scope="col">
                  {t(`sheet.service.${service}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dashboard.byCommune.map((row) => (
              <tr key={row.commune}>
                <th scope="row">{row.commune}</th>
                <td>{row.shops}</td>
                {SHOP_SERVICES.map((service) => (
                  <td key={service}>{row.services[service]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h3>{c('shopsTitle')}</h3>
      <div className="curation-controls">
        <label>
          {c('sortBy')}{' '}
          <select value={sortKey} onChange={(e) => setSortKey(e.target.value as ShopSortKey)}>
            {(['lastUpdate', 'name', 'commune', 'status'] as const).map((key) => (
              <option key={key} value={key}>
                {c('sort')[key]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={silentOnly}
            onChange={(e) => setSilentOnly(e.target.checked)}
          />{' '}
          {c('filterSilent')}
        </label>
        {approximateCount > 0 || approximateOnly ? (
          <label>
            <input
              type="checkbox"
              checked={approximateOnly}
              onChange={(e) => setApproximateOnly(e.target.checked)}
            />{' '}
            {c('filterApproximate')(approximateCount)}
          </label>
        ) : null}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {editedShop ? (
        <ShopPositionEditor
          key={editedShop.id}
          shop={editedShop}
          territory={territory}
          onDone={(saved) => {
            setEditing(null)
            setAnnouncement(saved ?? '')
          }}
        />
      ) : null}
      <TableScroll label={c('shopsTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{c('name')}</th>
              <th scope="col">{c('commune')}</th>
              <th scope="col">{c('status')}</th>
              <th scope="col">{c('lastNews')}</th>
              <th scope="col">{c('position')}</th>
            </tr>
          </thead>
          <tbody>
            {listed.map((shop) => (
              <tr key={shop.id}>
                <th scope="row">
                  {shop.name} {shop.published ? null : <em>{c('notPublished')}</em>}
                </th>
                <td>{shop.communeName ?? '—'}</td>
                <td>{c('statusLabel')[displayStatus(shop, now)]}</td>
                <td>
                  {shop.statusUpdatedAt
                    ? new Date(lastNews(shop)).toLocaleDateString(
                        locale === 'fr' ? 'fr-FR' : 'en-GB',
                      )
                    : c('never')}
                </td>
                <td className="dashboard-position">
                  {shop.locationApproximate ? (
                    <strong className="dashboard-position__approximate">
                      {c('positionApproximate')}
                    </strong>
                  ) : (
                    <span>{c('positionExact')}</span>
                  )}{' '}
                  <button
                    type="button"
                    aria-label={c('movePin')(shop.name)}
                    aria-expanded={editing === shop.id}
                    onClick={() => {
                      setAnnouncement('')
                      setEditing(shop.id)
                    }}
                  >
                    {c('movePinShort')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  )
}
