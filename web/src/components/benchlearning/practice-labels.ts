import type { PracticeSummaryDto } from '../../../../src/contracts/practices'
import type { MessageKey } from '../../i18n/messages'

export const VISIBILITY_KEYS: Record<PracticeSummaryDto['visibility'], MessageKey> = {
  ring: 'practices.visibility.ring',
  network: 'practices.visibility.network',
  public: 'practices.visibility.public',
}
