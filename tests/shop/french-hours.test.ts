// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import OpeningHours, { type nominatim_object, type optional_conf } from 'opening_hours'
import fixture from '../fixtures/curation/grand-poitiers-horaires-texte-2015.json'
import source from '../../supabase/data/opening_hours/grand-poitiers-horaires-texte-2015.json'
import { convertFrenchHours } from '@/shop/french-hours'

// As the app reads values (src/shop/opening-hours.ts): France's public holidays.
const FRANCE = {
  lat: '46.58',
  lon: '0.34',
  address: { country_code: 'fr', state: 'Nouvelle-Aquitaine' },
} as unknown as nominatim_object
const OPTIONS: optional_conf = {
  mode: undefined,
  tag_key: undefined,
  map_value: undefined,
  warnings_severity: undefined,
  locale: 'fr',
}

/**
 * A converted value and what it must mean: moments when it is open and when it is closed.
 * Moments are 'Mo 09:00' … 'Su 09:00' in the week of Monday 23 November 2026 (no public
 * holiday), or 'YYYY-MM-DD HH:MM' for a given day, in French local time. Boundaries are tested
 * on both sides (opening minute open, the minute before closed; closing minute closed).
 */
interface Converted {
  value: string
  open: string[]
  closed: string[]
}
/** A text kept as a note, with the exact reason shown to the curator. */
interface Noted {
  reason: string
}
type Expected = Converted | Noted

const WEEK: Record<string, string> = {
  Mo: '2026-11-23',
  Tu: '2026-11-24',
  We: '2026-11-25',
  Th: '2026-11-26',
  Fr: '2026-11-27',
  Sa: '2026-11-28',
  Su: '2026-11-29',
}

function moment(label: string): Date {
  const [day = '', time = ''] = label.split(' ')
  const date = new Date(`${WEEK[day] ?? day}T${time}:00`)
  if (Number.isNaN(date.getTime())) throw new Error(`bad moment ${label}`)
  return date
}

function hours(value: string): OpeningHours {
  return new OpeningHours(value, FRANCE, OPTIONS)
}

function expectConversion(text: string, expected: Expected): void {
  const result = convertFrenchHours(text)
  if ('reason' in expected) {
    expect(result).toEqual({ kind: 'note', reason: expected.reason })
    return
  }
  expect(result).toEqual({ kind: 'converted', openingHours: expected.value })
  const parsed = hours(expected.value)
  expect(parsed.getWarnings()).toEqual([])
  // Canonical: the library would write the value the same way.
  expect(parsed.prettifyValue()).toBe(expected.value)
  const wrong = [
    ...expected.open.filter((label) => !parsed.getState(moment(label))).map((l) => `${l} closed`),
    ...expected.closed.filter((label) => parsed.getState(moment(label))).map((l) => `${l} open`),
  ]
  expect(wrong).toEqual([])
}

// The five dates the Grand Poitiers recycling centres list, and the public holidays they leave
// out (2026-04-06 Easter Monday, 2026-05-08, 2026-11-11), which must stay open: a list of some
// holidays is not "PH off".
const LISTED_DATES = 'Jan 01,May 01,Jul 14,Aug 15,Dec 25 off'

const OFFICE_9_12_14_17: Omit<Converted, 'value'> = {
  open: ['Mo 09:00', 'Mo 11:59', 'Mo 14:00', 'Fr 16:59'],
  closed: ['Mo 08:59', 'Mo 12:00', 'We 13:59', 'Fr 17:00', 'Sa 10:00', 'Su 10:00'],
}
const OFFICE_9_12_14_16: Omit<Converted, 'value'> = {
  open: ['Mo 09:00', 'Tu 11:59', 'Th 14:00', 'Fr 15:59'],
  closed: ['Mo 08:59', 'Tu 12:00', 'Th 13:59', 'Fr 16:00', 'Sa 10:00', 'Su 10:00'],
}

