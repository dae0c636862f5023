/** Where the writing page's parts are: element ids built from text keys and area numbers. */
export const slug = (key: string) => key.replace(/[^\w-]/g, "-");
/** The form (or read-only block) of one text: where a save without JavaScript comes back to. */
export const textAnchor = (key: string) => `text-${slug(key)}`;
/** The text's field itself. */
export const fieldId = (key: string) => `field-${slug(key)}`;
export const examplesAnchor = (area: string | number) => `examples-${slug(String(area))}`;
export const areaAnchor = (area: number) => `area-${area}`;
export const INDEX_ANCHOR = "omraden";
