// Writes trainer-kit/trainer-kit.json (never inside dist/): answer keys and explanations of every question
// a trainer-graded exam can draw, the simulation rubrics, the exam definitions and, when
// `npm run trainer:keys` has been run here, the signing key. Keep it private; never publish it.
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  KIT_DIR,
  KIT_PATH,
  buildKitFromContent,
  keepEarlierKit,
  readPublicKeys,
  readSigningKey,
} from './trainer-kit-files.ts';

const { kit, errors } = buildKitFromContent();
if (errors.length) {
  console.error(`评分包未生成：内容检查有 ${errors.length} 处问题（先运行 npm run check）`);
  process.exit(1);
}
const key = readSigningKey();
const published = new Set(readPublicKeys().map((k) => k.kid));
if (key && published.has(key.kid)) kit.signingKey = key;
else if (key) console.warn(`⚠ trainer-kit/signing-key.json（${key.kid}）与站点公钥不符：评分包不带签名密钥。`);
else console.warn('⚠ 没有签名密钥：运行 npm run trainer:keys 生成后重新构建，看板才能签发成绩。');
mkdirSync(KIT_DIR, { recursive: true });
const kept = keepEarlierKit(kit);
if (kept) console.log(kept);
writeFileSync(KIT_PATH, `${JSON.stringify(kit, null, 2)}\n`);
console.log(
  `评分包已写入 ${KIT_PATH}：${kit.exams.length} 场由培训专员评分的考试，${kit.questions.length} 道题的答案，` +
    `${kit.simulations.length} 个实操评分标准${kit.signingKey ? `，签名密钥 ${kit.signingKey.kid}` : ''}。请妥善保管，切勿发布。`,
);
