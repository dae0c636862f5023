/** Swedish messages for the Om Kommunkompassen and Öppna data pages, page descriptions. */
export const about = {};
