import { useId, useMemo, useRef, useState, type RefObject } from 'react'
import { toBackendError } from '@/backend/errors'
import type { MemberRole, Shop, ShopInvitation, ShopMember } from '@/backend/types'
import { normalizeForSearch, searchWords } from '@/shop/normalize-text'
import { useFeatureT } from '@/lib/i18n'
import { useLocaleStore } from '@/lib/locale-store'
import { isEmail } from '@/shop/shop-rules'
import { useInvitations } from '@/features/members/api/get-invitations'
import { useShopMembers } from '@/features/members/api/get-shop-members'
import { useInviteToShop } from '@/features/members/api/invite-to-shop'
import { useRemoveShopMember } from '@/features/members/api/remove-shop-member'
import { useRevokeInvitation } from '@/features/members/api/revoke-invitation'
import { membersMessages } from '@/features/members/i18n/members-messages'
import '../members.css'

type Messages = (typeof membersMessages)['fr']
type M = <K extends keyof Messages>(key: K) => Messages[K]

const ROLES: readonly MemberRole[] = ['owner', 'staff']

function useFormatDate() {
  const locale = useLocaleStore((s) => s.locale)
  return (iso: string) =>
    new Date(iso).toLocaleDateString(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    })
}

/** Why the database refused, in the reader's language when the app knows the case. */
function refusalReason(m: M, error: unknown): string {
  const e = toBackendError(error)
  if (e.kind === 'network') return m('offline')
  if (e.code === '23505') return m('duplicate')
  if (e.code === '23514') return m('emailInvalid')
  return e.message
}

function sortedShops(shops: readonly Shop[]): Shop[] {
  return [...shops].sort(
    (a, b) =>
      a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) ||
      (a.communeName ?? '').localeCompare(b.communeName ?? '', 'fr') ||
      a.id.localeCompare(b.id),
  )
}

function matchesWords(shop: Shop, words: readonly string[]): boolean {
  const haystack = normalizeForSearch(`${shop.name} ${shop.communeName ?? ''}`)
  return words.every((word) => haystack.includes(word))
}

