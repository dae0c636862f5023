/** Swedish messages for the workspace's planning, evidence, scoring and texts pages. */
export const workbench = {};
