export * from './permissions'
export * from './pseudonyms'
export * from './viewer-scope'
export * from './disclosure'
