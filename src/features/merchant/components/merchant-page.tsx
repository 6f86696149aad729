import { useState } from 'react'
import { useT } from '@/lib/i18n'
import { REFERENCING_PATH } from '@/lib/routes'
import { useSessionUser } from '@/features/account/api/get-session-user'
import { useMyShops } from '../api/get-my-shops'
import { ShopStatusPanel } from './shop-status-panel'

/** The merchant's space: their own shops only; the database refuses anything else anyway. */
export function MerchantPage() {
  const t = useT()
  const session = useSessionUser()
  if (session.isPending) return <p role="status">{t('merchant.loading')}</p>
  if (!session.data) {
    return (
      <div className="merchant-page">
        <h2>{t('merchant.title')}</h2>
        <p>{t('merchant.signInFirst')}</p>
      </div>
    )
  }
  return <SignedInMerchant userId={session.data.id} />
}

function SignedInMerchant({ userId }: { userId: string }) {
  const t = useT()
  const shops = useMyShops(userId)
  const [chosen, setChosen] = useState<string | null>(null)
  if (shops.isPending) return <p role="status">{t('merchant.loading')}</p>
  if (shops.isError) return <p role="alert">{shops.error.message}</p>
  if (shops.data.length === 0) {
    return (
      <div className="merchant-page">
        <h2>{t('merchant.title')}</h2>
        <p>{t('merchant.noShop')}</p>
        <p>
          <a href={REFERENCING_PATH}>{t('merchant.referenceLink')}</a>
        </p>
      </div>
    )
  }
  const shopId = chosen ?? shops.data[0]!.shopId
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
      <ShopStatusPanel shopId={shopId} />
    </div>
  )
}
