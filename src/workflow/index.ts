export * from './states'
export * from './decide'
export * from './hash'
export * from './schedule'
