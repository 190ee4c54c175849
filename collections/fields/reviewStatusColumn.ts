import type { Field } from 'payload'

/** A list-view column with the review state badge and the review dates. */
export const reviewStatusColumn: Field = {
  name: 'reviewStatus',
  label: 'Review',
  type: 'ui',
  admin: {
    components: { Cell: '/src/admin/ReviewStatusCell#ReviewStatusCell' },
  },
}
