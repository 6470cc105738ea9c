/**
 * Answers written out by hand, as a client reads them, for the tests that expect them from more than
 * one place (the error mapping itself and the app that uses it).
 */

/** The body of the 503 answer while the database cannot be reached (German, the default language). */
export const DATABASE_UNAVAILABLE_ANSWER = {
  error: {
    code: 'unavailable',
    message: 'Datenbank nicht erreichbar',
    key: 'request.databaseUnavailable',
    params: {},
    details: [],
  },
}
