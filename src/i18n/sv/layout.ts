/** Swedish messages for tables and filters on phones. */
export const layout = {};
