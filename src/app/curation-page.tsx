import { useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useBackend } from '@/backend/backend-context'
import { getTerritoryShopsQueryOptions } from '@/shop/api/get-territory-shops'
import { useSessionUser } from '@/session/get-session-user'
import { useFeatureT } from '@/lib/i18n'
import { useCuratedTerritories } from '@/session/get-curated-territories'
import { useImportCatalog } from '@/features/import-export/api/get-import-catalog'
import { useSubmissions } from '@/features/review/api/get-submissions'
import { curationPageMessages } from './curation-page-messages'
import type { Territory } from '@/backend/types'
import { ImportPanel } from '@/features/import-export/components/import-panel'
import { ShopMembersPanel } from '@/features/members/components/shop-members-panel'
import { SubmissionQueue } from '@/features/review/components/submission-queue'
import { TerritoryDashboard } from '@/features/dashboard/components/territory-dashboard'
import { TerritoryExport } from '@/features/import-export/components/territory-export'
import '@/components/forms.css'
import './curation-page.css'

function CuratedTerritory({ territory }: { territory: Territory }) {
  const c = useFeatureT(curationPageMessages)
  const backend = useBackend()
  // As a curator, the database lets this list include the territory's unpublished shops.
  const shops = useQuery(getTerritoryShopsQueryOptions(backend, territory.slug))
  const submissions = useSubmissions(territory.slug)
  const catalog = useImportCatalog(territory)
  const [now] = useState(() => new Date())
  if (shops.isError || submissions.isError) {
    return (
      <div role="alert">
        <p>{c('loadError')}</p>
        <button
          type="button"
          onClick={() => void Promise.all([shops.refetch(), submissions.refetch()])}
        >
          {c('retry')}
        </button>
      </div>
    )
  }
  if (!shops.data || !submissions.data) return <p role="status">{c('loading')}</p>
  return (
    <>
      <SubmissionQueue submissions={submissions.data} />
      {catalog.data ? <ImportPanel catalog={catalog.data} /> : null}
      <ShopMembersPanel shops={shops.data} />
      <TerritoryDashboard
        territory={territory}
        shops={shops.data}
        submissions={submissions.data}
        now={now}
      />
      {catalog.data ? (
        <TerritoryExport shops={shops.data} catalog={catalog.data} now={now} />
      ) : null}
    </>
  )
}

/** `/curation`: a curator's territories, their referencing queue, imports and dashboard. */
export function CurationPage() {
  const c = useFeatureT(curationPageMessages)
  const user = useSessionUser()
  const territories = useCuratedTerritories()
  const [chosen, setChosen] = useState<string | null>(null)
  // Messages sit in the page's frame, as its content would.
  const framed = (message: ReactNode) => <div className="curation-page">{message}</div>
  if (user.isPending) return framed(<p role="status">{c('loading')}</p>)
  if (!user.data) return framed(<p>{c('signInFirst')}</p>)
  if (territories.isPending) return framed(<p role="status">{c('loading')}</p>)
  if (territories.isError) return framed(<p role="alert">{c('loadError')}</p>)
  const list = territories.data
  if (list.length === 0) return framed(<p>{c('notCurator')}</p>)
  const territory = list.find((candidate) => candidate.slug === chosen) ?? list[0]!
  return (
    <div className="curation-page">
      <h1>{c('title')}</h1>
      {list.length > 1 ? (
        <label>
          {c('territory')}{' '}
          <select value={territory.slug} onChange={(e) => setChosen(e.target.value)}>
            {list.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {candidate.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p>{territory.name}</p>
      )}
      <CuratedTerritory key={territory.slug} territory={territory} />
    </div>
  )
}
