/** A follow-up mark's comment is short: a sentence or two for the report's table (the service and the form's maxLength share it). */
export const MAX_FOLLOWUP_COMMENT = 500;
