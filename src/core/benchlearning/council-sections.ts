/** The sections a member may choose for the council report, in the order the report shows them. */
export const COUNCIL_SECTIONS = ['position', 'context', 'potentials', 'measures'] as const
export type CouncilSection = (typeof COUNCIL_SECTIONS)[number]
