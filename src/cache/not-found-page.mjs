// A page that rendered as "not found". Cache handlers store one only where it replaces a
// stored page (a retired article): made-up addresses must leave nothing behind.
export const isNotFoundPage = (/** @type {any} */ data) => data != null && data.kind === 'APP_PAGE' && data.status === 404
