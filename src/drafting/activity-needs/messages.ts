import { defineMessages } from '../../i18n/catalogue.ts';

/** Strings of the page where a reporter links an activity of a draft to the needs it addresses. */
export const activityNeedsText = defineMessages({
  en: {
    linkTitle: 'Needs this activity addresses',
    linkIntro:
      'Say which published needs of Members this activity addresses. The link is part of your draft: it becomes public when the report is published, and the need then shows the activity and moves to “in progress” once the activity has started.',
    linkedHeading: 'Linked in this report',
    noneLinked: 'No need is linked yet.',
    suggestedHeading: 'Needs of its beneficiaries',
    suggestedIntro: 'Open needs of the Members it benefits, and of Members in the regions it benefits.',
    noneSuggested: 'No open need of its beneficiaries.',
    foundHeading: 'Other needs found',
    findNeeds: 'Find other needs',
    findButton: 'Find',
    linkChosen: 'Link the chosen needs',
    chooseNeeds: 'Needs to link',
    unlink: 'Unlink',
    notLinkable: 'Choose at least one need that is published and neither met nor withdrawn.',
    linkedNotice: 'The needs are linked.',
    unlinkedNotice: 'The need is no longer linked.',
    needLinks: 'Needs it addresses',
  },
  fr: {
    linkTitle: 'Besoins auxquels répond cette activité',
    linkIntro:
      'Indiquez à quels besoins publiés par des Membres cette activité répond. Le lien fait partie de votre projet : il devient public à la publication du rapport ; le besoin montre alors l’activité et passe « en cours » dès que l’activité a commencé.',
    linkedHeading: 'Liés dans ce rapport',
    noneLinked: 'Aucun besoin n’est encore lié.',
    suggestedHeading: 'Besoins de ses bénéficiaires',
    suggestedIntro:
      'Besoins ouverts des Membres qui en bénéficient, et des Membres des régions qui en bénéficient.',
    noneSuggested: 'Aucun besoin ouvert de ses bénéficiaires.',
    foundHeading: 'Autres besoins trouvés',
    findNeeds: 'Chercher d’autres besoins',
    findButton: 'Chercher',
    linkChosen: 'Lier les besoins choisis',
    chooseNeeds: 'Besoins à lier',
    unlink: 'Délier',
    notLinkable: 'Choisissez au moins un besoin publié, ni satisfait ni retiré.',
    linkedNotice: 'Les besoins sont liés.',
    unlinkedNotice: 'Le besoin n’est plus lié.',
    needLinks: 'Besoins auxquels elle répond',
  },
  es: {
    linkTitle: 'Necesidades que atiende esta actividad',
    linkIntro:
      'Indique qué necesidades publicadas por Miembros atiende esta actividad. El vínculo forma parte de su borrador: se hace público al publicarse el informe; la necesidad muestra entonces la actividad y pasa a “en curso” en cuanto la actividad haya comenzado.',
    linkedHeading: 'Vinculadas en este informe',
    noneLinked: 'Todavía no hay ninguna necesidad vinculada.',
    suggestedHeading: 'Necesidades de sus beneficiarios',
    suggestedIntro:
      'Necesidades abiertas de los Miembros beneficiarios y de los Miembros de las regiones beneficiarias.',
    noneSuggested: 'Ninguna necesidad abierta de sus beneficiarios.',
    foundHeading: 'Otras necesidades encontradas',
    findNeeds: 'Buscar otras necesidades',
    findButton: 'Buscar',
    linkChosen: 'Vincular las necesidades elegidas',
    chooseNeeds: 'Necesidades que vincular',
    unlink: 'Desvincular',
    notLinkable: 'Elija al menos una necesidad publicada que no esté atendida ni retirada.',
    linkedNotice: 'Las necesidades están vinculadas.',
    unlinkedNotice: 'La necesidad ya no está vinculada.',
    needLinks: 'Necesidades que atiende',
  },
});
