import type { AgencyInput } from '../agencies/service.ts';

/**
 * The implementing agencies and partners that Canada's 2020–2021 narrative names,
 * plus those the programme titles name (TFO Canada, Interpol).
 */
export const demoAgencies: AgencyInput[] = [
  {
    code: 'CIPO',
    partyCode: 'CAN',
    acronym: 'CIPO',
    name: {
      en: 'Canadian Intellectual Property Office',
      fr: 'Office de la propriété intellectuelle du Canada',
      es: 'Oficina Canadiense de Propiedad Intelectual',
    },
    website: 'https://ised-isde.canada.ca/site/canadian-intellectual-property-office/en',
  },
  {
    code: 'GAC',
    partyCode: 'CAN',
    acronym: 'GAC',
    name: { en: 'Global Affairs Canada', fr: 'Affaires mondiales Canada', es: 'Asuntos Mundiales Canadá' },
  },
  {
    code: 'RCMP',
    partyCode: 'CAN',
    acronym: 'RCMP',
    name: {
      en: 'Royal Canadian Mounted Police',
      fr: 'Gendarmerie royale du Canada',
      es: 'Real Policía Montada del Canadá',
    },
  },
  {
    code: 'IDRC',
    partyCode: 'CAN',
    acronym: 'IDRC',
    name: {
      en: 'International Development Research Centre',
      fr: 'Centre de recherches pour le développement international',
      es: 'Centro Internacional de Investigaciones para el Desarrollo',
    },
  },
  {
    code: 'CTPL',
    partyCode: 'CAN',
    acronym: 'CTPL',
    name: { en: 'Centre for Trade Policy and Law', fr: 'Centre de droit et de politique commerciale' },
  },
  {
    code: 'UOTTAWA',
    partyCode: 'CAN',
    acronym: 'uOttawa',
    name: { en: 'University of Ottawa', fr: "Université d'Ottawa", es: 'Universidad de Ottawa' },
  },
  {
    code: 'TFO-CANADA',
    partyCode: 'CAN',
    acronym: 'TFO Canada',
    name: { en: 'Trade Facilitation Office Canada', fr: 'Bureau de promotion du commerce Canada' },
  },
  {
    code: 'WIPO',
    partyCode: 'WIPO',
    acronym: 'WIPO',
    name: {
      en: 'World Intellectual Property Organization',
      fr: 'Organisation Mondiale de la Propriété Intellectuelle',
      es: 'Organización Mundial de la Propiedad Intelectual',
    },
  },
  {
    code: 'WIPO-ACADEMY',
    partyCode: 'WIPO',
    acronym: 'WIPO Academy',
    name: { en: 'WIPO Academy', fr: "Académie de l'OMPI", es: 'Academia de la OMPI' },
  },
  {
    code: 'APEC-IPEG',
    partyCode: null,
    acronym: 'APEC-IPEG',
    name: { en: 'Asia-Pacific Economic Cooperation Intellectual Property Rights Experts Group' },
  },
  {
    code: 'INTERPOL',
    partyCode: null,
    acronym: 'Interpol',
    name: {
      en: 'International Criminal Police Organization',
      fr: 'Organisation internationale de police criminelle',
      es: 'Organización Internacional de Policía Criminal',
    },
  },
];
