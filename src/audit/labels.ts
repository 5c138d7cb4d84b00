import { formatDate, formatNumber } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';

/**
 * The audit trail in words: tables, actions, field names and values as a person reads them, in
 * the three languages. The trail itself keeps the raw names and JSON (and the CSV exports them).
 */

type Words = Record<Language, string>;
const w = (en: string, fr: string, es: string): Words => ({ en, fr, es });

const tables: Record<string, Words> = {
  activities: w('Activity', 'Activité', 'Actividad'),
  agencies: w('Agency', 'Organisme', 'Organismo'),
  certificate_signatories: w(
    'Certificate signatory',
    'Signataire des certificats',
    'Firmante de certificados',
  ),
  certificates: w('Certificate', 'Certificat', 'Certificado'),
  edition_sessions: w('Agenda session', 'Séance du programme', 'Sesión del programa'),
  nominations: w('Nomination', 'Candidature', 'Candidatura'),
  participant_files: w('Participant file', 'Fichier de participant', 'Archivo de participante'),
  participants: w('Participant', 'Participant', 'Participante'),
  project_comments: w('Project comment', 'Commentaire de projet', 'Comentario de proyecto'),
  project_milestones: w('Project milestone', 'Étape de projet', 'Etapa de proyecto'),
  report_activities: w('Programme of a report', 'Programme d’un rapport', 'Programa de un informe'),
  report_comments: w('Review comment', 'Commentaire d’examen', 'Comentario de examen'),
  reports: w('Report', 'Rapport', 'Informe'),
  research_projects: w('Research project', 'Projet de recherche', 'Proyecto de investigación'),
  settings: w('Setting', 'Paramètre', 'Parámetro'),
  training_editions: w('Training edition', 'Édition de formation', 'Edición de formación'),
  users: w('Account', 'Compte', 'Cuenta'),
};

const actions: Record<string, Words> = {
  'add-to-report': w('added to a report', 'ajouté à un rapport', 'añadido a un informe'),
  'assign-advisor': w('advisor assigned', 'conseiller désigné', 'asesor asignado'),
  'change-password': w('password changed', 'mot de passe modifié', 'contraseña cambiada'),
  'change-status': w('status changed', 'statut modifié', 'estado cambiado'),
  create: w('created', 'créé', 'creado'),
  'create-edition-activity': w(
    'activity created for an edition',
    'activité créée pour une édition',
    'actividad creada para una edición',
  ),
  'create-revision': w('revision started', 'révision commencée', 'revisión iniciada'),
  decide: w('decided', 'décidé', 'decidido'),
  delete: w('deleted', 'supprimé', 'suprimido'),
  disable: w('disabled', 'désactivé', 'desactivado'),
  enable: w('enabled', 'réactivé', 'reactivado'),
  'erase-personal-data': w(
    'personal data erased',
    'données personnelles effacées',
    'datos personales borrados',
  ),
  'export-personal-data': w(
    'personal data exported',
    'données personnelles exportées',
    'datos personales exportados',
  ),
  'give-symbol': w('symbol given', 'cote attribuée', 'signatura asignada'),
  'grant-role': w('role given', 'rôle attribué', 'función asignada'),
  'import-upload': w('spreadsheet imported', 'tableur importé', 'hoja de cálculo importada'),
  issue: w('issued', 'délivré', 'expedido'),
  'issue-password-link': w('password link made', 'lien de mot de passe créé', 'enlace de contraseña creado'),
  'keep-carried': w('kept in the report', 'gardé dans le rapport', 'conservado en el informe'),
  nominate: w('nominated', 'candidature présentée', 'candidatura presentada'),
  publish: w('published', 'publié', 'publicado'),
  'publish-edit': w('edit published', 'modification publiée', 'modificación publicada'),
  'remove-activity': w('programme removed', 'programme retiré', 'programa quitado'),
  'remove-from-report': w('removed from a report', 'retiré d’un rapport', 'quitado de un informe'),
  reply: w('answered', 'réponse donnée', 'respondido'),
  return: w('returned with comments', 'renvoyé avec des commentaires', 'devuelto con comentarios'),
  'set-password': w('password set', 'mot de passe défini', 'contraseña definida'),
  'stage-upload': w(
    'spreadsheet uploaded for preview',
    'tableur téléversé pour aperçu',
    'hoja de cálculo cargada para vista previa',
  ),
  submit: w('submitted', 'présenté', 'presentado'),
  'sync-edition-activity': w(
    'activity updated from its edition',
    'activité mise à jour depuis son édition',
    'actividad actualizada desde su edición',
  ),
  update: w('changed', 'modifié', 'modificado'),
  upload: w('uploaded', 'téléversé', 'cargado'),
  'upload-signature': w('signature uploaded', 'signature téléversée', 'firma cargada'),
  withdraw: w('withdrawn', 'retiré', 'retirado'),
  'withdraw-role': w('role withdrawn', 'rôle retiré', 'función retirada'),
};

