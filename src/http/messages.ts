import { defineMessages } from '../i18n/catalogue.ts';

/** What the hub says when a request cannot be served as such: unreadable, too frequent, or the database away. */
export const operationsText = defineMessages({
  en: {
    unreadableTitle: 'The form could not be read',
    unreadableText:
      'What was sent is not a form this site can read (it may have been cut off on the way). Go back, reload the page and send it again.',
    tooManyTitle: 'Too many requests',
    tooManyText:
      'Too many requests of this kind came from your network in a short time. Try again in {minutes} minutes.',
    unavailableTitle: 'Temporarily unavailable',
    unavailableText: 'The hub cannot reach its database at the moment. Try again in a minute.',
    startingText: 'The hub is starting. Try again in a few seconds.',
    errorReference: 'Reference for the administrator: {id}',
  },
  fr: {
    unreadableTitle: 'Le formulaire n’a pas pu être lu',
    unreadableText:
      'Ce qui a été envoyé n’est pas un formulaire lisible par ce site (il a peut-être été tronqué en chemin). Revenez en arrière, rechargez la page et envoyez-le de nouveau.',
    tooManyTitle: 'Trop de demandes',
    tooManyText:
      'Trop de demandes de ce type sont venues de votre réseau en peu de temps. Réessayez dans {minutes} minutes.',
    unavailableTitle: 'Momentanément indisponible',
    unavailableText:
      'Le portail ne peut pas joindre sa base de données pour le moment. Réessayez dans une minute.',
    startingText: 'Le portail démarre. Réessayez dans quelques secondes.',
    errorReference: 'Référence pour l’administrateur\u202f: {id}',
  },
  es: {
    unreadableTitle: 'No se pudo leer el formulario',
    unreadableText:
      'Lo enviado no es un formulario que este sitio pueda leer (quizá se cortó por el camino). Vuelva atrás, recargue la página y envíelo de nuevo.',
    tooManyTitle: 'Demasiadas solicitudes',
    tooManyText:
      'Llegaron demasiadas solicitudes de este tipo desde su red en poco tiempo. Vuelva a intentarlo dentro de {minutes} minutos.',
    unavailableTitle: 'No disponible por el momento',
    unavailableText:
      'El portal no puede acceder a su base de datos en este momento. Vuelva a intentarlo en un minuto.',
    startingText: 'El portal se está iniciando. Vuelva a intentarlo en unos segundos.',
    errorReference: 'Referencia para el administrador: {id}',
  },
});

/** Words of the kit's own components: the error summary, the header's notification count, confirmations. */
export const kitText = defineMessages({
  en: {
    errorSummaryTitle: 'There is a problem',
    'unread-one': '{count} unread notification',
    'unread-other': '{count} unread notifications',
    accountMenu: 'Account menu',
    confirmQuestion: 'Are you sure?',
    cancel: 'Cancel',
  },
  fr: {
    errorSummaryTitle: 'Il y a un problème',
    'unread-one': '{count} notification non lue',
    'unread-other': '{count} notifications non lues',
    accountMenu: 'Menu du compte',
    confirmQuestion: 'Confirmez-vous\u202f?',
    cancel: 'Annuler',
  },
  es: {
    errorSummaryTitle: 'Hay un problema',
    'unread-one': '{count} notificación no leída',
    'unread-other': '{count} notificaciones no leídas',
    accountMenu: 'Menú de la cuenta',
    confirmQuestion: '¿Lo confirma?',
    cancel: 'Cancelar',
  },
});
