/**
 * Prepares the database that every database test file starts from: a migrated PGlite data-folder
 * dump (cached by the migrations' content), or, with DATABASE_URL, a migrated template database.
 */
import type { TestProject } from 'vitest/node'
import { prepareTestTemplate, dropTestTemplate } from './database'

declare module 'vitest' {
  export interface ProvidedContext {
    testTemplate: string
  }
}

export default async function setup(project: TestProject) {
  const template = await prepareTestTemplate()
  project.provide('testTemplate', template)
  return async () => dropTestTemplate(template)
}