/** Every distinct non-empty `horaires_texte` of the fixture, and the decision for it. */
const REAL: Record<string, Expected> = {
  '19h30': { reason: 'Plage horaire incomplète : « 19h30 »' },
  // A bus station and car parks: "24/24" alone means open at all times.
  '24/24': { value: '24/7', open: ['Mo 00:00', 'Su 23:59', '2026-12-25 03:00'], closed: [] },
  '24/24 (acceuil de 7h15 à 22h)': {
    reason: 'Précision entre parenthèses non gérée : « acceuil de 7h15 à 22h »',
  },
  '24/24 (accueil de 7h à 20h)': {
    reason: 'Précision entre parenthèses non gérée : « accueil de 7h à 20h »',
  },
  '24/24 (accueil de 7h15 à 22h)': {
    reason: 'Précision entre parenthèses non gérée : « accueil de 7h15 à 22h »',
  },
  'De 9h à 12h et de 14h à 17h.': {
    reason: 'Jours non précisés : « De 9h à 12h et de 14h à 17h »',
  },
  'Dimanches: 9h/13h': {
    value: 'Su 09:00-13:00',
    open: ['Su 09:00', 'Su 12:59'],
    closed: ['Su 08:59', 'Su 13:00', 'Sa 10:00', 'Mo 10:00'],
  },
  'Du Lundi au Vendredi : 9h00-12h00 et 13h30-16h30': {
    value: 'Mo-Fr 09:00-12:00,13:30-16:30',
    open: ['Mo 09:00', 'We 11:59', 'Th 13:30', 'Fr 16:29'],
    closed: ['Mo 08:59', 'Mo 12:00', 'Th 13:29', 'Fr 16:30', 'Sa 10:00', 'Su 10:00'],
  },
  'Du Lundi au Vendredi : de 09h à 12h et de 14h à 16h.': {
    value: 'Mo-Fr 09:00-12:00,14:00-16:00',
    ...OFFICE_9_12_14_16,
  },
  'Du Lundi au Vendredi : de 09h00 à 12h00 et de 14h00 à 17h00.': {
    value: 'Mo-Fr 09:00-12:00,14:00-17:00',
    ...OFFICE_9_12_14_17,
  },
  'Du Mardi au Vendredi de 9h à 17h30.': {
    value: 'Tu-Fr 09:00-17:30',
    open: ['Tu 09:00', 'We 12:30', 'Fr 17:29'],
    closed: ['Mo 10:00', 'Tu 08:59', 'Fr 17:30', 'Sa 10:00'],
  },
  'Du lundi au jeudi de 8h30 à 12h et de 13h30 à 17h. Le vendredi de 8h30 à 12h et de 13h30 à 16h30':
    {
      value: 'Mo-Th 08:30-12:00,13:30-17:00; Fr 08:30-12:00,13:30-16:30',
      open: ['Mo 08:30', 'Th 16:59', 'Fr 13:30', 'Fr 16:29'],
      closed: ['Mo 08:29', 'Th 12:00', 'Th 17:00', 'Fr 16:30', 'Sa 10:00'],
    },
  // The covered hall and the open-air market have different hours; one value cannot hold both.
  'Du lundi au samedi: 6h/19h ; marché plein air du Lundi au Samedi: 6h/20h\n': {
    reason: 'Texte non reconnu : « marché plein air »',
  },
  'Du lundi au vendredi : 8h30-22h00. Le samedi : 8h45-17h00': {
    value: 'Mo-Fr 08:30-22:00; Sa 08:45-17:00',
    open: ['Mo 08:30', 'Fr 21:59', 'Sa 08:45', 'Sa 16:59'],
    closed: ['Mo 08:29', 'Fr 22:00', 'Sa 08:44', 'Sa 17:00', 'Su 10:00'],
  },
  'Du lundi au vendredi : 9h-11h30/14h-16h30': {
    value: 'Mo-Fr 09:00-11:30,14:00-16:30',
    open: ['Mo 09:00', 'Mo 11:29', 'Fr 14:00', 'Fr 16:29'],
    closed: ['Mo 08:59', 'Mo 11:30', 'Fr 13:59', 'Fr 16:30', 'Sa 10:00'],
  },
  'Du lundi au vendredi : 9h-12h et 13h30-17h': {
    value: 'Mo-Fr 09:00-12:00,13:30-17:00',
    open: ['Mo 09:00', 'Tu 11:59', 'We 13:30', 'Fr 16:59'],
    closed: ['Mo 08:59', 'Tu 12:00', 'We 13:29', 'Fr 17:00', 'Su 10:00'],
  },
  'Du lundi au vendredi : 9h-12h et 14h-16h': {
    value: 'Mo-Fr 09:00-12:00,14:00-16:00',
    ...OFFICE_9_12_14_16,
  },
  'Du lundi au vendredi : 9h-12h et 14h-17h': {
    value: 'Mo-Fr 09:00-12:00,14:00-17:00',
    ...OFFICE_9_12_14_17,
  },
  'Du lundi au vendredi de 8h30 à 12h00 et de 13h30 à 17h00': {
    value: 'Mo-Fr 08:30-12:00,13:30-17:00',
    open: ['Mo 08:30', 'Mo 11:59', 'Fr 13:30', 'Fr 16:59'],
    closed: ['Mo 08:29', 'Mo 12:00', 'Fr 13:29', 'Fr 17:00', 'Sa 10:00'],
  },
  'Du lundi au vendredi de 9h à 12h et de 14h à 16h.\t\t\n': {
    value: 'Mo-Fr 09:00-12:00,14:00-16:00',
    ...OFFICE_9_12_14_16,
  },
  'Du lundi au vendredi de 9h à 12h et de 14h à 17h': {
    value: 'Mo-Fr 09:00-12:00,14:00-17:00',
    ...OFFICE_9_12_14_17,
  },
  'Du lundi au vendredi de 9h à 12h et de 14h à 18h\n': {
    value: 'Mo-Fr 09:00-12:00,14:00-18:00',
    open: ['Mo 09:00', 'Mo 11:59', 'Fr 14:00', 'Fr 17:59'],
    closed: ['Mo 08:59', 'Mo 12:00', 'Fr 13:59', 'Fr 18:00', 'Sa 10:00'],
  },
  'Du mardi au samedi de 14h15 à 18h15.': {
    value: 'Tu-Sa 14:15-18:15',
    open: ['Tu 14:15', 'Sa 18:14'],
    closed: ['Mo 15:00', 'Tu 14:14', 'Sa 18:15', 'Su 15:00'],
  },
  "Horaires d'ouverture :\n- du lundi au jeudi : 9h à 18h \n- le vendredi : 9h à 16h": {
    value: 'Mo-Th 09:00-18:00; Fr 09:00-16:00',
    open: ['Mo 09:00', 'Th 17:59', 'Fr 15:59'],
    closed: ['Mo 08:59', 'Th 18:00', 'Fr 16:00', 'Sa 10:00'],
  },
  "Horaires d'ouverture de l'accueil : \n- Avril, mai, juin, et septembre :\n     - Mercredi, samedi, et dimanche : 14h à 20h\n\n- En Juillet et Août t\n      - tous les jours : 14h à 20h\n\nLe matin sur rendez-vous":
    { reason: 'Période saisonnière non gérée : « Avril, mai, juin, et septembre »' },
  'Jeudis: 15h/19h30': {
    value: 'Th 15:00-19:30',
    open: ['Th 15:00', 'Th 19:29'],
    closed: ['Th 14:59', 'Th 19:30', 'We 16:00'],
  },
  'Jeudis: 7h/14h': {
    value: 'Th 07:00-14:00',
    open: ['Th 07:00', 'Th 13:59'],
    closed: ['Th 06:59', 'Th 14:00', 'Fr 10:00'],
  },
  'Jeudis: 8h/13h': {
    value: 'Th 08:00-13:00',
    open: ['Th 08:00', 'Th 12:59'],
    closed: ['Th 07:59', 'Th 13:00', 'Tu 10:00'],
  },
  'Les mardis et vendredis: 7h/14h': {
    value: 'Tu,Fr 07:00-14:00',
    open: ['Tu 07:00', 'Fr 13:59'],
    closed: ['Tu 06:59', 'Fr 14:00', 'We 10:00', 'Th 10:00'],
  },
  'Les mardis: 7h/14h': {
    value: 'Tu 07:00-14:00',
    open: ['Tu 07:00', 'Tu 13:59'],
    closed: ['Tu 06:59', 'Tu 14:00', 'Mo 10:00'],
  },
  'Lundi : 8h30-12h / 14h-18h30.\nDu mardi au jeudi : 8h30-12h / 14h-17h30. \nVendredi : 8h30-13h.':
    {
      value: 'Mo 08:30-12:00,14:00-18:30; Tu-Th 08:30-12:00,14:00-17:30; Fr 08:30-13:00',
      open: ['Mo 08:30', 'Mo 18:29', 'Tu 14:00', 'Th 17:29', 'Fr 12:59'],
      closed: ['Mo 08:29', 'Mo 12:00', 'Mo 18:30', 'Tu 17:30', 'Fr 13:00', 'Fr 14:30', 'Sa 10:00'],
    },
  // "Tous les 1er et 3ème mardis du mois" alone would convert (see below); the label says the
  // hours are those of one market, and the place may hold others.
  'Marché de bouquiniste tous les 1er et 3ème mardis du mois: 8h/19h': {
    reason: 'Texte non reconnu : « Marché de bouquiniste »',
  },
  'Mercredi de 8h à 13h': {
    value: 'We 08:00-13:00',
    open: ['We 08:00', 'We 12:59'],
    closed: ['We 07:59', 'We 13:00', 'Th 10:00'],
  },
  'Mercredis: 8h/13h': {
    value: 'We 08:00-13:00',
    open: ['We 08:00', 'We 12:59'],
    closed: ['We 07:59', 'We 13:00', 'Sa 10:00'],
  },
  'Ouvert du Lundi au Samedi : 9h30-12h30 et 13h30-18h30\n Fermé le : Dimanche et 01 janvier, 01 mai, 14 juillet, 15 août et 25 décembre':
    {
      value: `Mo-Sa 09:30-12:30,13:30-18:30; ${LISTED_DATES}`,
      open: [
        'Mo 09:30',
        'Mo 12:29',
        'Sa 13:30',
        'Sa 18:29',
        '2026-04-06 10:00',
        '2026-05-08 10:00',
      ],
      closed: [
        'Mo 09:29',
        'Mo 12:30',
        'Sa 13:29',
        'Sa 18:30',
        'Su 10:00',
        '2026-12-25 10:00',
        '2026-05-01 10:00',
      ],
    },
  'Ouvert du Mardi au Dimanche : 9h30-12h30 et 13h30-18h30\n Fermé le : Lundi et 01 janvier, 01 mai, 14 juillet, 15 août et 25 décembre':
    {
      value: `Tu-Su 09:30-12:30,13:30-18:30; ${LISTED_DATES}`,
      open: ['Tu 09:30', 'Su 18:29', '2026-11-11 10:00', '2026-05-08 10:00'],
      closed: ['Mo 10:00', 'Tu 09:29', 'Su 12:30', 'Su 18:30', '2026-07-14 10:00'],
    },
  'Ouvert du Mardi au Samedi : 9h30-12h30 et 13h30-18h30\n Fermé le : Lundi, Dimanche et 01 janvier, 01 mai, 14 juillet, 15 août et 25 décembre':
    {
      value: `Tu-Sa 09:30-12:30,13:30-18:30; ${LISTED_DATES}`,
      open: ['Tu 09:30', 'Sa 18:29', '2026-05-08 10:00'],
      closed: ['Mo 10:00', 'Su 10:00', 'Tu 12:45', '2026-08-15 10:00', '2027-01-01 10:00'],
    },
  'Ouvert le : Lundi : 13h30-18h30, Mercredi et Samedi : 9h30-12h30 et 13h30-18h30, Dimanche : 9h30-12h30\n Fermé le : Mardi, Jeudi, Vendredi et 01 janvier, 01 mai, 14 juillet, 15 août et 25 décembre':
    {
      value: `Mo 13:30-18:30; We,Sa 09:30-12:30,13:30-18:30; Su 09:30-12:30; ${LISTED_DATES}`,
      open: ['Mo 13:30', 'Mo 18:29', 'We 09:30', 'Sa 18:29', 'Su 12:29', '2026-11-11 10:00'],
      closed: [
        'Mo 10:00',
        'Mo 13:29',
        'Mo 18:30',
        'Tu 10:00',
        'We 12:30',
        'Th 15:00',
        'Fr 15:00',
        'Su 12:30',
        'Su 14:00',
        '2026-08-15 10:00',
      ],
    },
  'Ouvert le : Lundi : 9h30-12h30 et 13h30-18h30, Mercredi : 9h30-12h30, Vendredi : 13h30-18h30, Samedi : 9h30-12h30 et 13h30-18h30\n Fermé le : Mardi, Jeudi, Dimanche et 01 janvier, 01 mai, 14 juillet, 15 août et 25 décembre':
    {
      value: `Mo,Sa 09:30-12:30,13:30-18:30; We 09:30-12:30; Fr 13:30-18:30; ${LISTED_DATES}`,
      open: ['Mo 09:30', 'Sa 18:29', 'We 12:29', 'Fr 13:30', '2026-05-08 15:00'],
      closed: [
        'Tu 10:00',
        'We 13:30',
        'Th 10:00',
        'Fr 12:00',
        'Su 10:00',
        '2026-05-01 15:00',
        '2027-01-01 15:00',
      ],
    },
  'Ouvert uniquement le Mercredi et Samedi : 9h30-12h30 et 13h30-18h30\n Fermé le : 01 janvier, 01 mai, 14 juillet, 15 août et 25 décembre':
    {
      value: `We,Sa 09:30-12:30,13:30-18:30; ${LISTED_DATES}`,
      open: ['We 09:30', 'Sa 18:29', '2026-11-11 10:00'],
      closed: ['We 09:29', 'We 12:30', 'Sa 18:30', 'Mo 10:00', 'Fr 10:00', '2026-08-15 10:00'],
    },
  'Samedis: 7h/14h': {
    value: 'Sa 07:00-14:00',
    open: ['Sa 07:00', 'Sa 13:59'],
    closed: ['Sa 06:59', 'Sa 14:00', 'Su 10:00'],
  },
  'Samedis: 8h30/13h': {
    value: 'Sa 08:30-13:00',
    open: ['Sa 08:30', 'Sa 12:59'],
    closed: ['Sa 08:29', 'Sa 13:00', 'Fr 10:00'],
  },
  'Tous les jeudis matin': { reason: 'Horaire imprécis : « matin »' },
  'Tous les mercredis et dimanches: 6h/14h': {
    value: 'We,Su 06:00-14:00',
    open: ['We 06:00', 'Su 13:59'],
    closed: ['We 05:59', 'Su 14:00', 'Th 10:00'],
  },
  'Tous les vendredis de 16h à 19h': {
    value: 'Fr 16:00-19:00',
    open: ['Fr 16:00', 'Fr 18:59'],
    closed: ['Fr 15:59', 'Fr 19:00', 'Sa 17:00'],
  },
  // Two markets (farm produce on Friday, a fishmonger on Wednesday) in one text.
  'Vendredi: 14h/20h produits fermiers et biologiques mercredi: un poissonnier 8h/14h': {
    reason: 'Texte non reconnu : « produits fermiers et biologiques »',
  },
  'Vendredis: 7h/14h': {
    value: 'Fr 07:00-14:00',
    open: ['Fr 07:00', 'Fr 13:59'],
    closed: ['Fr 06:59', 'Fr 14:00', 'Th 10:00'],
  },
  'voir lien site web': { reason: 'Horaires renvoyés ailleurs : « voir lien site web »' },
  'voir sur le site web': { reason: 'Horaires renvoyés ailleurs : « voir sur le site web »' },
}

