// How long an audit row's text may be: shared by the writer, the API's filters and the dashboard's.
export const MAX_ACTOR_LENGTH = 320;
export const MAX_TARGET_LENGTH = 300;
