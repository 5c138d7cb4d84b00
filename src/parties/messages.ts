import { defineMessages } from '../i18n/catalogue.ts';

/** A party page's section on the elements of Article 67. */
export const partyElementsText = defineMessages({
  en: {
    elementsAsDonor: 'In its reports, by cycle',
    elementsAsBeneficiary: 'In the activities for it, by cycle',
    elementsCycle: '{period} — activities: {count}',
    elementsNotAddressed: 'No activity addressed: {elements}.',
    elementsAllAddressed: 'Every element was addressed.',
    elementsNoCycle: 'No activity in a published report.',
    elementsCounting: 'An activity counts under each of its elements, suggested or confirmed.',
  },
  fr: {
    elementsAsDonor: 'Dans ses rapports, par cycle',
    elementsAsBeneficiary: 'Dans les activités en sa faveur, par cycle',
    elementsCycle: '{period} — activités : {count}',
    elementsNotAddressed: 'Aucune activité n’a porté sur : {elements}.',
    elementsAllAddressed: 'Chaque élément a été traité.',
    elementsNoCycle: 'Aucune activité dans un rapport publié.',
    elementsCounting: 'Une activité compte pour chacun de ses éléments, suggérés ou confirmés.',
  },
  es: {
    elementsAsDonor: 'En sus informes, por ciclo',
    elementsAsBeneficiary: 'En las actividades a su favor, por ciclo',
    elementsCycle: '{period} — actividades: {count}',
    elementsNotAddressed: 'Ninguna actividad abordó: {elements}.',
    elementsAllAddressed: 'Se abordaron todos los elementos.',
    elementsNoCycle: 'Ninguna actividad en un informe publicado.',
    elementsCounting: 'Una actividad cuenta en cada uno de sus elementos, sugeridos o confirmados.',
  },
});

/** A party page's training section: counts of people, never who they are. */
export const partyTrainingText = defineMessages({
  en: {
    trainingHeading: 'People {fromParty} in training programmes',
    trainingIntro:
      'How many officials from this Member took part in the training programmes recorded here. Counts only: the people are never named on this page, even when there is just one.',
    tookPart: 'took part: {count}',
    selectedUpcoming: 'selected, the edition not having started: {count}',
  },
  fr: {
    trainingHeading: 'Personnes {fromParty} dans les programmes de formation',
    trainingIntro:
      'Combien de fonctionnaires de ce Membre ont participé aux programmes de formation enregistrés ici. Des nombres seulement\u202f: les personnes ne sont jamais nommées sur cette page, même lorsqu’il n’y en a qu’une.',
    tookPart: 'ont participé : {count}',
    selectedUpcoming: 'sélectionnés, l’édition n’ayant pas commencé : {count}',
  },
  es: {
    trainingHeading: 'Personas {fromParty} en programas de formación',
    trainingIntro:
      'Cuántos funcionarios de este Miembro participaron en los programas de formación registrados aquí. Solo cifras: las personas nunca se nombran en esta página, aunque haya una sola.',
    tookPart: 'participaron: {count}',
    selectedUpcoming: 'seleccionados, sin haber comenzado la edición: {count}',
  },
});

/** A party page's section on the Member's own needs, beside the help it receives. */
export const partyNeedsText = defineMessages({
  en: {
    needsHeading: 'Needs {ofParty}',
    needsIntro:
      'What the Member asked for in its published needs assessments, beside the help it receives above: its needs still waiting for help, and how many were met.',
    needsMetOne: '{count} need met',
    needsMetOther: '{count} needs met',
    needsOutstandingOne: '{count} need still waiting for help (open, offered or in progress):',
    needsOutstandingOther: '{count} needs still waiting for help (open, offered or in progress):',
    needsNoneOutstanding: 'No need is waiting for help.',
    needsAllOne: 'Its {count} need, whatever its status',
    needsAllOther: 'All its {count} needs, whatever their status',
    needsByStatus: 'By status',
  },
  fr: {
    needsHeading: 'Besoins {ofParty}',
    needsIntro:
      'Ce que le Membre a demandé dans ses évaluations des besoins publiées, à côté de l’aide qu’il reçoit ci-dessus : ses besoins qui attendent encore une aide, et combien ont été satisfaits.',
    needsMetOne: '{count} besoin satisfait',
    needsMetOther: '{count} besoins satisfaits',
    needsOutstandingOne: '{count} besoin attend encore une aide (ouvert, offert ou en cours) :',
    needsOutstandingOther: '{count} besoins attendent encore une aide (ouverts, offerts ou en cours) :',
    needsNoneOutstanding: 'Aucun besoin n’attend d’aide.',
    needsAllOne: 'Son besoin ({count}), quel que soit son statut',
    needsAllOther: 'Ses {count} besoins, quel que soit leur statut',
    needsByStatus: 'Par statut',
  },
  es: {
    needsHeading: 'Necesidades {ofParty}',
    needsIntro:
      'Lo que el Miembro pidió en sus evaluaciones de necesidades publicadas, junto a la ayuda que recibe arriba: sus necesidades que todavía esperan ayuda y cuántas se atendieron.',
    needsMetOne: '{count} necesidad atendida',
    needsMetOther: '{count} necesidades atendidas',
    needsOutstandingOne: '{count} necesidad espera todavía ayuda (abierta, ofrecida o en curso):',
    needsOutstandingOther: '{count} necesidades esperan todavía ayuda (abiertas, ofrecidas o en curso):',
    needsNoneOutstanding: 'Ninguna necesidad espera ayuda.',
    needsAllOne: 'Su necesidad ({count}), sea cual sea su situación',
    needsAllOther: 'Sus {count} necesidades, sea cual sea su situación',
    needsByStatus: 'Por situación',
  },
});
