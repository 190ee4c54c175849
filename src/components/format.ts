const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** "18 January 2025": dates are shown in UTC so every reader sees the same day. */
export const formatDate = (iso: string) => dateFormat.format(new Date(iso))
