/**
 * One example response per route, shortened (lists show one item), taken from the demo registry.
 * The docs page shows them; a test holds each one to the shape the route really answers, so an
 * example cannot drift from the API.
 */
export const exampleResponses: Record<
  string,
  { path: string; body: unknown } | { path: string; text: string }
> = {
  '/api/v1/activities': {
    path: '/api/v1/activities?q=patent&pageSize=1',
    body: {
      total: 2,
      page: 1,
      pageSize: 1,
      sort: 'relevance',
      items: [
        {
          id: 2,
          donor: 'CAN',
          title: {
            en: 'Pilot Program of Training for patent examiners in the area of computer-implemented inventions for Central American countries and the Dominican Republic',
          },
          description: {},
          originalLanguage: 'en',
          startDate: '2020-09-07',
          startPrecision: 'day',
          endDate: '2021-03-31',
          endPrecision: 'day',
          level: 'plurilateral',
          activityType: 'training',
          ipAreas: ['patents'],
          status: 'completed',
          version: 1,
          updatedAt: '2026-11-30T08:21:31.995Z',
          beneficiaries: [{ name: 'Costa Rica', kind: 'party', code: 'CRI' }],
        },
      ],
    },
  },
  '/api/v1/activities/facets': {
    path: '/api/v1/activities/facets?beneficiary=CRI',
    body: {
      total: 2,
      ldc: 0,
      donors: [{ code: 'CAN', count: 2 }],
      beneficiaries: [{ code: 'CRI', count: 1 }],
      regions: [{ code: '013', count: 1 }],
      ipAreas: [{ code: 'patents', count: 1 }],
      elements: [{ code: 'training-personnel', count: 1 }],
      types: [{ code: 'training', count: 1 }],
      levels: [{ code: 'plurilateral', count: 1 }],
      statuses: [{ code: 'completed', count: 1 }],
      years: [{ code: '2020', count: 1 }],
    },
  },
  '/api/v1/activities/{id}': {
    path: '/api/v1/activities/1',
    body: {
      id: 1,
      donorPartyCode: 'CAN',
      title: { en: 'CIPO-WIPO Executive Workshop on IP Office Management' },
      description: {},
      originalLanguage: 'en',
      startDate: '2021-04-24',
      startPrecision: 'day',
      endDate: null,
      endPrecision: null,
      level: null,
      activityType: null,
      ipAreas: [],
      budgetAmount: null,
      budgetCurrency: null,
      fundingSource: null,
      fundingShares: [],
      deliveryLanguages: [],
      deliveryMode: null,
      website: null,
      contactName: null,
      contactEmail: null,
      status: null,
      source: 'etrips-import',
      isPublic: true,
      createdAt: '2026-11-30T08:21:31.995Z',
      updatedAt: '2026-11-30T08:21:31.995Z',
      version: 1,
      beneficiaries: [],
      agencies: [
        {
          code: 'CIPO',
          name: {
            en: 'Canadian Intellectual Property Office',
            fr: 'Office de la propriété intellectuelle du Canada',
            es: 'Oficina Canadiense de Propiedad Intelectual',
          },
          acronym: 'CIPO',
          role: 'implementing',
        },
      ],
      reports: [
        {
          reportId: 1,
          reportingParty: 'CAN',
          periodStart: '2020-01-01',
          periodEnd: '2021-12-31',
          rowNumber: 1,
        },
      ],
      results: [
        {
          type: 'output',
          title: 'Senior officials of IP offices trained in office management',
          language: 'en',
          measure: 'people-trained',
          baselineYear: 2019,
          baselineValue: '0',
          periods: [
            { start: '2020-01-01', end: '2020-12-31', target: '25', actual: '21' },
            { start: '2021-01-01', end: '2021-12-31', target: '25', actual: '24' },
          ],
          source: 'CIPO attendance records (sample)',
          origin: 'entered',
          isSample: true,
        },
      ],
      related: [
        {
          id: 11,
          title: { en: 'WIPO-CIPO Executive Training Program 2024' },
          startDate: '2024-10-07',
          originalLanguage: 'en',
        },
      ],
    },
  },
  '/api/v1/reports': {
    path: '/api/v1/reports',
    body: {
      items: [
        {
          id: 1,
          periodStart: '2020-01-01',
          periodEnd: '2021-12-31',
          symbol: null,
          status: 'published',
          originalLanguage: 'en',
          activityCount: 10,
          reportingParty: { code: 'CAN', name: 'Canada' },
          latestRevision: null,
        },
      ],
    },
  },
  '/api/v1/reports/{id}': {
    path: '/api/v1/reports/1',
    body: {
      id: 1,
      reportingParty: { code: 'CAN', name: 'Canada' },
      periodStart: '2020-01-01',
      periodEnd: '2021-12-31',
      periodPrecision: 'year',
      symbol: null,
      status: 'published',
      originalLanguage: 'en',
      circulationDate: null,
      narrativeOutline: [
        {
          kind: 'paragraph',
          text: 'Details of technical cooperation activities are provided in the Annex.',
          number: '3.',
        },
      ],
      version: 1,
    },
  },
  '/api/v1/parties': {
    path: '/api/v1/parties',
    body: {
      items: [
        {
          code: 'AFG',
          kind: 'member',
          names: { en: 'Afghanistan', fr: 'Afghanistan', es: 'Afganistán' },
          regionCode: '142',
          subregionCode: '034',
          iso2: 'AF',
          iso3: 'AFG',
          scheduledGraduation: null,
          status: [{ status: 'ldc', from: '1995-01-01', to: null }],
        },
      ],
    },
  },
  '/api/v1/parties/{code}': {
    path: '/api/v1/parties/CRI',
    body: {
      code: 'CRI',
      kind: 'member',
      names: { en: 'Costa Rica', fr: 'Costa Rica', es: 'Costa Rica' },
      regionCode: '019',
      subregionCode: '013',
      iso2: 'CR',
      iso3: 'CRI',
      scheduledGraduation: null,
      status: [{ status: 'developing', from: '1995-01-01', to: null }],
      profile: {
        code: 'CRI',
        asDonor: {
          total: 0,
          byYear: [],
          ipAreas: [],
          beneficiaries: [],
          cycles: [],
          results: { sums: [], notSummed: 0 },
        },
        asBeneficiary: {
          // Result indicators of public activities for the party, added up where units agree.
          results: {
            sums: [{ unit: 'people-trained', actual: 36, target: 40, indicators: 1 }],
            notSummed: 1,
          },
          helpers: [
            { donor: 'CAN', count: 2, firstYear: 2020, ipAreas: ['office-administration'], viaRegion: false },
          ],
          activities: [
            {
              id: 2,
              donor: 'CAN',
              title: { en: 'Pilot Program of Training for patent examiners' },
              startDate: '2020-09-07',
              startPrecision: 'day',
              viaRegion: null,
            },
          ],
        },
      },
    },
  },
  '/{lang}/reports/feed.atom': {
    path: '/en/reports/feed.atom?reporter=CAN',
    text: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>https://hub.example/en/reports/feed.atom?reporter=CAN</id>
  <title>Article 67 reports — Canada</title>
  <updated>2026-11-30T08:21:31.995Z</updated>
  <link rel="self" type="application/atom+xml" href="https://hub.example/en/reports/feed.atom?reporter=CAN"/>
  <entry>
    <id>https://hub.example/en/reports/1</id>
    <title>Report of Canada, 2020–2021</title>
    <link rel="alternate" type="text/html" href="https://hub.example/en/reports/1"/>
    <updated>2026-11-30T08:21:31.995Z</updated>
    <author><name>Canada</name></author>
  </entry>
</feed>`,
  },
  '/api/v1/needs': {
    path: '/api/v1/needs?party=UGA&status=met',
    body: {
      total: 1,
      needs: [
        {
          id: 2,
          party: 'UGA',
          title: { en: 'Automation of the trademark registry' },
          description: {
            en: 'Digitise the paper files and move to an office automation system with online filing.',
          },
          ipAreas: ['trademarks', 'office-administration'],
          kindsOfHelp: ['equipment-automation'],
          institution: 'Uganda Registration Services Bureau',
          priority: 'high',
          wishedStart: '2025-06',
          wishedEnd: null,
          status: 'met',
          revisionCount: 0,
          revisedAt: null,
          assessment: {
            id: 1,
            symbol: null,
            documentDate: '2025-03',
            source: 'wipo-assisted',
            language: 'en',
            publishedAt: '2026-11-30T11:40:00.000Z',
          },
          addressedBy: {
            activities: [{ id: 412, donor: 'JPN', reportId: 7, reportSymbol: 'IP/C/R/TC/JPN/18' }],
            trainingEditions: [{ id: 3, programmeId: 1, year: 2027, status: 'open' }],
          },
          isSample: true,
        },
      ],
    },
  },
  '/api/v1/incentives': {
    path: '/api/v1/incentives?ldc=ETH',
    body: {
      total: 1,
      incentives: [
        {
          id: 3,
          party: 'CAN',
          report: {
            id: 2,
            symbol: null,
            periodStart: '2023-01-01',
            periodEnd: '2023-12-31',
            format: 'detailed',
            circulationDate: '2024-03-15',
          },
          position: 3,
          title: 'University partnerships in agricultural biotechnology',
          description:
            'Grants for joint research between Canadian universities and agricultural research institutes of least developed countries, with laboratory training for their researchers.',
          incentiveType: 'institutional-partnership',
          governmentBody: 'Federal research granting council (sample)',
          eligibleEntities: 'Canadian universities, colleges and public research institutes',
          beneficiaryLdcs: ['ETH', 'RWA', 'TZA'],
          sectors: ['agriculture-food'],
          technologyTransferred:
            'Breeding methods for drought-tolerant crops; seed testing laboratory methods',
          modeAndTerms:
            'Joint research agreements; results licensed free of charge to the partner institutes',
          ldcSpecificity: 'general',
          amount: '1200000.00',
          currency: 'CAD',
          enterprises: null,
          peopleTrained: 85,
          isSample: true,
        },
      ],
    },
  },
  '/api/v1/offers': {
    path: '/api/v1/offers?kind=training-personnel&lang=en',
    body: {
      total: 2,
      offers: [
        {
          id: 1,
          kind: 'offer',
          donor: 'CAN',
          agency: null,
          title: 'Trademark examination training for African IP offices',
          description:
            'Two weeks with CIPO examiners: examination practice, oppositions, the Nice classification.',
          language: 'en',
          ipAreas: ['trademarks'],
          kindsOfHelp: ['training-personnel'],
          eligibleParties: [],
          eligibleRegions: ['002'],
          languages: ['en', 'fr'],
          capacity: '6 examiners a year',
          deadline: '2027-03-31',
          status: 'open',
          createdAt: '2026-11-30T12:00:00.000Z',
          isSample: true,
        },
      ],
      trainingEditions: [
        {
          editionId: 2,
          kind: 'training-edition',
          programmeId: 1,
          programme: { en: 'WIPO-CIPO Executive Training Program' },
          year: 2027,
          organizers: ['CIPO', 'WIPO Academy'],
          ipAreas: ['patents', 'trademarks'],
          kindsOfHelp: ['training-personnel'],
          languages: ['en'],
          capacity: 10,
          nominationDeadline: '2027-06-30',
          startDate: '2027-10-04',
        },
      ],
    },
  },
  '/{lang}/needs/feed.atom': {
    path: '/en/needs/feed.atom?area=trademarks',
    text: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>New needs and offers — Trademarks</title>
  <link rel="self" type="application/atom+xml" href="https://hub.example/en/needs/feed.atom?area=trademarks"/>
  <entry>
    <id>https://hub.example/en/offers/1</id>
    <title>Offer: Trademark examination training for African IP offices</title>
    <link rel="alternate" type="text/html" href="https://hub.example/en/offers/1"/>
    <updated>2026-11-30T12:00:00.000Z</updated>
    <author><name>Canada</name></author>
  </entry>
</feed>`,
  },
};
