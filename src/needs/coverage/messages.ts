import { defineMessages } from '../../i18n/catalogue.ts';

/** Strings of the coverage page and of the Secretariat's "met and outstanding" overview. */
export const coverageText = defineMessages({
  shared: { sampleMember: 'sampleData' },
  contexts: {
    columnMember: 'the Member whose needs they are',
    columnOutstanding: 'needs still waiting for help: open, offered or in progress',
    columnNeeds: 'how many needs a Member published',
  },
  en: {
    coverageTitle: 'Needs met and outstanding',
    coverageIntro:
      'For each Member that published its needs: how many are met, how many still wait for help, and which partners delivered cooperation to it since its assessment.',
    mapTitle: 'Members by outstanding needs',
    noCoverage: 'No Member has published needs yet.',
    columnMember: 'Member',
    columnNeeds: 'Needs',
    columnOutstanding: 'Outstanding',
    byMember: 'Needs by Member',
    outstandingKinds: 'Outstanding needs by kind of help',
    outstandingAreas: 'Outstanding needs by area',
    deliveredSince: 'Help received since the assessment of {date}',
    deliveredEver: 'Help received',
    deliveredNone: 'No published activity names this Member as a beneficiary since then.',
    deliveredCountOne: '{donor}: {count} activity',
    deliveredCountOther: '{donor}: {count} activities',
    overviewHeading: 'The Secretariat’s overview',
    overviewIntro: 'The same figures as a WTO document, with every need listed.',
    overviewIn: 'In {language}:',
    documentTitle: 'Needs of least-developed and developing Members: met and outstanding',
    documentSubtitle: 'Note by the Secretariat',
    documentWarning:
      'This document holds sample data: the Members are real, the needs marked as samples are not.',
    documentPurpose:
      'Since the TRIPS Council’s decision on the extension of the transition period for least-developed country Members (IP/C/40, paragraph 2), least-developed country Members provide information on their priority needs for technical and financial cooperation, and developed country Members are to address them. This note lists the needs Members published in the hub as of {date}, and where each stands.',
    documentTotals:
      'Members with published needs: {members}. Needs: {total}; met: {met}; outstanding: {outstanding} (open: {open}; offered: {offered}; in progress: {inProgress}); withdrawn: {withdrawn}.',
    documentDelivered:
      'For each Member, the last column gives the partners whose published activities named it as a beneficiary since its assessment, and how many activities.',
    sectionOutstanding: 'Outstanding needs',
    sectionMet: 'Needs met',
    noOutstanding: 'No need is outstanding.',
    noMet: 'No need has been met yet.',
    columnNeed: 'Need',
    columnKinds: 'Kind of help',
    columnSince: 'Status since',
    columnHow: 'As the Member explained',
    columnDelivered: 'Partners (activities)',
  },
  fr: {
    coverageTitle: 'Besoins satisfaits et en suspens',
    coverageIntro:
      'Pour chaque Membre ayant publié ses besoins : combien sont satisfaits, combien attendent encore une aide, et quels partenaires lui ont apporté une coopération depuis son évaluation.',
    mapTitle: 'Membres selon leurs besoins en suspens',
    noCoverage: 'Aucun Membre n’a encore publié de besoins.',
    columnMember: 'Membre',
    columnNeeds: 'Besoins',
    columnOutstanding: 'En suspens',
    byMember: 'Besoins par Membre',
    outstandingKinds: 'Besoins en suspens par type d’aide',
    outstandingAreas: 'Besoins en suspens par domaine',
    deliveredSince: 'Aide reçue depuis l’évaluation de {date}',
    deliveredEver: 'Aide reçue',
    deliveredNone: 'Depuis, aucune activité publiée ne désigne ce Membre comme bénéficiaire.',
    deliveredCountOne: '{donor} : {count} activité',
    deliveredCountOther: '{donor} : {count} activités',
    overviewHeading: 'La vue d’ensemble du Secrétariat',
    overviewIntro: 'Les mêmes chiffres sous forme de document de l’OMC, avec la liste de tous les besoins.',
    overviewIn: 'En {language} :',
    documentTitle: 'Besoins des Membres les moins avancés et en développement : satisfaits et en suspens',
    documentSubtitle: 'Note du Secrétariat',
    documentWarning:
      'Ce document contient des données d’exemple : les Membres sont réels, les besoins marqués comme exemples ne le sont pas.',
    documentPurpose:
      'Depuis la décision du Conseil des ADPIC sur la prorogation de la période de transition pour les pays les moins avancés Membres (IP/C/40, paragraphe 2), les pays les moins avancés Membres communiquent des renseignements sur leurs besoins prioritaires en matière de coopération technique et financière, auxquels les pays développés Membres doivent répondre. La présente note recense les besoins publiés par les Membres dans la plateforme au {date}, et où en est chacun.',
    documentTotals:
      'Membres ayant publié des besoins : {members}. Besoins : {total} ; satisfaits : {met} ; en suspens : {outstanding} (ouverts : {open} ; offerts : {offered} ; en cours : {inProgress}) ; retirés : {withdrawn}.',
    documentDelivered:
      'Pour chaque Membre, la dernière colonne indique les partenaires dont des activités publiées l’ont désigné comme bénéficiaire depuis son évaluation, et combien d’activités.',
    sectionOutstanding: 'Besoins en suspens',
    sectionMet: 'Besoins satisfaits',
    noOutstanding: 'Aucun besoin n’est en suspens.',
    noMet: 'Aucun besoin n’a encore été satisfait.',
    columnNeed: 'Besoin',
    columnKinds: 'Type d’aide',
    columnSince: 'Statut depuis',
    columnHow: 'Selon le Membre',
    columnDelivered: 'Partenaires (activités)',
  },
  es: {
    coverageTitle: 'Necesidades atendidas y pendientes',
    coverageIntro:
      'Para cada Miembro que publicó sus necesidades: cuántas están atendidas, cuántas esperan todavía ayuda y qué asociados le prestaron cooperación desde su evaluación.',
    mapTitle: 'Miembros según sus necesidades pendientes',
    noCoverage: 'Ningún Miembro ha publicado todavía necesidades.',
    columnMember: 'Miembro',
    columnNeeds: 'Necesidades',
    columnOutstanding: 'Pendientes',
    byMember: 'Necesidades por Miembro',
    outstandingKinds: 'Necesidades pendientes por tipo de ayuda',
    outstandingAreas: 'Necesidades pendientes por esfera',
    deliveredSince: 'Ayuda recibida desde la evaluación de {date}',
    deliveredEver: 'Ayuda recibida',
    deliveredNone: 'Desde entonces, ninguna actividad publicada nombra a este Miembro como beneficiario.',
    deliveredCountOne: '{donor}: {count} actividad',
    deliveredCountOther: '{donor}: {count} actividades',
    overviewHeading: 'El panorama de la Secretaría',
    overviewIntro: 'Las mismas cifras como documento de la OMC, con todas las necesidades.',
    overviewIn: 'En {language}:',
    documentTitle: 'Necesidades de los Miembros menos adelantados y en desarrollo: atendidas y pendientes',
    documentSubtitle: 'Nota de la Secretaría',
    documentWarning:
      'Este documento contiene datos de ejemplo: los Miembros son reales, las necesidades marcadas como ejemplos no lo son.',
    documentPurpose:
      'Desde la decisión del Consejo de los ADPIC sobre la prórroga del período de transición para los países menos adelantados Miembros (IP/C/40, párrafo 2), los países menos adelantados Miembros facilitan información sobre sus necesidades prioritarias de cooperación técnica y financiera, que los países desarrollados Miembros deben atender. En la presente nota se enumeran las necesidades publicadas por los Miembros en la plataforma al {date}, y la situación de cada una.',
    documentTotals:
      'Miembros que publicaron necesidades: {members}. Necesidades: {total}; atendidas: {met}; pendientes: {outstanding} (abiertas: {open}; ofrecidas: {offered}; en curso: {inProgress}); retiradas: {withdrawn}.',
    documentDelivered:
      'Para cada Miembro, la última columna indica los asociados cuyas actividades publicadas lo nombraron como beneficiario desde su evaluación, y cuántas actividades.',
    sectionOutstanding: 'Necesidades pendientes',
    sectionMet: 'Necesidades atendidas',
    noOutstanding: 'Ninguna necesidad está pendiente.',
    noMet: 'Todavía no se ha atendido ninguna necesidad.',
    columnNeed: 'Necesidad',
    columnKinds: 'Tipo de ayuda',
    columnSince: 'Situación desde',
    columnHow: 'Según el Miembro',
    columnDelivered: 'Asociados (actividades)',
  },
});

export type CoverageKey = Parameters<ReturnType<typeof coverageText>>[0];
