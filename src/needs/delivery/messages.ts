import { defineMessages } from '../../i18n/catalogue.ts';

/** Strings of the link between a need and the activities of reports that address it. */
export const deliveryText = defineMessages({
  en: {
    startedNote: 'Activity “{title}” of report {symbol} started ({date}).',
    deliveringHeading: 'Activities that address it',
    deliveringIntro: 'Activities of published Art. 67 reports whose reporters said they address this need.',
    deliveringItem: '{donor}, report {symbol}',
    answeringHeading: 'Training that answers it',
    answeredBy: 'Answered by the training edition {edition}',
    openUntil: 'open for nominations until {date}',
    openNoDeadline: 'open for nominations',
    editionNeedsHeading: 'Needs this edition answers',
    editionNeedsIntro:
      'Say which published needs of Members this edition answers. The link is public at once: the need’s page and the programme’s page show it. When the edition is reported in an Art. 67 draft, its needs are linked to that activity in the draft.',
    editionNoneLinked: 'This edition answers no need yet.',
    editionSuggestedHeading: 'Needs for training of its Members',
    editionSuggestedIntro:
      'Open needs for training of personnel of the Members of its candidates and participants, and of the regions it reported.',
    editionNoneSuggested: 'No open need for training of its Members.',
    editionNeedsLinked: 'The edition now answers the chosen needs.',
    editionNeedUnlinked: 'The edition no longer answers that need.',
    needsAnswered: 'Needs of Members it answers',
  },
  fr: {
    startedNote: 'L’activité « {title} » du rapport {symbol} a commencé ({date}).',
    deliveringHeading: 'Activités qui y répondent',
    deliveringIntro:
      'Activités de rapports publiés au titre de l’article 67 dont les auteurs ont indiqué qu’elles répondent à ce besoin.',
    deliveringItem: '{donor}, rapport {symbol}',
    answeringHeading: 'Formations qui y répondent',
    answeredBy: 'L’édition de formation {edition} y répond',
    openUntil: 'candidatures ouvertes jusqu’au {date}',
    openNoDeadline: 'candidatures ouvertes',
    editionNeedsHeading: 'Besoins auxquels répond cette édition',
    editionNeedsIntro:
      'Indiquez à quels besoins publiés par des Membres cette édition répond. Le lien est public aussitôt : la page du besoin et celle du programme le montrent. Quand l’édition figure dans un projet de rapport au titre de l’article 67, ses besoins sont liés à cette activité dans le projet.',
    editionNoneLinked: 'Cette édition ne répond encore à aucun besoin.',
    editionSuggestedHeading: 'Besoins de formation de ses Membres',
    editionSuggestedIntro:
      'Besoins ouverts de formation du personnel des Membres de ses candidats et participants, et des régions déclarées.',
    editionNoneSuggested: 'Aucun besoin ouvert de formation de ses Membres.',
    editionNeedsLinked: 'L’édition répond désormais aux besoins choisis.',
    editionNeedUnlinked: 'L’édition ne répond plus à ce besoin.',
    needsAnswered: 'Besoins de Membres auxquels elle répond',
  },
  es: {
    startedNote: 'La actividad «{title}» del informe {symbol} comenzó ({date}).',
    deliveringHeading: 'Actividades que la atienden',
    deliveringIntro:
      'Actividades de informes publicados en virtud del artículo 67 cuyos autores indicaron que atienden esta necesidad.',
    deliveringItem: '{donor}, informe {symbol}',
    answeringHeading: 'Formaciones que la atienden',
    answeredBy: 'La atiende la edición de formación {edition}',
    openUntil: 'candidaturas abiertas hasta el {date}',
    openNoDeadline: 'candidaturas abiertas',
    editionNeedsHeading: 'Necesidades que atiende esta edición',
    editionNeedsIntro:
      'Indique qué necesidades publicadas por Miembros atiende esta edición. El vínculo es público de inmediato: lo muestran la página de la necesidad y la del programa. Cuando la edición figura en un borrador de informe del artículo 67, sus necesidades se vinculan a esa actividad en el borrador.',
    editionNoneLinked: 'Esta edición todavía no atiende ninguna necesidad.',
    editionSuggestedHeading: 'Necesidades de formación de sus Miembros',
    editionSuggestedIntro:
      'Necesidades abiertas de formación de personal de los Miembros de sus candidatos y participantes, y de las regiones declaradas.',
    editionNoneSuggested: 'Ninguna necesidad abierta de formación de sus Miembros.',
    editionNeedsLinked: 'La edición atiende ahora las necesidades elegidas.',
    editionNeedUnlinked: 'La edición ya no atiende esa necesidad.',
    needsAnswered: 'Necesidades de Miembros que atiende',
  },
});
