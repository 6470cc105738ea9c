export * from './permissions'
export * from './pseudonyms'
