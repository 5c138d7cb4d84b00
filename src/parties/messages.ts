import { defineMessages } from '../i18n/catalogue.ts';

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
