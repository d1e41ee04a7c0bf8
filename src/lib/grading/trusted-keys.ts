import committed from '../../trainer-public-key.json';
import testKeys from '../../../tests/fixtures/keys/test-public-key.json';
import type { PublicKeyRecord } from './key-records.ts';

/**
 * The public keys a build trusts, read at build time: the center's committed key(s), plus the test
 * suite's key only in a build made for the end-to-end tests (`E2E_TEST_KEYS=1`, set by `npm run test:e2e`).
 * A build for publishing (`npm run build`) never trusts the test key, whose private half is in tests/.
 */
export function trustedKeys(env: Record<string, string | undefined> = process.env): PublicKeyRecord[] {
  const keys = committed.keys as PublicKeyRecord[];
  return env['E2E_TEST_KEYS'] === '1' ? [...keys, ...(testKeys.keys as PublicKeyRecord[])] : keys;
}
