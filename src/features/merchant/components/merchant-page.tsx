import { useEffect, useState, type ReactNode } from 'react'
import { useBackend } from '@/backend/backend-context'
import { useErrorText } from '@/lib/error-messages'
import { useT } from '@/lib/i18n'
import { Link } from 'wouter'
import { usePagePath } from '@/lib/routes'
import { useSessionUser } from '@/session/get-session-user'
import { useMyShops } from '../api/get-my-shops'
import { useStatusOutboxStore } from '../stores/status-outbox-store'
import { ShopStatusPanel } from './shop-status-panel'
import '@/components/forms.css'
import '../merchant.css'

/**
 * The merchant's space: their own shops only; the database refuses anything else anyway.
 * Signed out, the page itself offers the sign-in (`signIn`, composed by the app).
 */
export function MerchantPage({ signIn }: { signIn?: ReactNode }) {
  const t = useT()
  const session = useSessionUser()
  if (session.isPending) return <p role="status">{t('merchant.loading')}</p>
  if (!session.data) {
    return (
      <div className="merchant-page">
        <h2>{t('merchant.title')}</h2>
        <p>{t('merchant.signInFirst')}</p>
        {signIn ? <div className="merchant-sign-in">{signIn}</div> : null}
      </div>
    )
  }
  return <SignedInMerchant userId={session.data.id} />
}

/**
 * After "Réinitialiser les données de démonstration" (in this tab or another), the forms start
 * again from the reset data instead of keeping what was typed for data that no longer exist.
 */
function useDemoResetGeneration(): number {
  const backend = useBackend()
  const [generation, setGeneration] = useState(0)
  useEffect(
    () =>
      backend.subscribe((change) => {
        if (change.kind !== 'reset') return
        useStatusOutboxStore.getState().demoDataReset()
        setGeneration((g) => g + 1)
      }),
    [backend],
  )
  return generation
}

function SignedInMerchant({ userId }: { userId: string }) {
  const t = useT()
  const path = usePagePath()
  const errorText = useErrorText()
  const backend = useBackend()
  const shops = useMyShops(userId)
  const [chosen, setChosen] = useState<string | null>(null)
  const generation = useDemoResetGeneration()
  const shopIds = shops.data?.map((shop) => shop.shopId).join(',') ?? ''
  // Changes made on another device reach this page (the embedded backend hears every tab).
  useEffect(() => {
    if (!shopIds || !backend.watchShops) return
    return backend.watchShops(shopIds.split(','))
  }, [backend, shopIds])
  if (shops.isPending) return <p role="status">{t('merchant.loading')}</p>
  if (shops.isError) return <p role="alert">{errorText(shops.error)}</p>
  if (shops.data.length === 0) {
    return (
      <div className="merchant-page">
        <h2>{t('merchant.title')}</h2>
        <p>{t('merchant.noShop')}</p>
        <p>
          <Link href={path('referencing')}>{t('merchant.referenceLink')}</Link>
        </p>
      </div>
    )
  }
  const shopId =
    chosen && shops.data.some((shop) => shop.shopId === chosen) ? chosen : shops.data[0]!.shopId
  return (
    <div className="merchant-page">
      {shops.data.length > 1 ? (
        <label className="shop-picker">
          {t('merchant.pickShop')}
          <select value={shopId} onChange={(e) => setChosen(e.target.value)}>
            {shops.data.map((shop) => (
              <option key={shop.shopId} value={shop.shopId}>
                {shop.name}
                {shop.published ? '' : ` (${t('merchant.unpublished')})`}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ShopStatusPanel key={`${shopId}:${generation}`} shopId={shopId} />
    </div>
  )
}
