import { defineMessages } from '../i18n/catalogue.ts';

/** Interface strings of the public pages of Article 66.2 incentives. */
export const incentivesText = defineMessages({
  shared: {
    incentiveCountOne: 'incentiveCountOne',
    incentiveCountOther: 'incentiveCountOther',
    sampleIncentive: 'sampleArt66Report',
    fieldTitle: 'fieldTitle',
    fieldDescription: 'fieldDescription',
    fieldCurrency: 'fieldCurrency',
    fieldLdcBeneficiaries: 'fieldLdcBeneficiaries',
    fieldIncentiveType: 'fieldIncentiveType',
    fieldGovernmentBody: 'fieldGovernmentBody',
    fieldEligibleEntities: 'fieldEligibleEntities',
    fieldSectors: 'fieldSectors',
    fieldTechnologyTransferred: 'fieldTechnologyTransferred',
    fieldModeAndTerms: 'fieldModeAndTerms',
    fieldLdcSpecificity: 'fieldLdcSpecificity',
    fieldAmount: 'fieldAmount',
    fieldEnterprises: 'fieldEnterprises',
    fieldPeopleTrained: 'fieldPeopleTrained',
    reportingParty: 'reportingParty',
    period: 'period',
    sampleTag: 'sampleData',
  },
  contexts: {
    anyIncentive: 'any value of a filter of incentives',
  },
  en: {
    incentivesTitle: 'Incentives for technology transfer to LDCs',
    incentivesIntro:
      'Under Article 66.2 of the TRIPS Agreement, developed Members give their enterprises and institutions incentives to transfer technology to least developed countries and report on them to the TRIPS Council (decision IP/C/28). Only incentives of published reports are shown.',
    notIpArea:
      'This is the Article 66.2 kind of report, not the IP area “technology transfer and innovation” of Article 67 activities.',
    noIncentivesMatch: 'No published incentive matches.',
    searchWords: 'Words in the title, description or technology',
    anyIncentive: 'Any',
    showIncentives: 'Show incentives',
    filterBeneficiary: 'Beneficiary LDC',
    downloads: 'Downloads',
    apiIncentives: 'JSON (API)',
    fromReport: 'From the report:',
    reportFormat: 'Format of the report',
    allIncentives: 'All incentives',
    art66Reports: 'Article 66.2 reports on incentives for technology transfer',
    namedAsLdcOne: '{count} incentive of an Article 66.2 report names it as a beneficiary LDC',
    namedAsLdcOther: '{count} incentives of Article 66.2 reports name it as a beneficiary LDC',
  },
  fr: {
    incentivesTitle: 'Incitations au transfert de technologie vers les PMA',
    incentivesIntro:
      'En vertu de l’article 66:2 de l’Accord sur les ADPIC, les pays développés Membres offrent à leurs entreprises et institutions des incitations à transférer de la technologie vers les pays les moins avancés et en rendent compte au Conseil des ADPIC (décision IP/C/28). Seules les incitations des rapports publiés sont présentées.',
    notIpArea:
      'Il s’agit du type de rapport au titre de l’article 66:2, et non du domaine de la propriété intellectuelle «\u202ftransfert de technologie et innovation\u202f» des activités au titre de l’article 67.',
    noIncentivesMatch: 'Aucune incitation publiée ne correspond.',
    searchWords: 'Mots du titre, de la description ou de la technologie',
    anyIncentive: 'Toutes',
    showIncentives: 'Afficher les incitations',
    filterBeneficiary: 'PMA bénéficiaire',
    downloads: 'Téléchargements',
    apiIncentives: 'JSON (API)',
    fromReport: 'Extrait du rapport\u202f:',
    reportFormat: 'Forme du rapport',
    allIncentives: 'Toutes les incitations',
    art66Reports: 'Rapports au titre de l’article 66:2 sur les incitations au transfert de technologie',
    namedAsLdcOne:
      '{count} incitation d’un rapport au titre de l’article 66:2 le nomme comme PMA bénéficiaire',
    namedAsLdcOther:
      '{count} incitations de rapports au titre de l’article 66:2 le nomment comme PMA bénéficiaire',
  },
  es: {
    incentivesTitle: 'Incentivos para la transferencia de tecnología a los PMA',
    incentivesIntro:
      'En virtud del párrafo 2 del artículo 66 del Acuerdo sobre los ADPIC, los países desarrollados Miembros ofrecen a sus empresas e instituciones incentivos para transferir tecnología a los países menos adelantados e informan de ellos al Consejo de los ADPIC (decisión IP/C/28). Solo se muestran los incentivos de informes publicados.',
    notIpArea:
      'Se trata del tipo de informe en virtud del párrafo 2 del artículo 66, no del ámbito de la propiedad intelectual «transferencia de tecnología e innovación» de las actividades en virtud del artículo 67.',
    noIncentivesMatch: 'Ningún incentivo publicado coincide.',
    searchWords: 'Palabras del título, la descripción o la tecnología',
    anyIncentive: 'Todos',
    showIncentives: 'Mostrar los incentivos',
    filterBeneficiary: 'PMA beneficiario',
    downloads: 'Descargas',
    apiIncentives: 'JSON (API)',
    fromReport: 'Tomado del informe:',
    reportFormat: 'Formato del informe',
    allIncentives: 'Todos los incentivos',
    art66Reports:
      'Informes en virtud del párrafo 2 del artículo 66 sobre incentivos para la transferencia de tecnología',
    namedAsLdcOne:
      '{count} incentivo de un informe en virtud del párrafo 2 del artículo 66 lo nombra como PMA beneficiario',
    namedAsLdcOther:
      '{count} incentivos de informes en virtud del párrafo 2 del artículo 66 lo nombran como PMA beneficiario',
  },
});
