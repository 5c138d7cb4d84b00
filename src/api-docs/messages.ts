import { defineMessages } from '../i18n/catalogue.ts';

/**
 * The API documentation page and the descriptions of its routes and parameters. Parameter names,
 * codes and paths stay as the API spells them; what they mean is translated.
 */
export const apiDocsText = defineMessages({
  shared: { apiRequired: 'requiredHeading', apiYes: 'yes', apiNo: 'no' },
  en: {
    apiIntro:
      'Everything the gateway shows is open data: read-only, no key needed, CORS open for GET, stable identifiers. The machine-readable description is the OpenAPI 3.1 document: {link}.',
    apiParameter: 'Parameter',
    apiIn: 'In',
    apiMeaning: 'Meaning',
    apiExample: 'Example response',
    apiExampleShortened: 'Shortened: lists show one item.',
    apiContents: 'Routes',
    apiLanguagesNote:
      'Descriptions are translated; parameter names and values are the same in every language.',
    opActivities: 'Search activities, or download every match',
    opActivitiesMore:
      'Without format: one page of JSON. With format: every match (at most {max}) as CSV (UTF-8 with BOM, formula-safe cells), XLSX, JSON or IATI 2.03 XML, labels in lang.',
    opFacets: 'Counts by donor, beneficiary, region, LDC, IP area, type, level, status and start year',
    opActivity: 'One activity with beneficiaries, agencies, reports and related activities',
    opReports: 'Published Art. 67 reports',
    opReport: 'One report: narrative and numbered list of programmes',
    opParties: 'WTO Members, observers and IGOs with names in English, French and Spanish and status history',
    opParty: 'One party as donor and as beneficiary',
    opNeeds: 'Published priority needs of least-developed and developing Members',
    paramNeedQ: 'Words in English, French or Spanish; IP terms are also searched in the other two languages.',
    paramNeedParty: 'The Member whose needs, e.g. UGA.',
    paramNeedStatus: 'open, offered, in-progress, met or withdrawn.',
    paramNeedKind:
      'Kind of help: legislative-advice, equipment-automation, training-personnel, expert-mission, awareness or financial.',
    paramNeedFormat: 'json (default), csv or xlsx (labels in lang)',
    opIncentives:
      'Incentives for technology transfer to LDCs from published Art. 66.2 reports (latest version of each report)',
    paramIncentiveQ:
      'Words that must all appear in the title, description, technology, body or terms; accents ignored.',
    paramIncentiveType:
      'Type of incentive: fiscal, financial, capacity-building, institutional-partnership, public-procurement or other.',
    paramIncentiveSector:
      'Technology sector: agriculture-food, health-pharmaceuticals, energy-environment, ict, manufacturing, water-sanitation, infrastructure-transport or other.',
    paramIncentiveLdc: 'Beneficiary LDC party code, e.g. ETH.',
    paramIncentiveSpecificity: 'How far specific to LDCs: specific, partly or general.',
    paramIncentiveParty: 'Reporting Member party code, e.g. CAN.',
    opOffers: 'Offers of donors and agencies, and training editions open for nominations (trainingEditions)',
    paramOfferQ: 'Words in the title or description.',
    paramOfferArea: 'IP area of the registry’s taxonomy, e.g. trademarks.',
    paramOfferKind:
      'Kind of help: legislative-advice, equipment-automation, training-personnel, expert-mission, awareness or financial.',
    paramOfferRegion:
      'Offers open to this region or group (M49 code such as 002, or LDC, DEVELOPING), and offers open to all.',
    paramOfferStatus: 'open or closed.',
    opNeedsFeed: 'Atom feed of newly published needs and offers',
    paramFeedArea: 'IP area, e.g. trademarks',
    paramFeedRegion:
      'Region or group: the Member of a need is in it, an offer names it or is open to all (e.g. 002, LDC)',
    opFeed: 'Atom feed of newly published reports',
    paramQ:
      'Full-text query (English, French and Spanish stemming; accents ignored; "quotes" and -exclusions work). IP terms are also searched in the other two languages (brevet: patent, patente).',
    paramDonor: 'Reporting party code, e.g. CAN.',
    paramBeneficiary: 'Beneficiary party code, e.g. CRI.',
    paramRegion:
      'M49 region code or grouping, e.g. 013 (Central America); includes activities for parties in it.',
    paramLdc: '1: only activities with a beneficiary that was an LDC when the activity started.',
    paramIpArea: 'IP area key, e.g. patents.',
    paramElement:
      'Element of Article 67 (ipcoop’s reading, suggested or confirmed): laws-regulations, prevention-of-abuse, offices-agencies, training-personnel or other.',
    paramType: 'Activity type key, e.g. training.',
    paramLevel: 'multilateral, plurilateral or bilateral.',
    paramStatus: 'planned, ongoing, completed or cancelled.',
    paramReport: 'Only activities listed in this published report (its id).',
    paramReporter: 'Only activities listed in a published report of this party, e.g. CAN.',
    paramCycle: 'Only activities listed in a published report of this reporting cycle, e.g. 2021-2022.',
    paramFrom: 'First start year.',
    paramTo: 'Last start year.',
    paramSort: 'relevance (with q) or date (newest first).',
    paramPage: 'Page number, from 1.',
    paramPageSize: 'Items per page, 1 to 100.',
    paramFormat: 'csv, xlsx, json or iati',
    paramLang: 'Language of labels in downloads: en, fr or es',
    paramColumns: 'CSV/XLSX columns, comma-separated or repeated',
    paramActivityId: 'Activity id',
    paramReportId: 'Report id',
    paramPartyCode: 'Party code, e.g. CRI',
    paramFeedLang: 'en, fr or es',
    paramFeedReporter: 'Reporting party code',
    paramFeedBeneficiary: 'Beneficiary party code',
  },
  fr: {
    apiIntro:
      'Tout ce que montre le portail est en données ouvertes\u202f: en lecture seule, sans clé, CORS ouvert pour GET, identifiants stables. La description lisible par machine est le document OpenAPI 3.1\u202f: {link}.',
    apiParameter: 'Paramètre',
    apiIn: 'Emplacement',
    apiMeaning: 'Signification',
    apiExample: 'Exemple de réponse',
    apiExampleShortened: 'Abrégé\u202f: les listes montrent un seul élément.',
    apiContents: 'Routes',
    apiLanguagesNote:
      'Les descriptions sont traduites ; les noms et valeurs des paramètres sont les mêmes dans toutes les langues.',
    opActivities: 'Rechercher des activités, ou télécharger tous les résultats',
    opActivitiesMore:
      'Sans format\u202f: une page de JSON. Avec format\u202f: tous les résultats (au plus {max}) en CSV (UTF-8 avec BOM, cellules protégées contre les formules), XLSX, JSON ou XML IATI 2.03, libellés dans la langue lang.',
    opFacets:
      'Nombres par donateur, bénéficiaire, région, PMA, domaine de la PI, type, niveau, état et année de début',
    opActivity: 'Une activité avec ses bénéficiaires, organismes, rapports et activités liées',
    opReports: 'Rapports au titre de l’article 67 publiés',
    opReport: 'Un rapport\u202f: exposé et liste numérotée des programmes',
    opParties:
      'Membres de l’OMC, observateurs et organisations intergouvernementales, avec leurs noms en anglais, en français et en espagnol et l’historique de leur statut',
    opParty: 'Une partie en tant que donatrice et en tant que bénéficiaire',
    opNeeds: 'Besoins prioritaires publiés des Membres les moins avancés et en développement',
    paramNeedQ:
      'Mots en anglais, en français ou en espagnol\u202f; les termes de PI sont aussi cherchés dans les deux autres langues.',
    paramNeedParty: 'Le Membre dont ce sont les besoins, par exemple UGA.',
    paramNeedStatus: 'open, offered, in-progress, met ou withdrawn.',
    paramNeedKind:
      'Type d’aide\u202f: legislative-advice, equipment-automation, training-personnel, expert-mission, awareness ou financial.',
    paramNeedFormat: 'json (par défaut), csv ou xlsx (libellés dans lang)',
    opIncentives:
      'Incitations au transfert de technologie vers les PMA tirées des rapports publiés au titre de l’article 66:2 (dernière version de chaque rapport)',
    paramIncentiveQ:
      'Mots qui doivent tous figurer dans le titre, la description, la technologie, l’organisme ou les conditions ; accents ignorés.',
    paramIncentiveType:
      'Type d’incitation : fiscal, financial, capacity-building, institutional-partnership, public-procurement ou other.',
    paramIncentiveSector:
      'Secteur technologique : agriculture-food, health-pharmaceuticals, energy-environment, ict, manufacturing, water-sanitation, infrastructure-transport ou other.',
    paramIncentiveLdc: 'Code de la partie PMA bénéficiaire, par exemple ETH.',
    paramIncentiveSpecificity:
      'Dans quelle mesure l’incitation est propre aux PMA : specific, partly ou general.',
    paramIncentiveParty: 'Code du Membre déclarant, par exemple CAN.',
    opOffers:
      'Offres des donateurs et des organismes, et éditions de formation ouvertes aux candidatures (trainingEditions)',
    paramOfferQ: 'Mots du titre ou de la description.',
    paramOfferArea: 'Domaine de PI de la taxonomie du registre, par exemple trademarks.',
    paramOfferKind:
      'Type d’aide\u202f: legislative-advice, equipment-automation, training-personnel, expert-mission, awareness ou financial.',
    paramOfferRegion:
      'Offres ouvertes à cette région ou à ce groupe (code M49 tel que 002, ou LDC, DEVELOPING), et offres ouvertes à tous.',
    paramOfferStatus: 'open ou closed.',
    opNeedsFeed: 'Flux Atom des besoins et des offres nouvellement publiés',
    paramFeedArea: 'Domaine de PI, par exemple trademarks',
    paramFeedRegion:
      'Région ou groupe\u202f: le Membre d’un besoin en fait partie, une offre le nomme ou est ouverte à tous (par exemple 002, LDC)',
    opFeed: 'Flux Atom des rapports nouvellement publiés',
    paramQ:
      'Recherche en texte intégral (racines anglaises, françaises et espagnoles ; accents ignorés ; les "guillemets" et les -exclusions fonctionnent). Les termes de PI sont aussi cherchés dans les deux autres langues (brevet\u202f: patent, patente).',
    paramDonor: 'Code de la partie qui fait rapport, par exemple CAN.',
    paramBeneficiary: 'Code de la partie bénéficiaire, par exemple CRI.',
    paramRegion:
      'Code de région M49 ou groupement, par exemple 013 (Amérique centrale) ; comprend les activités destinées aux parties de la région.',
    paramLdc: '1\u202f: seulement les activités dont un bénéficiaire était un PMA au début de l’activité.',
    paramIpArea: 'Clé du domaine de la PI, par exemple patents.',
    paramElement:
      'Élément de l’article 67 (lecture d’ipcoop, suggéré ou confirmé) : laws-regulations, prevention-of-abuse, offices-agencies, training-personnel ou other.',
    paramType: 'Clé du type d’activité, par exemple training.',
    paramLevel: 'multilateral, plurilateral ou bilateral.',
    paramStatus: 'planned, ongoing, completed ou cancelled.',
    paramReport: 'Seulement les activités inscrites dans ce rapport publié (son identifiant).',
    paramReporter:
      'Seulement les activités inscrites dans un rapport publié de cette partie, par exemple CAN.',
    paramCycle:
      'Seulement les activités inscrites dans un rapport publié de ce cycle de rapports, par exemple 2021-2022.',
    paramFrom: 'Première année de début.',
    paramTo: 'Dernière année de début.',
    paramSort: 'relevance (avec q) ou date (les plus récentes d’abord).',
    paramPage: 'Numéro de page, à partir de 1.',
    paramPageSize: 'Éléments par page, de 1 à 100.',
    paramFormat: 'csv, xlsx, json ou iati',
    paramLang: 'Langue des libellés des téléchargements\u202f: en, fr ou es',
    paramColumns: 'Colonnes CSV/XLSX, séparées par des virgules ou répétées',
    paramActivityId: 'Identifiant de l’activité',
    paramReportId: 'Identifiant du rapport',
    paramPartyCode: 'Code de la partie, par exemple CRI',
    paramFeedLang: 'en, fr ou es',
    paramFeedReporter: 'Code de la partie qui fait rapport',
    paramFeedBeneficiary: 'Code de la partie bénéficiaire',
  },
  es: {
    apiIntro:
      'Todo lo que muestra el portal son datos abiertos: solo lectura, sin clave, CORS abierto para GET, identificadores estables. La descripción legible por máquina es el documento OpenAPI 3.1: {link}.',
    apiParameter: 'Parámetro',
    apiIn: 'Ubicación',
    apiMeaning: 'Significado',
    apiExample: 'Ejemplo de respuesta',
    apiExampleShortened: 'Abreviado: las listas muestran un solo elemento.',
    apiContents: 'Rutas',
    apiLanguagesNote:
      'Las descripciones están traducidas; los nombres y valores de los parámetros son los mismos en todos los idiomas.',
    opActivities: 'Buscar actividades, o descargar todos los resultados',
    opActivitiesMore:
      'Sin format: una página de JSON. Con format: todos los resultados (como máximo {max}) en CSV (UTF-8 con BOM, celdas protegidas contra fórmulas), XLSX, JSON o XML IATI 2.03, etiquetas en el idioma lang.',
    opFacets:
      'Recuentos por donante, beneficiario, región, PMA, ámbito de la PI, tipo, nivel, estado y año de inicio',
    opActivity: 'Una actividad con sus beneficiarios, organismos, informes y actividades relacionadas',
    opReports: 'Informes en virtud del artículo 67 publicados',
    opReport: 'Un informe: exposición y lista numerada de programas',
    opParties:
      'Miembros de la OMC, observadores y organizaciones intergubernamentales, con sus nombres en español, francés e inglés y el historial de su condición',
    opParty: 'Una parte como donante y como beneficiaria',
    opNeeds: 'Necesidades prioritarias publicadas de los Miembros menos adelantados y en desarrollo',
    paramNeedQ:
      'Palabras en inglés, francés o español; los términos de PI también se buscan en los otros dos idiomas.',
    paramNeedParty: 'El Miembro de las necesidades, por ejemplo UGA.',
    paramNeedStatus: 'open, offered, in-progress, met o withdrawn.',
    paramNeedKind:
      'Tipo de ayuda: legislative-advice, equipment-automation, training-personnel, expert-mission, awareness o financial.',
    paramNeedFormat: 'json (por defecto), csv o xlsx (etiquetas en lang)',
    opIncentives:
      'Incentivos para la transferencia de tecnología a los PMA de los informes publicados en virtud del párrafo 2 del artículo 66 (última versión de cada informe)',
    paramIncentiveQ:
      'Palabras que deben figurar todas en el título, la descripción, la tecnología, el organismo o las condiciones; sin distinguir acentos.',
    paramIncentiveType:
      'Tipo de incentivo: fiscal, financial, capacity-building, institutional-partnership, public-procurement u other.',
    paramIncentiveSector:
      'Sector tecnológico: agriculture-food, health-pharmaceuticals, energy-environment, ict, manufacturing, water-sanitation, infrastructure-transport u other.',
    paramIncentiveLdc: 'Código de la parte PMA beneficiaria, por ejemplo ETH.',
    paramIncentiveSpecificity: 'En qué medida es específico para los PMA: specific, partly o general.',
    paramIncentiveParty: 'Código del Miembro que informa, por ejemplo CAN.',
    opOffers:
      'Ofertas de donantes y organismos, y ediciones de formación abiertas a candidaturas (trainingEditions)',
    paramOfferQ: 'Palabras del título o de la descripción.',
    paramOfferArea: 'Esfera de PI de la taxonomía del registro, por ejemplo trademarks.',
    paramOfferKind:
      'Tipo de ayuda: legislative-advice, equipment-automation, training-personnel, expert-mission, awareness o financial.',
    paramOfferRegion:
      'Ofertas abiertas a esta región o grupo (código M49 como 002, o LDC, DEVELOPING), y ofertas abiertas a todos.',
    paramOfferStatus: 'open o closed.',
    opNeedsFeed: 'Canal Atom de las necesidades y ofertas recién publicadas',
    paramFeedArea: 'Esfera de PI, por ejemplo trademarks',
    paramFeedRegion:
      'Región o grupo: el Miembro de una necesidad forma parte de él, una oferta lo nombra o está abierta a todos (por ejemplo 002, LDC)',
    opFeed: 'Canal Atom de los informes recién publicados',
    paramQ:
      'Búsqueda de texto completo (raíces en español, francés e inglés; sin distinguir acentos; funcionan las "comillas" y las -exclusiones). Los términos de PI se buscan también en los otros dos idiomas (patente: patent, brevet).',
    paramDonor: 'Código de la parte que informa, por ejemplo CAN.',
    paramBeneficiary: 'Código de la parte beneficiaria, por ejemplo CRI.',
    paramRegion:
      'Código de región M49 o agrupación, por ejemplo 013 (Centroamérica); incluye las actividades destinadas a las partes de la región.',
    paramLdc: '1: solo las actividades con un beneficiario que era PMA cuando empezó la actividad.',
    paramIpArea: 'Clave del ámbito de la PI, por ejemplo patents.',
    paramElement:
      'Elemento del artículo 67 (lectura de ipcoop, sugerido o confirmado): laws-regulations, prevention-of-abuse, offices-agencies, training-personnel u other.',
    paramType: 'Clave del tipo de actividad, por ejemplo training.',
    paramLevel: 'multilateral, plurilateral o bilateral.',
    paramStatus: 'planned, ongoing, completed o cancelled.',
    paramReport: 'Solo las actividades que figuran en este informe publicado (su identificador).',
    paramReporter: 'Solo las actividades que figuran en un informe publicado de esta parte, por ejemplo CAN.',
    paramCycle:
      'Solo las actividades que figuran en un informe publicado de este ciclo de informes, por ejemplo 2021-2022.',
    paramFrom: 'Primer año de inicio.',
    paramTo: 'Último año de inicio.',
    paramSort: 'relevance (con q) o date (las más recientes primero).',
    paramPage: 'Número de página, desde 1.',
    paramPageSize: 'Elementos por página, de 1 a 100.',
    paramFormat: 'csv, xlsx, json o iati',
    paramLang: 'Idioma de las etiquetas de las descargas: en, fr o es',
    paramColumns: 'Columnas CSV/XLSX, separadas por comas o repetidas',
    paramActivityId: 'Identificador de la actividad',
    paramReportId: 'Identificador del informe',
    paramPartyCode: 'Código de la parte, por ejemplo CRI',
    paramFeedLang: 'en, fr o es',
    paramFeedReporter: 'Código de la parte que informa',
    paramFeedBeneficiary: 'Código de la parte beneficiaria',
  },
});

export type ApiDocsKey = Parameters<ReturnType<typeof apiDocsText>>[0];
