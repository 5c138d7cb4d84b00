/**
 * The words of needs assessments. Codes are stored; labels are in ./messages.ts in EN/FR/ES.
 * Kinds of help follow what LDC submissions under IP/C/40 ask for; the list can grow (add a code
 * here and its labels in messages.ts).
 */
export const kindsOfHelp = [
  'legislative-advice',
  'equipment-automation',
  'training-personnel',
  'expert-mission',
  'awareness',
  'financial',
] as const;
export type KindOfHelp = (typeof kindsOfHelp)[number];

export const assessmentSources = ['trips-council', 'wipo-assisted', 'national-strategy'] as const;
export type AssessmentSource = (typeof assessmentSources)[number];

export const needPriorities = ['high', 'medium', 'low'] as const;
export type NeedPriority = (typeof needPriorities)[number];

/** open → offered → in progress → met, or withdrawn; see ./status.ts for who may move it where. */
export const needStatuses = ['open', 'offered', 'in-progress', 'met', 'withdrawn'] as const;
export type NeedStatus = (typeof needStatuses)[number];

/**
 * A proposal waits for the Member's answer, then is accepted or declined; the donor may withdraw it
 * while it is pending or accepted.
 */
export const proposalStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