describe('convertFrenchHours on the Grand Poitiers 2015 texts', () => {
  const texts = fixture.map((entry) => entry.horaires_texte).filter((text) => text.trim() !== '')
  const distinct = [...new Set(texts)]

  it('runs in French time, as vite.config.ts sets for the tests', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Paris')
  })

  it('uses a fixture identical to the data file it was copied from', () => {
    expect(fixture).toEqual(source)
  })

  it('states a decision for each of the 49 distinct texts (52 entries), and for no other', () => {
    expect(fixture).toHaveLength(52)
    expect(texts).toHaveLength(52)
    expect(distinct).toHaveLength(49)
    expect(Object.keys(REAL).sort()).toEqual([...distinct].sort())
  })

  it('converts 37 of them and keeps 12 as notes', () => {
    const kinds = distinct.map((text) => convertFrenchHours(text).kind)
    expect(kinds.filter((kind) => kind === 'converted')).toHaveLength(37)
    expect(kinds.filter((kind) => kind === 'note')).toHaveLength(12)
  })

  it.each(Object.entries(REAL))('%j', (text, expected) => {
    expectConversion(text, expected)
  })
})

/** Constructs the converter reads, each with what it must produce. */
const SYNTHETIC: Record<string, Record<string, Expected>> = {
  'day names, plurals and abbreviations': {
    'lundis : 9h-12h': {
      value: 'Mo 09:00-12:00',
      open: ['Mo 09:00', 'Mo 11:59'],
      closed: ['Mo 08:59', 'Mo 12:00', 'Tu 10:00'],
    },
    'le lundi 9h-12h': { value: 'Mo 09:00-12:00', open: ['Mo 10:00'], closed: ['Su 10:00'] },
    'LUNDI : 9H-12H': { value: 'Mo 09:00-12:00', open: ['Mo 10:00'], closed: ['Mo 12:00'] },
    'lun. au ven. : 9h-18h': {
      value: 'Mo-Fr 09:00-18:00',
      open: ['Mo 09:00', 'Fr 17:59'],
      closed: ['Fr 18:00', 'Sa 10:00'],
    },
    'mar. 9h-12h': { value: 'Tu 09:00-12:00', open: ['Tu 10:00'], closed: ['Mo 10:00'] },
    'Le week-end 10h-18h': {
      value: 'Sa,Su 10:00-18:00',
      open: ['Sa 10:00', 'Su 17:59'],
      closed: ['Fr 12:00', 'Mo 12:00'],
    },
  },
  'ranges and lists of days': {
    'Du lundi au vendredi 9h-18h': {
      value: 'Mo-Fr 09:00-18:00',
      open: ['Mo 09:00', 'Fr 17:59'],
      closed: ['Mo 08:59', 'Sa 10:00', 'Su 10:00'],
    },
    'lundi au vendredi 9h-18h': {
      value: 'Mo-Fr 09:00-18:00',
      open: ['We 12:00'],
      closed: ['Sa 12:00'],
    },
    'lundi à vendredi 9h-18h': {
      value: 'Mo-Fr 09:00-18:00',
      open: ['We 12:00'],
      closed: ['Sa 12:00'],
    },
    'lundi-vendredi 9h-18h': {
      value: 'Mo-Fr 09:00-18:00',
      open: ['Th 12:00'],
      closed: ['Su 12:00'],
    },
    'Du vendredi au lundi 10h-18h': {
      value: 'Mo,Fr-Su 10:00-18:00',
      open: ['Fr 10:00', 'Su 12:00', 'Mo 17:59'],
      closed: ['Tu 12:00', 'Th 12:00'],
    },
    'mercredi et samedi 9h-12h': {
      value: 'We,Sa 09:00-12:00',
      open: ['We 09:00', 'Sa 11:59'],
      closed: ['Th 10:00', 'Sa 12:00'],
    },
    'lundi, mardi : 9h-12h': {
      value: 'Mo,Tu 09:00-12:00',
      open: ['Mo 10:00', 'Tu 10:00'],
      closed: ['We 10:00'],
    },
    'Lundi, mardi et jeudi 9h-12h': {
      value: 'Mo,Tu,Th 09:00-12:00',
      open: ['Th 10:00'],
      closed: ['We 10:00'],
    },
    'Tous les jours 9h-18h': {
      value: 'Mo-Su 09:00-18:00',
      open: ['Mo 09:00', 'Su 17:59'],
      closed: ['Su 18:00', 'Mo 08:59'],
    },
    '7j/7 : 9h-18h': { value: 'Mo-Su 09:00-18:00', open: ['Su 10:00'], closed: ['Su 19:00'] },
    'de 9h à 18h du lundi au vendredi': {
      value: 'Mo-Fr 09:00-18:00',
      open: ['Fr 09:00'],
      closed: ['Sa 09:00'],
    },
    '9h-12h lundi, 14h-18h mardi': {
      value: 'Mo 09:00-12:00; Tu 14:00-18:00',
      open: ['Mo 11:00', 'Tu 15:00'],
      closed: ['Mo 15:00', 'Tu 11:00'],
    },
    'mercredi 9h-12h et samedi 14h-18h': {
      value: 'We 09:00-12:00; Sa 14:00-18:00',
      open: ['We 11:00', 'Sa 15:00'],
      closed: ['We 15:00', 'Sa 11:00'],
    },
  },
  'times and time ranges': {
    'Lundi : 08:30-12:00': {
      value: 'Mo 08:30-12:00',
      open: ['Mo 08:30', 'Mo 11:59'],
      closed: ['Mo 08:29', 'Mo 12:00'],
    },
    'Lundi 8 h 30 - 12 h': {
      value: 'Mo 08:30-12:00',
      open: ['Mo 08:30'],
      closed: ['Mo 08:29', 'Mo 12:00'],
    },
    'Lundi 9 h - 12 h 30': {
      value: 'Mo 09:00-12:30',
      open: ['Mo 12:29'],
      closed: ['Mo 12:30'],
    },
    'Lundi 9 heures à 12 heures': {
      value: 'Mo 09:00-12:00',
      open: ['Mo 09:00'],
      closed: ['Mo 12:00'],
    },
    'Lundi de 9h à midi': {
      value: 'Mo 09:00-12:00',
      open: ['Mo 11:59'],
      closed: ['Mo 12:00'],
    },
    'Lundi 9-12h': { value: 'Mo 09:00-12:00', open: ['Mo 09:00'], closed: ['Mo 12:00'] },
    'Lundi entre 9h et 12h': { value: 'Mo 09:00-12:00', open: ['Mo 09:00'], closed: ['Mo 12:00'] },
    'Lundi 8h/13h': {
      value: 'Mo 08:00-13:00',
      open: ['Mo 08:00', 'Mo 12:59'],
      closed: ['Mo 07:59', 'Mo 13:00'],
    },
    'Lundi 8h30-12h / 14h-18h30': {
      value: 'Mo 08:30-12:00,14:00-18:30',
      open: ['Mo 08:30', 'Mo 14:00', 'Mo 18:29'],
      closed: ['Mo 12:00', 'Mo 13:59', 'Mo 18:30'],
    },
    'Lundi: 8h30-12h00/14h00-18h30': {
      value: 'Mo 08:30-12:00,14:00-18:30',
      open: ['Mo 14:00'],
      closed: ['Mo 13:00'],
    },
    'Lundi 8h/12h - 14h/18h': {
      value: 'Mo 08:00-12:00,14:00-18:00',
      open: ['Mo 08:00', 'Mo 14:00'],
      closed: ['Mo 12:00', 'Mo 18:00'],
    },
    'Lundi 9h-12h et 14h-18h': {
      value: 'Mo 09:00-12:00,14:00-18:00',
      open: ['Mo 09:00', 'Mo 17:59'],
      closed: ['Mo 12:00', 'Mo 18:00'],
    },
    'Lundi 9h à 12h, 14h à 18h': {
      value: 'Mo 09:00-12:00,14:00-18:00',
      open: ['Mo 14:00'],
      closed: ['Mo 13:00'],
    },
    'Lundi 14h-18h et 9h-12h': {
      value: 'Mo 09:00-12:00,14:00-18:00',
      open: ['Mo 09:00', 'Mo 14:00'],
      closed: ['Mo 12:00'],
    },
    'Lundi : 9h - 12h\r\nMardi : 14h-18h': {
      value: 'Mo 09:00-12:00; Tu 14:00-18:00',
      open: ['Mo 09:00', 'Tu 14:00'],
      closed: ['Mo 14:00', 'Tu 09:00'],
    },
    'Samedi de 20h à minuit': {
      value: 'Sa 20:00-24:00',
      open: ['Sa 20:00', 'Sa 23:59'],
      closed: ['Sa 19:59', 'Su 00:00'],
    },
    'Samedi 20h-0h': { value: 'Sa 20:00-24:00', open: ['Sa 23:59'], closed: ['Su 00:00'] },
    'Samedi de minuit à 6h': {
      value: 'Sa 00:00-06:00',
      open: ['Sa 00:00', 'Sa 05:59'],
      closed: ['Sa 06:00', 'Fr 23:59'],
    },
    // Past midnight only when the text says so.
    'Vendredi et samedi de 22h à 2h du matin': {
      value: 'Fr,Sa 22:00-02:00',
      open: ['Fr 22:00', 'Sa 01:59', 'Su 01:59'],
      closed: ['Fr 21:59', 'Sa 02:00', 'Su 02:00', 'Fr 01:00'],
    },
    'Vendredi 22h - 3h le lendemain': {
      value: 'Fr 22:00-03:00',
      open: ['Sa 02:59'],
      closed: ['Sa 03:00'],
    },
    'Lundi 9h-12h, 12h-14h': {
      value: 'Mo 09:00-14:00',
      open: ['Mo 11:59', 'Mo 12:00', 'Mo 13:59'],
      closed: ['Mo 14:00'],
    },
    'Vendredi 9h - 11h du matin': {
      value: 'Fr 09:00-11:00',
      open: ['Fr 10:00'],
      closed: ['Fr 11:00'],
    },
  },
  'round the clock': {
    '24h/24': { value: '24/7', open: ['We 03:00'], closed: [] },
    H24: { value: '24/7', open: ['We 03:00'], closed: [] },
    '24h/24 7j/7': { value: '24/7', open: ['Su 23:59', '2026-12-25 12:00'], closed: [] },
    '7j/7 24h/24': { value: '24/7', open: ['Mo 00:00'], closed: [] },
    '24h/24, 7j/7': { value: '24/7', open: ['Mo 00:00'], closed: [] },
    'Du lundi au vendredi : 24h/24': {
      value: 'Mo-Fr 00:00-24:00',
      open: ['Mo 00:00', 'Fr 23:59'],
      closed: ['Sa 00:00', 'Su 23:59'],
    },
    // Days without hours.
    '7j/7': { reason: 'Horaires manquants : « 7j/7 »' },
    'Ouvert 7j/7': { reason: 'Horaires manquants : « 7j/7 »' },
  },
  'closures and exceptions': {
    'Du lundi au vendredi 9h-18h. Fermé les jours fériés': {
      value: 'Mo-Fr 09:00-18:00; PH off',
      open: ['Mo 10:00', '2026-12-24 10:00'],
      closed: ['2026-12-25 10:00', '2026-11-11 10:00', '2026-04-06 10:00', 'Sa 10:00'],
    },
    'Du lundi au vendredi 9h-18h sauf jours fériés': {
      value: 'Mo-Fr 09:00-18:00; PH off',
      open: ['Fr 10:00'],
      closed: ['2026-05-08 10:00'],
    },
    'Du lundi au samedi 9h-18h, fermé le dimanche': {
      value: 'Mo-Sa 09:00-18:00',
      open: ['Sa 10:00'],
      closed: ['Su 10:00'],
    },
    'Lundi : fermé. Mardi : 9h-12h': {
      value: 'Tu 09:00-12:00',
      open: ['Tu 10:00'],
      closed: ['Mo 10:00'],
    },
    'Lundi 9h-12h. Fermé le 1er mai et le 25 décembre': {
      value: 'Mo 09:00-12:00; May 01,Dec 25 off',
      open: ['Mo 10:00'],
      closed: ['2028-05-01 10:00', '2028-12-25 10:00'],
    },
    'tous les jours de 9h à 19h sauf le lundi': {
      value: 'Tu-Su 09:00-19:00',
      open: ['Tu 09:00', 'Su 18:59'],
      closed: ['Mo 10:00'],
    },
    'Du lundi au samedi sauf le mercredi : 9h-18h': {
      value: 'Mo,Tu,Th-Sa 09:00-18:00',
      open: ['Tu 10:00', 'Th 10:00'],
      closed: ['We 10:00', 'Su 10:00'],
    },
    'Tous les jours de 9h à 19h sauf le dimanche de 9h à 12h': {
      value: 'Mo-Sa 09:00-19:00; Su 09:00-12:00',
      open: ['Sa 18:59', 'Su 11:59'],
      closed: ['Su 12:00', 'Su 18:00'],
    },
    'Samedi, dimanche et jours fériés : 9h-12h': {
      value: 'Sa,Su,PH 09:00-12:00',
      open: ['Sa 10:00', '2026-11-11 10:00'],
      closed: ['Fr 10:00', '2026-11-11 13:00'],
    },
    'Du lundi au samedi 9h-19h ; dimanche et jours fériés 9h-12h': {
      value: 'Mo-Sa 09:00-19:00; Su,PH 09:00-12:00',
      open: ['Mo 18:00', 'Su 11:00', '2026-11-11 11:00'],
      closed: ['Su 18:00', '2026-11-11 18:00'],
    },
    'Tous les jours 8h-20h, fermé le dimanche': {
      value: 'Mo-Sa 08:00-20:00',
      open: ['Mo 08:00', 'Sa 19:59'],
      closed: ['Su 10:00'],
    },
    'Du lundi au samedi 9h-18h, fermé le lundi': {
      value: 'Tu-Sa 09:00-18:00',
      open: ['Tu 10:00'],
      closed: ['Mo 10:00'],
    },
    'Lu-Sa 08:00-19:00': {
      value: 'Mo-Sa 08:00-19:00',
      open: ['Mo 08:00', 'Sa 18:59'],
      closed: ['Su 10:00'],
    },
    'LU AU SA : 9H-19H': {
      value: 'Mo-Sa 09:00-19:00',
      open: ['Sa 09:00'],
      closed: ['Su 10:00'],
    },
    'lun. au sam. 9h-12h 14h-19h': {
      value: 'Mo-Sa 09:00-12:00,14:00-19:00',
      open: ['Mo 09:00', 'Sa 14:00'],
      closed: ['Mo 12:30', 'Su 10:00'],
    },
    'Ma-Ve 9h30-19h, Sa 9h-12h': {
      value: 'Tu-Fr 09:30-19:00; Sa 09:00-12:00',
      open: ['Tu 09:30', 'Sa 11:59'],
      closed: ['Mo 10:00', 'Sa 12:00'],
    },
    'Le lundi 9h-18h, fermé le lundi': {
      reason: 'Jour à la fois ouvert et fermé : le lundi',
    },
    'Tous les jours 9h-12h, fermé les lundis, mardis, mercredis, jeudis, vendredis, samedis et dimanches':
      { reason: 'Jours ouverts tous fermés ensuite : aucun horaire d’ouverture ne reste' },
    'Dimanches et fériés 9h-12h. Fermé les jours fériés': {
      reason: 'Jours fériés à la fois ouverts et fermés',
    },
    'Fermé le dimanche': {
      reason: "Horaires d'ouverture manquants : seules des fermetures sont indiquées",
    },
    'Du lundi au vendredi 9h-12h sauf le samedi': {
      reason: 'Exception incohérente : « sauf le samedi »',
    },
    // Whether Saturday holidays close too is not said.
    'Du lundi au vendredi 9h-18h sauf jours fériés ; samedi 9h-12h': {
      reason: 'Exception ambiguë : « sauf jours fériés »',
    },
    'Fermé le lundi de 12h à 14h': {
      reason: 'Fermeture partielle non gérée : « Fermé le lundi de 12h à 14h »',
    },
    'Fermé le lundi matin': { reason: 'Horaire imprécis : « matin »' },
    'Lundi 9h-12h. Fermé le 31 février': { reason: 'Date invalide : « 31 février »' },
  },
  'days of the month': {
    'Tous les 1er et 3ème mardis du mois : 8h/19h': {
      value: 'Tu[1,3] 08:00-19:00',
      open: ['2026-11-03 08:00', '2026-11-17 18:59'],
      closed: ['2026-11-10 10:00', '2026-11-24 10:00', '2026-11-17 19:00', '2026-11-03 07:59'],
    },
    'Le 1er mercredi du mois 9h-12h': {
      value: 'We[1] 09:00-12:00',
      open: ['2026-11-04 10:00'],
      closed: ['2026-11-11 10:00', 'We 10:00'],
    },
    'Le dernier samedi du mois de 9h à 12h': {
      value: 'Sa[-1] 09:00-12:00',
      open: ['2026-11-28 10:00'],
      closed: ['2026-11-21 10:00'],
    },
    'Du lundi au samedi 9h-19h, fermé le 1er lundi du mois': {
      value: 'Mo-Sa 09:00-19:00; Mo[1] off',
      open: ['Mo 10:00', 'Tu 10:00'],
      closed: ['2026-11-02 10:00'],
    },
    // Without "du mois", the first Wednesday of what?
    'Le 1er mercredi : 9h-12h': { reason: 'Jour du mois imprécis : « 1er mercredi »' },
    'Mardi 9h-12h; le 1er mardi du mois 14h-18h': {
      reason: 'Le mardi est indiqué plusieurs fois : « 1er mardi du mois 14h-18h »',
    },
  },
  'what stays a note': {
    'du 1er avril au 30 septembre : tous les jours 9h-18h': {
      reason: 'Période saisonnière non gérée : « du 1er avril au 30 septembre »',
    },
    'Fermé du 1er au 15 août': { reason: 'Période saisonnière non gérée : « du 1er au 15 août »' },
    'En juillet : 9h-12h': { reason: 'Période saisonnière non gérée : « En juillet »' },
    "L'été : 9h-19h": { reason: 'Période saisonnière non gérée : « été »' },
    'Sur rendez-vous': { reason: 'Rendez-vous non géré : « Sur rendez-vous »' },
    'Lundi 9h-12h, le reste sur RDV': { reason: 'Rendez-vous non géré : « reste sur RDV »' },
    'Hors vacances scolaires : lundi 9h-12h': {
      reason: 'Vacances ou congés non gérés : « vacances scolaires »',
    },
    'Lundi 9h-12h (sauf en août)': {
      reason: 'Précision entre parenthèses non gérée : « sauf en août »',
    },
    'Lundi 9h-12h. Lundi 14h-18h': {
      reason: 'Le lundi est indiqué plusieurs fois : « Lundi 14h-18h »',
    },
    'Du lundi au vendredi 9h-12h\nLundi 14h-18h': {
      reason: 'Le lundi est indiqué plusieurs fois : « Lundi 14h-18h »',
    },
    'Lundi matin': { reason: 'Horaire imprécis : « matin »' },
    Lundi: { reason: 'Horaires manquants : « Lundi »' },
    'Lundi 9h-12h et mardi': { reason: 'Horaires manquants : « mardi »' },
    'Du lundi': { reason: 'Texte non reconnu : « Du lundi »' },
    'lundi mardi 9h-12h': { reason: 'Texte non reconnu : « mardi 9h-12h »' },
    // Words the tokenizer skips are quoted too, to the end of the sentence.
    'Lundi 9h-12h quand le patron est là': {
      reason: 'Texte non reconnu : « quand le patron est là »',
    },
    'Lundi quand le patron est là. Mardi 9h-12h': {
      reason: 'Texte non reconnu : « quand le patron est là »',
    },
    'Lundi 9h': { reason: 'Plage horaire incomplète : « 9h »' },
    'Lundi 9-12': { reason: 'Heures sans unité : « 9-12 »' },
    'Lundi 9h-13h et 12h-18h': {
      reason: 'Plages horaires qui se chevauchent : « 9h-13h et 12h-18h »',
    },
    'Vendredi de 22h à 2h': { reason: 'Plage horaire inversée : « de 22h à 2h »' },
    'Mardi de 20h à 17h du matin': {
      reason: 'Plage horaire incohérente : « de 20h à 17h du matin »',
    },
    // `opening_hours` lets Saturday's rule cut off Friday's hours past midnight.
    'Vendredi 22h-2h du matin. Samedi 14h-18h': {
      reason: "Plage après minuit avec d'autres règles, non gérée : « 22h-2h du matin »",
    },
    'Lundi 12h-12h': { reason: 'Plage horaire inversée : « 12h-12h »' },
    'Lundi 12h14h': { reason: 'Texte non reconnu : « 12h14h »' },
    'Fermeture à 18h': { reason: 'Texte non reconnu : « Fermeture à 18h »' },
    'Lundi 9h-12h…': { reason: 'Texte non reconnu : « … »' },
  },
  garbage: {
    '': { reason: 'Aucun horaire indiqué' },
    '   \n\t': { reason: 'Aucun horaire indiqué' },
    '???': { reason: 'Texte non reconnu : « ??? »' },
    'Lundi : 25h-30h': { reason: 'Heure invalide : « 25h »' },
    'Lundi : 9h60-12h': { reason: 'Heure invalide : « 9h60 »' },
    'Lundi 24h-26h': { reason: 'Heure invalide : « 24h »' },
    'Lundi : 14h-12h': { reason: 'Plage horaire inversée : « 14h-12h »' },
    [`Lundi : 9h-12h. ${'x'.repeat(1000)}`]: {
      reason: 'Texte trop long pour être converti (1016 caractères)',
    },
  },
}

