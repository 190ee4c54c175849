import type { Field } from 'payload'

/** The review panel (state, changes, trail, actions) in the sidebar of reviewable documents. */
export const reviewPanelField: Field = {
  name: 'reviewPanel',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/src/admin/ReviewPanel#ReviewPanel' },
  },
}
