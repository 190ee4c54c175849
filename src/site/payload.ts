import 'server-only'
import config from '@payload-config'
import { getPayload } from 'payload'

/** The app's Payload instance, for the reader site's reads (cached by Payload across calls). */
export const payloadClient = () => getPayload({ config })