function MemberRow({
  member,
  shop,
  onRemoved,
}: {
  member: ShopMember
  shop: Shop
  onRemoved: (email: string) => void
}) {
  const m = useFeatureT(membersMessages)
  const formatDate = useFormatDate()
  const removal = useRemoveShopMember(shop.id)
  const [confirming, setConfirming] = useState(false)
  const email = member.email ?? m('unknownEmail')
  return (
    <li className="shop-members__item">
      <span className="shop-members__email">{email}</span>
      <span className="shop-members__meta">
        {m('role')[member.role]} · {m('memberSince')(formatDate(member.createdAt))}
      </span>
      {removal.error ? (
        <p role="alert" className="field-error">
          {m('removeFailed')(refusalReason(m, removal.error))}
        </p>
      ) : null}
      {confirming ? (
        <div className="shop-members__confirm">
          <p>{m('confirmRemoveQuestion')(email, shop.name)}</p>
          <div className="shop-members__actions">
            <button
              type="button"
              className="primary"
              disabled={removal.isPending}
              onClick={() =>
                // A promise rather than mutate's callbacks: those are dropped once the refreshed
                // list has unmounted this row, and the parent must still announce the removal.
                void removal.mutateAsync(member.userId).then(
                  () => onRemoved(email),
                  () => setConfirming(false),
                )
              }
            >
              {m('confirmRemove')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {m('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="shop-members__actions">
          <button
            type="button"
            aria-label={m('removeLabel')(email)}
            onClick={() => {
              removal.reset()
              setConfirming(true)
            }}
          >
            {m('remove')}
          </button>
        </div>
      )}
    </li>
  )
}

function InvitationRow({
  invitation,
  onRevoked,
}: {
  invitation: ShopInvitation
  onRevoked: (email: string) => void
}) {
  const m = useFeatureT(membersMessages)
  const formatDate = useFormatDate()
  const revocation = useRevokeInvitation()
  return (
    <li className="shop-members__item">
      <span className="shop-members__email">{invitation.email}</span>
      <span className="shop-members__meta">
        {m('role')[invitation.role]} · {m('invitedOn')(formatDate(invitation.createdAt))}
      </span>
      {revocation.error ? (
        <p role="alert" className="field-error">
          {m('revokeFailed')(refusalReason(m, revocation.error))}
        </p>
      ) : null}
      <div className="shop-members__actions">
        <button
          type="button"
          aria-label={m('revokeLabel')(invitation.email)}
          disabled={revocation.isPending}
          onClick={() =>
            void revocation.mutateAsync(invitation.id).then(
              () => onRevoked(invitation.email),
              () => undefined, // shown by revocation.error
            )
          }
        >
          {m('revoke')}
        </button>
      </div>
    </li>
  )
}

function InviteForm({
  shop,
  onAttempt,
  onInvited,
}: {
  shop: Shop
  /** An older success notice must not stand next to this attempt's outcome. */
  onAttempt: () => void
  onInvited: (email: string) => void
}) {
  const m = useFeatureT(membersMessages)
  const id = useId()
  const invite = useInviteToShop(shop.id)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<MemberRole>('owner')
  const [emailError, setEmailError] = useState<string | null>(null)
  const emailRef = useRef<HTMLInputElement>(null)
  return (
    <form
      noValidate
      className="shop-members__form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        onAttempt()
        const address = email.trim()
        // The same rule as the database's, so that a typo is caught before any round trip.
        const problem =
          address === '' ? m('emailRequired') : isEmail(address) ? null : m('emailInvalid')
        setEmailError(problem)
        if (problem) {
          invite.reset()
          emailRef.current?.focus()
          return
        }
        void invite.mutateAsync({ email: address, role }).then(
          (created) => {
            setEmail('')
            onInvited(created.email)
          },
          () => emailRef.current?.focus(), // the alert says why; what was typed stays
        )
      }}
    >
      <h4 id={`${id}-title`}>{m('inviteTitle')}</h4>
      <div className="shop-members__field">
        <label htmlFor={`${id}-email`}>{m('email')}</label>
        <input
          ref={emailRef}
          id={`${id}-email`}
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          maxLength={254}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={`${id}-hint${emailError ? ` ${id}-error` : ''}`}
          onChange={(e) => setEmail(e.target.value)}
        />
        <p id={`${id}-hint`} className="shop-members__hint">
          {m('emailHint')}
        </p>
        {emailError ? (
          <p id={`${id}-error`} className="field-error">
            {emailError}
          </p>
        ) : null}
      </div>
      <div className="shop-members__field">
        <label htmlFor={`${id}-role`}>{m('roleLabel')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => setRole(e.target.value as MemberRole)}
        >
          {ROLES.map((candidate) => (
            <option key={candidate} value={candidate}>
              {m('role')[candidate]}
            </option>
          ))}
        </select>
      </div>
      {invite.error ? (
        <p role="alert" className="field-error">
          {m('inviteFailed')} {refusalReason(m, invite.error)} {m('kept')}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={invite.isPending}>
        {invite.isPending ? m('inviting') : m('invite')}
      </button>
    </form>
  )
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const m = useFeatureT(membersMessages)
  return (
    <div role="alert">
      <p>{m('loadError')}</p>
      <button type="button" onClick={onRetry}>
        {m('retry')}
      </button>
    </div>
  )
}

/** One shop's members, its pending invitations and the invitation form. */
function ShopMembership({ shop }: { shop: Shop }) {
  const m = useFeatureT(membersMessages)
  const members = useShopMembers(shop.id)
  const invitations = useInvitations(shop.id)
  const [notice, setNotice] = useState<string | null>(null)
  const membersHeading = useRef<HTMLHeadingElement>(null)
  const invitationsHeading = useRef<HTMLHeadingElement>(null)
  // The button pressed is gone with its row: focus goes to the list's heading, not to the page.
  const announce = (message: string, focus?: RefObject<HTMLHeadingElement | null>) => {
    setNotice(message)
    focus?.current?.focus()
  }
  const pending = invitations.data?.filter((invitation) => invitation.acceptedAt === null)
  return (
    <div className="shop-members__shop">
      {notice ? (
        <p role="status" className="shop-members__notice">
          {notice}
        </p>
      ) : null}
      <h3 ref={membersHeading} tabIndex={-1}>
        {m('members')}
      </h3>
      {members.isError ? (
        <LoadError onRetry={() => void members.refetch()} />
      ) : !members.data ? (
        <p role="status">{m('loading')}</p>
      ) : members.data.length === 0 ? (
        <p>{m('noMembers')}</p>
      ) : (
        <ul role="list" className="shop-members__list" aria-label={m('membersOf')(shop.name)}>
          {members.data.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              shop={shop}
              onRemoved={(email) => announce(m('removed')(email), membersHeading)}
            />
          ))}
        </ul>
      )}
      <h3 ref={invitationsHeading} tabIndex={-1}>
        {m('invitations')}
      </h3>
      {invitations.isError ? (
        <LoadError onRetry={() => void invitations.refetch()} />
      ) : !pending ? (
        <p role="status">{m('loading')}</p>
      ) : pending.length === 0 ? (
        <p>{m('noInvitations')}</p>
      ) : (
        <ul role="list" className="shop-members__list" aria-label={m('invitationsOf')(shop.name)}>
          {pending.map((invitation) => (
            <InvitationRow
              key={invitation.id}
              invitation={invitation}
              onRevoked={(email) => announce(m('revoked')(email), invitationsHeading)}
            />
          ))}
        </ul>
      )}
      <InviteForm
        shop={shop}
        onAttempt={() => setNotice(null)}
        onInvited={(email) => announce(m('invited')(email))}
      />
    </div>
  )
}

/**
 * "Membres et invitations" of the curators' space: pick one of the territory's shops, see who
 * manages it and who is invited, invite by e-mail or take someone off. The database decides.
 */
export function ShopMembersPanel({ shops }: { shops: readonly Shop[] }) {
  const m = useFeatureT(membersMessages)
  const id = useId()
  const [query, setQuery] = useState('')
  const [shopId, setShopId] = useState('')
  const sorted = useMemo(() => sortedShops(shops), [shops])
  const words = searchWords(query)
  const matching = words.length === 0 ? sorted : sorted.filter((s) => matchesWords(s, words))
  const shop = sorted.find((candidate) => candidate.id === shopId) ?? null
  // The chosen shop stays listed while the filter changes, so the select never lies about it.
  const options = shop && !matching.includes(shop) ? [shop, ...matching] : matching
  return (
    <section aria-labelledby={`${id}-title`} className="curation-section shop-members">
      <h2 id={`${id}-title`}>{m('title')}</h2>
      <p>{m('intro')}</p>
      {sorted.length === 0 ? (
        <p>{m('noShops')}</p>
      ) : (
        <div className="shop-members__picker">
          <div className="shop-members__field">
            <label htmlFor={`${id}-filter`}>{m('filter')}</label>
            <input
              id={`${id}-filter`}
              type="search"
              value={query}
              autoComplete="off"
              aria-describedby={words.length > 0 ? `${id}-matches` : undefined}
              onChange={(e) => setQuery(e.target.value)}
            />
            {words.length > 0 ? (
              <p id={`${id}-matches`} className="shop-members__hint">
                {m('matches')(matching.length)}
              </p>
            ) : null}
          </div>
          <div className="shop-members__field">
            <label htmlFor={`${id}-shop`}>{m('shop')}</label>
            <select id={`${id}-shop`} value={shopId} onChange={(e) => setShopId(e.target.value)}>
              <option value="">{m('chooseShop')}</option>
              {options.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.published
                    ? m('shopOption')(candidate.name, candidate.communeName)
                    : `${m('shopOption')(candidate.name, candidate.communeName)} ${m('unpublished')}`}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {shop ? (
        <ShopMembership key={shop.id} shop={shop} />
      ) : sorted.length > 0 ? (
        <p>{m('pickFirst')}</p>
      ) : null}
    </section>
  )
}
