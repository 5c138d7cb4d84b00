import { defineMessages } from '../../i18n/catalogue.ts';
import { draftingMessages, draftingShared } from '../messages.ts';

/** Why a field of an activity was refused: shown beside the form field or the spreadsheet cell. */
export const inputText = defineMessages({
  en: {
    required: 'This field is required.',
    notText: 'Expected text.',
    tooLong: 'At most {max} characters.',
    tooManyEntries: 'At most {max} entries.',
    entryTooLong: 'Each entry may have at most {max} characters.',
    dateFormat: 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024, 2024-10 or 2024-10-07.',
    dateNotReal: '“{value}” is not a date that exists.',
    dateOutOfRange: 'The year must be between {min} and {max}.',
    endBeforeStart: 'The end date is before the start date.',
    unknownTerm: '“{value}” is not one of: {choices}.',
    unknownBeneficiary:
      'Unknown party or region: {names}. Use a WTO name in English, French or Spanish, or a code.',
    originalLanguage: '“{value}” is not English, French or Spanish.',
    unknownElement: '“{value}” is not an element of Article 67. Choose among: {choices}.',
    unknownLanguage:
      '“{value}” is not a known language. Use a code such as en, fr, es, ar or a language name.',
    amountFormat: 'Write the amount as a number with at most two decimals, e.g. 25000 or 25000.50.',
    amountNegative: 'The amount cannot be negative.',
    amountTooLarge: 'The amount is too large.',
    currencyRequired: 'Give the currency of the budget (an ISO 4217 code such as CAD, USD, EUR).',
    currencyInvalid: '“{value}” is not an ISO 4217 currency code such as CAD, USD, EUR or CHF.',
    urlInvalid: 'Give a full web address starting with https:// or http://.',
    emailInvalid: 'This is not a valid e-mail address.',
  },
  fr: {
    required: 'Ce champ est obligatoire.',
    notText: 'Du texte est attendu.',
    tooLong: '{max} caractères au maximum.',
    tooManyEntries: '{max} éléments au maximum.',
    entryTooLong: 'Chaque élément peut compter au maximum {max} caractères.',
    dateFormat:
      'Écrivez la date sous la forme AAAA, AAAA-MM ou AAAA-MM-JJ, par ex. 2024, 2024-10 ou 2024-10-07.',
    dateNotReal: '« {value} » n’est pas une date qui existe.',
    dateOutOfRange: 'L’année doit être comprise entre {min} et {max}.',
    endBeforeStart: 'La date de fin est antérieure à la date de début.',
    unknownTerm: '« {value} » ne fait pas partie de la liste\u202f: {choices}.',
    unknownBeneficiary:
      'Partie ou région inconnue\u202f: {names}. Utilisez un nom OMC en anglais, en français ou en espagnol, ou un code.',
    originalLanguage: '« {value} » n’est ni l’anglais, ni le français, ni l’espagnol.',
    unknownElement: '« {value} » n’est pas un élément de l’article 67. Choisissez parmi : {choices}.',
    unknownLanguage:
      '« {value} » n’est pas une langue connue. Utilisez un code comme en, fr, es, ar ou le nom d’une langue.',
    amountFormat:
      'Écrivez le montant sous la forme d’un nombre avec deux décimales au plus, par ex. 25000 ou 25000,50.',
    amountNegative: 'Le montant ne peut pas être négatif.',
    amountTooLarge: 'Le montant est trop élevé.',
    currencyRequired: 'Indiquez la monnaie du budget (un code ISO 4217 comme CAD, USD, EUR).',
    currencyInvalid: '« {value} » n’est pas un code de monnaie ISO 4217 comme CAD, USD, EUR ou CHF.',
    urlInvalid: 'Indiquez une adresse Web complète commençant par https:// ou http://.',
    emailInvalid: 'Cette adresse électronique n’est pas valide.',
  },
  es: {
    required: 'Este campo es obligatorio.',
    notText: 'Se espera un texto.',
    tooLong: 'Como máximo {max} caracteres.',
    tooManyEntries: 'Como máximo {max} elementos.',
    entryTooLong: 'Cada elemento puede tener como máximo {max} caracteres.',
    dateFormat: 'Escriba la fecha como AAAA, AAAA-MM o AAAA-MM-DD, p. ej. 2024, 2024-10 o 2024-10-07.',
    dateNotReal: '«{value}» no es una fecha que exista.',
    dateOutOfRange: 'El año debe estar entre {min} y {max}.',
    endBeforeStart: 'La fecha de finalización es anterior a la fecha de inicio.',
    unknownTerm: '«{value}» no figura en la lista: {choices}.',
    unknownBeneficiary:
      'Parte o región desconocida: {names}. Utilice un nombre de la OMC en español, francés o inglés, o un código.',
    originalLanguage: '«{value}» no es español, francés ni inglés.',
    unknownElement: '«{value}» no es un elemento del artículo 67. Elija entre: {choices}.',
    unknownLanguage:
      '«{value}» no es un idioma conocido. Utilice un código como en, fr, es, ar o el nombre de un idioma.',
    amountFormat: 'Escriba el importe como un número con dos decimales como máximo, p. ej. 25000 o 25000,50.',
    amountNegative: 'El importe no puede ser negativo.',
    amountTooLarge: 'El importe es demasiado grande.',
    currencyRequired: 'Indique la moneda del presupuesto (un código ISO 4217 como CAD, USD, EUR).',
    currencyInvalid: '«{value}» no es un código de moneda ISO 4217 como CAD, USD, EUR o CHF.',
    urlInvalid: 'Indique una dirección web completa que empiece por https:// o http://.',
    emailInvalid: 'Esta dirección de correo electrónico no es válida.',
  },
});
export type InputMessageKey = Parameters<ReturnType<typeof inputText>>[0];

