/** Swedish messages for the trend view (several municipalities over time). */
export const trend = {};
