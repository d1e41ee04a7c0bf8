import type { PublicKeyRecord } from '../../lib/grading/key-records.ts';

/** What the dashboard page embeds: no answers, no rubrics (those come with the trainer kit). */
export interface DashboardPageData {
  topics: Record<string, string>;
  mustRead: { policyId: string; version: string; title: string }[];
  publicKeys: PublicKeyRecord[];
  center: string;
}