/** Interface strings of the activity form (with the strings shared by every drafting page). */
export const activityFormText = defineMessages({
  shared: { ...draftingShared, saveActivity: 'save' },
  en: {
    ...draftingMessages.en,
    newActivityTitle: 'New programme or project',
    editActivityTitle: 'Edit a programme or project',
    requiredMark: '(required)',
    choose: '— not stated —',
    beneficiariesList: 'Choose from the list',
    beneficiariesListHint: 'Hold Ctrl (Cmd on a Mac) to choose several.',
    beneficiariesTyped: 'or type names separated by ;',
    beneficiariesTypedHint:
      'Names of WTO Members or regions in English, French or Spanish, or codes, e.g. Costa Rica; Central America.',
    regionsGroup: 'Regions and groups',
    otherPartiesGroup: 'Organizations and others',
    dateHint: 'YYYY, YYYY-MM or YYYY-MM-DD.',
    listHint: 'Several values separated by ;',
    elementsSuggested: 'Suggested by the hub, to confirm by ticking: {elements}.',
    elementsHint:
      'What you tick is confirmed as the party’s reading. Leave every box empty and the hub suggests elements from the title and description.',
    publicActivityNote:
      'This programme is already public. What you save stays with this draft (and with the Secretariat once submitted); the gateway shows it when the report is published.',
  },
  fr: {
    ...draftingMessages.fr,
    newActivityTitle: 'Nouveau programme ou projet',
    editActivityTitle: 'Modifier un programme ou un projet',
    requiredMark: '(obligatoire)',
    choose: '— non indiqué —',
    beneficiariesList: 'Choisissez dans la liste',
    beneficiariesListHint: 'Maintenez Ctrl (Cmd sur Mac) pour en choisir plusieurs.',
    beneficiariesTyped: 'ou saisissez des noms séparés par ;',
    beneficiariesTypedHint:
      'Noms de Membres de l’OMC ou de régions en français, en anglais ou en espagnol, ou codes, par ex. Costa Rica; Amérique centrale.',
    regionsGroup: 'Régions et groupes',
    otherPartiesGroup: 'Organisations et autres',
    dateHint: 'AAAA, AAAA-MM ou AAAA-MM-JJ.',
    listHint: 'Plusieurs valeurs séparées par ;',
    elementsSuggested: 'Suggérés par la plateforme, à confirmer en les cochant : {elements}.',
    elementsHint:
      'Ce que vous cochez est confirmé comme la lecture de la partie. Si aucune case n’est cochée, la plateforme suggère des éléments d’après le titre et la description.',
    publicActivityNote:
      'Ce programme est déjà public. Ce que vous enregistrez reste dans ce projet (et avec le Secrétariat une fois soumis)\u202f; le portail l’affiche quand le rapport est publié.',
  },
  es: {
    ...draftingMessages.es,
    newActivityTitle: 'Nuevo programa o proyecto',
    editActivityTitle: 'Modificar un programa o proyecto',
    requiredMark: '(obligatorio)',
    choose: '— no indicado —',
    beneficiariesList: 'Elija de la lista',
    beneficiariesListHint: 'Mantenga pulsada la tecla Ctrl (Cmd en un Mac) para elegir varios.',
    beneficiariesTyped: 'o escriba nombres separados por ;',
    beneficiariesTypedHint:
      'Nombres de Miembros de la OMC o de regiones en español, francés o inglés, o códigos, p. ej. Costa Rica; Centroamérica.',
    regionsGroup: 'Regiones y grupos',
    otherPartiesGroup: 'Organizaciones y otros',
    dateHint: 'AAAA, AAAA-MM o AAAA-MM-DD.',
    listHint: 'Varios valores separados por ;',
    elementsSuggested: 'Sugeridos por la plataforma, para confirmar marcándolos: {elements}.',
    elementsHint:
      'Lo que marque queda confirmado como la lectura de la parte. Si no marca ninguna casilla, la plataforma sugiere elementos a partir del título y la descripción.',
    publicActivityNote:
      'Este programa ya es público. Lo que guarde queda en este borrador (y con la Secretaría una vez presentado); el portal lo muestra cuando se publique el informe.',
  },
});
export type ActivityFormMessageKey = Parameters<ReturnType<typeof activityFormText>>[0];
