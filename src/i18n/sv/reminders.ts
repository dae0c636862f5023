/** Swedish messages for reminder e-mails. */
export const reminders = {
  tab: "Påminnelser",
};
