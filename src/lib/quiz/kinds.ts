/** The kinds of exam, declared once: the exam YAML schema and the progress schema both use it. */
export const examKinds = ['certification', 'mock', 'monthly'] as const;
export type ExamKind = (typeof examKinds)[number];
