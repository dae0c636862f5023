/** Swedish messages for the table downloads (files people open in Excel). */
export const downloads = {};
