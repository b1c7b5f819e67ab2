// How many alerts one page of GET /alerts holds; no zod here, so the dashboard's bundle may read it.
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