const fields: Record<string, Words> = {
  activityId: w('Activity', 'Activité', 'Actividad'),
  activityType: w('Type of activity', 'Type d’activité', 'Tipo de actividad'),
  advisorId: w('Advisor', 'Conseiller', 'Asesor'),
  agencyId: w('Agency', 'Organisme', 'Organismo'),
  beneficiaries: w('Beneficiaries', 'Bénéficiaires', 'Beneficiarios'),
  beneficiaryCodes: w('Beneficiaries', 'Bénéficiaires', 'Beneficiarios'),
  benefitsLdc: w('Benefits an LDC', 'Bénéficie à un PMA', 'Beneficia a un PMA'),
  body: w('Text', 'Texte', 'Texto'),
  budgetAmount: w('Budget', 'Budget', 'Presupuesto'),
  budgetCurrency: w('Currency', 'Monnaie', 'Moneda'),
  candidateName: w('Candidate', 'Candidat', 'Candidato'),
  capacity: w('Places', 'Places', 'Plazas'),
  carriedForwardActivities: w('Programmes carried forward', 'Programmes reportés', 'Programas trasladados'),
  carriedForwardFrom: w('Carried forward from report', 'Reporté du rapport', 'Trasladado del informe'),
  carriedUndated: w(
    'Carried forward without end date',
    'Reporté sans date de fin',
    'Trasladado sin fecha de fin',
  ),
  carriedWithoutEndDate: w(
    'Carried forward without end date',
    'Reporté sans date de fin',
    'Trasladado sin fecha de fin',
  ),
  circulationDate: w('Circulation date', 'Date de distribution', 'Fecha de distribución'),
  completedAt: w('Completed on', 'Terminé le', 'Terminado el'),
  consentPublicName: w('Agrees to be named', 'Accepte d’être nommé', 'Acepta ser nombrado'),
  contactEmail: w('Contact e-mail', 'Courriel de contact', 'Correo de contacto'),
  contactName: w('Contact', 'Contact', 'Contacto'),
  description: w('Description', 'Description', 'Descripción'),
  deliveryLanguages: w('Delivery languages', 'Langues de la formation', 'Idiomas de impartición'),
  deliveryMode: w('Delivery mode', 'Mode de prestation', 'Modalidad'),
  disabledAt: w('Disabled on', 'Désactivé le', 'Desactivado el'),
  displayName: w('Name', 'Nom', 'Nombre'),
  doneOn: w('Done on', 'Fait le', 'Hecho el'),
  donorPartyCode: w('Donor', 'Donateur', 'Donante'),
  dueOn: w('Due on', 'Échéance', 'Vencimiento'),
  editionId: w('Edition', 'Édition', 'Edición'),
  email: w('E-mail address', 'Adresse électronique', 'Dirección de correo electrónico'),
  endDate: w('End date', 'Date de fin', 'Fecha de fin'),
  endPrecision: w('End date precision', 'Précision de la date de fin', 'Precisión de la fecha de fin'),
  fileName: w('File', 'Fichier', 'Archivo'),
  gender: w('Gender', 'Genre', 'Género'),
  goodRows: w('Rows ready', 'Lignes prêtes', 'Filas listas'),
  grouping: w('Grouping', 'Regroupement', 'Agrupación'),
  ipAreas: w('IP areas', 'Domaines de la PI', 'Ámbitos de la PI'),
  isPublic: w('Public', 'Public', 'Público'),
  isSample: w('Sample data', 'Données d’exemple', 'Datos de ejemplo'),
  level: w('Level', 'Niveau', 'Nivel'),
  mode: w('Mode', 'Mode', 'Modalidad'),
  motivation: w('Motivation', 'Motivation', 'Motivación'),
  name: w('Name', 'Nom', 'Nombre'),
  narrative: w('Narrative', 'Texte narratif', 'Texto narrativo'),
  nominationDeadline: w('Nomination deadline', 'Date limite des candidatures', 'Plazo de candidaturas'),
  note: w('Note', 'Note', 'Nota'),
  office: w('Office', 'Office', 'Oficina'),
  origin: w('Origin', 'Origine', 'Origen'),
  originalLanguage: w('Original language', 'Langue originale', 'Idioma original'),
  participantId: w('Participant', 'Participant', 'Participante'),
  partyCode: w('Party', 'Partie', 'Parte'),
  periodEnd: w('End of period', 'Fin de la période', 'Fin del período'),
  periodPrecision: w('Period precision', 'Précision de la période', 'Precisión del período'),
  periodStart: w('Start of period', 'Début de la période', 'Inicio del período'),
  phone: w('Telephone', 'Téléphone', 'Teléfono'),
  plan: w('Plan', 'Plan', 'Plan'),
  position: w('Position', 'Fonction', 'Cargo'),
  publicNominations: w('Public nominations', 'Candidatures publiques', 'Candidaturas públicas'),
  rank: w('Rank', 'Rang', 'Rango'),
  regionCodes: w('Regions', 'Régions', 'Regiones'),
  reply: w('Answer', 'Réponse', 'Respuesta'),
  reportId: w('Report', 'Rapport', 'Informe'),
  reportingPartyCode: w('Reporting party', 'Partie déclarante', 'Parte informante'),
  role: w('Role', 'Rôle', 'Función'),
  rowNumber: w('Row number', 'Numéro de ligne', 'Número de fila'),
  rows: w('Rows', 'Lignes', 'Filas'),
  source: w('Source', 'Source', 'Fuente'),
  startDate: w('Start date', 'Date de début', 'Fecha de inicio'),
  startPrecision: w(
    'Start date precision',
    'Précision de la date de début',
    'Precisión de la fecha de inicio',
  ),
  status: w('Status', 'Statut', 'Estado'),
  submittedAt: w('Submitted on', 'Présenté le', 'Presentado el'),
  symbol: w('Symbol', 'Cote', 'Signatura'),
  title: w('Title', 'Titre', 'Título'),
  topics: w('Topics', 'Thèmes', 'Temas'),
  venue: w('Venue', 'Lieu', 'Lugar'),
  version: w('Version', 'Version', 'Versión'),
  website: w('Website', 'Site Web', 'Sitio web'),
  year: w('Year', 'Année', 'Año'),
};