describe('convertFrenchHours on written constructs', () => {
  for (const [group, cases] of Object.entries(SYNTHETIC)) {
    describe(group, () => {
      it.each(Object.entries(cases))('%j', (text, expected) => {
        expectConversion(text, expected)
      })
    })
  }

  it('quotes long excerpts shortened, so that reasons stay short', () => {
    const result = convertFrenchHours(`Lundi 9h-12h ${'blabla '.repeat(30)}`)
    expect(result.kind).toBe('note')
    if (result.kind === 'note') expect(result.reason.length).toBeLessThan(100)
  })

  it('reads typographic apostrophes, dashes and non-breaking spaces as their plain forms', () => {
    expect(
      convertFrenchHours('Lundi\u00a0: 9h\u201312h, fermé les jours f\u00e9ri\u00e9s'),
    ).toEqual({
      kind: 'converted',
      openingHours: 'Mo 09:00-12:00; PH off',
    })
    expect(convertFrenchHours('Lundi 9h-12h jusqu\u2019à 14h').kind).toBe('note')
  })
})

/** A small deterministic generator (mulberry32), so that failures reproduce. */
function generator(seed: number): (n: number) => number {
  let state = seed
  return (n) => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
  }
}

describe('convertFrenchHours on generated texts', () => {
  it('never throws, and only writes valid, canonical values without warnings', () => {
    const random = generator(2026)
    const pick = <T>(list: T[]): T => list[random(list.length)]!
    const DAYS = ['lundi', 'mardis', 'mercredi', 'jeudi', 'vendredi', 'sam.', 'dimanche']
    const SPECIAL = ['le week-end', 'tous les jours', 'jours fériés', 'le 1er lundi du mois']
    const HOURS = ['0h', '2h', '7h', '8h30', '9h', 'midi', '13h30', '14h', '18h30', '22h', 'minuit']
    const day = () =>
      pick([
        () => `du ${pick(DAYS)} au ${pick(DAYS)}`,
        () => `${pick(DAYS)} et ${pick([...DAYS, ...SPECIAL])}`,
        () => pick([...DAYS, ...SPECIAL]),
      ])()
    const range = () =>
      random(4) === 0
        ? `de ${pick(HOURS)} à ${pick(HOURS)}`
        : `${pick(HOURS)}${pick(['-', '/', ' à '])}${pick(HOURS)}${random(6) === 0 ? ' du matin' : ''}`
    const times = () => (random(2) ? range() : `${range()}${pick([' et ', ' / ', ', '])}${range()}`)
    const clause = () =>
      pick([
        () => `fermé le ${day()}`,
        () => `${day()} ${times()} sauf ${day()}`,
        () => `${times()} ${day()}`,
        () => `${day()} : ${times()}`,
        () => `${day()} ${times()}`,
      ])()
    let converted = 0
    const problems: string[] = []
    for (let i = 0; i < 3000; i += 1) {
      const text = Array.from({ length: 1 + random(3) }, clause).join(pick(['. ', '\n', ' ; ']))
      const result = convertFrenchHours(text)
      if (result.kind === 'note') continue
      converted += 1
      try {
        const parsed = hours(result.openingHours)
        if (parsed.getWarnings().length > 0 || parsed.prettifyValue() !== result.openingHours) {
          problems.push(`${text} => ${result.openingHours}`)
        }
      } catch {
        problems.push(`${text} => ${result.openingHours} (invalid)`)
      }
    }
    expect(problems).toEqual([])
    expect(converted).toBeGreaterThan(100)
  })
})

describe('convertFrenchHours as imports run it', () => {
  it('is pure: no clock, and the same answer every time', () => {
    const now = vi.spyOn(Date, 'now')
    const texts = Object.keys(REAL)
    const first = texts.map(convertFrenchHours)
    expect(texts.map(convertFrenchHours)).toEqual(first)
    expect(now).not.toHaveBeenCalled()
    now.mockRestore()
  })

  it('converts a 5,000-line import quickly', () => {
    const texts = [...Object.keys(REAL), ...Object.values(SYNTHETIC).flatMap(Object.keys)]
    const lines = Array.from({ length: 5000 }, (_, i) => texts[i % texts.length]!)
    const started = performance.now()
    for (const line of lines) convertFrenchHours(line)
    // About 50 ms on a laptop; the bound leaves room for slow CI machines.
    expect(performance.now() - started).toBeLessThan(1500)
  })
})
