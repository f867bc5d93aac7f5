import { fold } from '../fold';
import type { CountedRecord } from '../model';

/**
 * Identity of a service across years: same office and same valid key; without a valid key,
 * same office and same folded name. A row with an invalid key and no name is identified by
 * its key as written (folded), so such rows of one office are not merged into one.
 */
export function serviceIdentity(record: Pick<CountedRecord, 'office' | 'keyValid' | 'key' | 'name'>): string {
  if (record.keyValid) return `${record.office}\u0000k${record.key}`;
  const name = fold(record.name);
  return name !== '' ? `${record.office}\u0000n${name}` : `${record.office}\u0000w${fold(record.key)}`;
}