const values: Record<string, Words> = {
  draft: w('draft', 'projet', 'borrador'),
  submitted: w('submitted', 'présenté', 'presentado'),
  returned: w('returned', 'renvoyé', 'devuelto'),
  published: w('published', 'publié', 'publicado'),
  planned: w('planned', 'prévu', 'previsto'),
  open: w('open', 'ouvert', 'abierto'),
  selection: w('selection', 'sélection', 'selección'),
  running: w('running', 'en cours', 'en curso'),
  completed: w('completed', 'terminé', 'terminado'),
  ongoing: w('ongoing', 'en cours', 'en curso'),
  nominated: w('nominated', 'candidat', 'candidato'),
  selected: w('selected', 'retenu', 'seleccionado'),
  waitlisted: w('on the waiting list', 'en liste d’attente', 'en lista de espera'),
  declined: w('declined', 'refusé', 'rechazado'),
  withdrawn: w('withdrawn', 'retiré', 'retirado'),
  year: w('year', 'année', 'año'),
  month: w('month', 'mois', 'mes'),
  day: w('day', 'jour', 'día'),
};

const yesNo = { true: w('yes', 'oui', 'sí'), false: w('no', 'non', 'no') };
const emptyWord = w('empty', 'vide', 'vacío');

/** "update" → "changed", "reports" → "Report"; an unknown name as words ("keep-carried" → "keep carried"). */
export const auditTableLabel = (table: string, lang: Language) => tables[table]?.[lang] ?? words(table);
export const auditActionLabel = (action: string, lang: Language) => actions[action]?.[lang] ?? words(action);
export const auditFieldLabel = (key: string, lang: Language) => fields[key]?.[lang] ?? words(key);

/** "isPublic", "is_public", "keep-carried" → "is public", "keep carried": never the raw name. */
function words(name: string): string {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const maxLength = 120;
const cut = (text: string) => (text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text);

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const languageKeys = new Set(['en', 'fr', 'es']);

/**
 * A stored value in words: yes/no, dates in the page's language, numbers with its separators,
 * lists joined by commas, a text in several languages in the page's one, other objects as
 * "name: value" pairs; never JSON.
 */
export function auditValueText(value: unknown, lang: Language): string {
  return cut(valueText(value, lang, 0));
}

function valueText(value: unknown, lang: Language, depth: number): string {
  if (value === null || value === undefined || value === '') return emptyWord[lang];
  if (typeof value === 'boolean') return yesNo[String(value) as 'true' | 'false'][lang];
  if (typeof value === 'number') return formatNumber(lang, value);
  if (typeof value === 'string') {
    if (isoDay.test(value)) return formatDate(lang, value) ?? value;
    if (isoTime.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Intl.DateTimeFormat(lang, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone: 'UTC',
      }).format(new Date(value));
    }
    return values[value]?.[lang] ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return emptyWord[lang];
    return value.map((item) => valueText(item, lang, depth + 1)).join(', ');
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return emptyWord[lang];
    // A text kept in several languages: the page's language, else the first there is.
    if (entries.every(([key, text]) => languageKeys.has(key) && typeof text === 'string')) {
      const texts = value as Record<string, string>;
      return texts[lang] ?? entries[0]?.[1]?.toString() ?? '';
    }
    if (depth > 1) return '…';
    return entries
      .map(([key, item]) => `${auditFieldLabel(key, lang)}: ${valueText(item, lang, depth + 1)}`)
      .join('; ');
  }
  return String(value);
}
