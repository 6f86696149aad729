import { describe, expect, it } from 'vitest'
import { SHOP_KINDS, SHOP_SERVICES } from '@/backend/types'
import {
  KIND_LABELS_FR,
  SERVICE_LABELS_FR,
  resolveKind,
  resolveService,
  serviceSynonyms,
} from '@/features/import-export/utils/import-catalog'

// The words of the November 2020 questionnaires and directories (Grand Poitiers, La Rochelle,
// Saintes…), each read as one service or kind, never as two and never silently dropped.

describe('services, as merchants wrote them', () => {
  it.each([
    ['Click & collect', 'click_and_collect'],
    ['Click and collect', 'click_and_collect'],
    ['Retrait', 'click_and_collect'],
    ['Retrait en magasin', 'click_and_collect'],
    ['Paniers', 'click_and_collect'],
    ['Livraison', 'delivery'],
    ['Livraison à domicile', 'delivery'],
    ['Envoi', 'shipping'],
    ['Vente par téléphone', 'remote_ordering'],
    ['Commande par téléphone', 'remote_ordering'],
    ['Sur rendez-vous', 'visit_by_appointment'],
    ['Cartes cadeaux', 'gift_cards'],
    ['Vente à la ferme', 'in_store'],
  ])('« %s » is %s', (label, service) => {
    expect(resolveService(label)).toBe(service)
  })

  it('reads every label of its table as its own service, whatever the case and accents', () => {
    for (const service of SHOP_SERVICES) {
      for (const label of [SERVICE_LABELS_FR[service], ...serviceSynonyms(service)]) {
        expect([label, resolveService(label)]).toEqual([label, service])
        expect(resolveService(label.toUpperCase())).toBe(service)
      }
    }
  })

  it('maps a label it does not know to nothing (the importer then quotes it in a warning)', () => {
    expect(resolveService('Paiement sans contact')).toBeNull()
  })
})

describe('kinds, as "Vous êtes" was answered', () => {
  it.each([
    ['Commerçant', 'commercant'],
    ['Commerçant(e)', 'commercant'],
    ['Artisan(e)', 'artisan'],
    ['Producteur / productrice', 'producteur'],
    ['Exploitant agricole', 'producteur'],
    ['Marché', 'marche'],
    ['Service public', 'service_public'],
  ])('« %s » is %s', (label, kind) => {
    expect(resolveKind(label)).toBe(kind)
  })

  it('reads each kind’s own label', () => {
    for (const kind of SHOP_KINDS) expect(resolveKind(KIND_LABELS_FR[kind])).toBe(kind)
  })
})
