import { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { createGuardFunctions } from './20261129_070802_immutable_version_children'

// One engine everywhere: the embedded database is PostgreSQL with transactions now, so the
// guard of saved versions' rows loses the branch that let the embedded PGlite (each statement
// its own transaction) add rows to the newest version of a document. Only the transaction that
// saved a version writes its rows, on every database.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await createGuardFunctions(db)
}

// Nothing to put back: the branch never ran on PostgreSQL.
export async function down(_: MigrateDownArgs): Promise<void> {}
