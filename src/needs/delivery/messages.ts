import { defineMessages } from '../../i18n/catalogue.ts';

/** Strings of the link between a need and the activities of reports that address it. */
export const deliveryText = defineMessages({
  en: {
    startedNote: 'Activity “{title}” of report {symbol} started ({date}).',
    deliveringHeading: 'Activities that address it',
    deliveringIntro: 'Activities of published Art. 67 reports whose reporters said they address this need.',
    deliveringItem: '{donor}, report {symbol}',
  },
  fr: {
    startedNote: 'L’activité « {title} » du rapport {symbol} a commencé ({date}).',
    deliveringHeading: 'Activités qui y répondent',
    deliveringIntro:
      'Activités de rapports publiés au titre de l’article 67 dont les auteurs ont indiqué qu’elles répondent à ce besoin.',
    deliveringItem: '{donor}, rapport {symbol}',
  },
  es: {
    startedNote: 'La actividad «{title}» del informe {symbol} comenzó ({date}).',
    deliveringHeading: 'Actividades que la atienden',
    deliveringIntro:
      'Actividades de informes publicados en virtud del artículo 67 cuyos autores indicaron que atienden esta necesidad.',
    deliveringItem: '{donor}, informe {symbol}',
  },
});
