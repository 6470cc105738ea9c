import type { Migration } from 'kysely'
import * as foundation from './0001-foundation'
import * as keyFigures from './0002-key-figures'
import * as accounts from './0003-accounts'
import * as peerModels from './0004-peer-models'
import * as meetings from './0005-meetings'
import * as practices from './0006-practices'
import * as kreisBoundaries from './0007-kreis-boundaries'
import * as changeNotifications from './0008-change-notifications'
import * as revisionsByBatch from './0009-revisions-by-batch'
import * as pendingKeyFigures from './0010-pending-key-figures'
import * as dataCollections from './0011-data-collections'
import * as publishedFigures from './0012-published-figures'
import * as mail from './0014-mail'
import * as singleSignOn from './0015-single-sign-on'
import * as meetingCancellation from './0016-meeting-cancellation'
import * as confidentialityClasses from './0013-confidentiality-classes'
import * as topicPractice from './0017-topic-practice'
import * as recentKeyFigures from './0018-recent-key-figures'
import * as activityNotifications from './0019-activity-notifications'
import * as keyFigureInputs from './0020-key-figure-inputs'
import * as keptInputsPerOrganisation from './0021-kept-inputs-per-organisation'
import * as roomInRecentKeyFigures from './0022-room-in-recent-key-figures'
import * as keptInputsInParts from './0023-kept-inputs-in-parts'
import * as recentKeyFiguresByOrganisation from './0024-recent-key-figures-by-organisation'

/** All migrations in order. Names sort lexically; never rename one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-key-figures': keyFigures,
  '0003-accounts': accounts,
  '0004-peer-models': peerModels,
  '0005-meetings': meetings,
  '0006-practices': practices,
  '0007-kreis-boundaries': kreisBoundaries,
  '0008-change-notifications': changeNotifications,
  '0009-revisions-by-batch': revisionsByBatch,
  '0010-pending-key-figures': pendingKeyFigures,
  '0011-data-collections': dataCollections,
  '0012-published-figures': publishedFigures,
  '0014-mail': mail,
  '0015-single-sign-on': singleSignOn,
  '0016-meeting-cancellation': meetingCancellation,
  '0013-confidentiality-classes': confidentialityClasses,
  '0017-topic-practice': topicPractice,
  '0018-recent-key-figures': recentKeyFigures,
  '0019-activity-notifications': activityNotifications,
  '0020-key-figure-inputs': keyFigureInputs,
  '0021-kept-inputs-per-organisation': keptInputsPerOrganisation,
  '0022-room-in-recent-key-figures': roomInRecentKeyFigures,
  '0023-kept-inputs-in-parts': keptInputsInParts,
  '0024-recent-key-figures-by-organisation': recentKeyFiguresByOrganisation,
}
