// Writes trainer-kit/trainer-kit.json (never inside dist/): answer keys and explanations of every question
// a trainer-graded exam can draw, the simulation rubrics, the exam definitions and, when
// `npm run trainer:keys` has been run here, the signing key. Keep it private; never publish it.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTrainerKit } from '../src/lib/grading/kit.ts';
import { versionsOnlyIn } from '../src/lib/grading/kit-set.ts';
import {
  EARLIER_KITS_DIR,
  KIT_DIR,
  KIT_PATH,
  buildKitFromContent,
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
// The previous kit is kept when it grades exam versions this one does not (an exam edited mid-window),
// or when it cannot be read here: a kit is never lost to a rebuild.
if (existsSync(KIT_PATH)) {
  const previous = parseTrainerKit(readFileSync(KIT_PATH, 'utf8'));
  const only = previous.ok ? versionsOnlyIn(previous.kit, kit) : ['?'];
  if (only.length) {
    const stamp = previous.ok ? previous.kit.builtAt.replace(/[^0-9A-Za-z]/g, '-') : String(Date.now());
    mkdirSync(EARLIER_KITS_DIR, { recursive: true });
    const kept = join(EARLIER_KITS_DIR, `trainer-kit-${stamp}.json`);
    renameSync(KIT_PATH, kept);
    console.log(
      `较早的评分包已移到 ${kept}（它能评 ${only.join('、')} 的作答；评这些作答时把它和新评分包一起拖进看板）。`,
    );
  }
}
writeFileSync(KIT_PATH, `${JSON.stringify(kit, null, 2)}\n`);
console.log(
  `评分包已写入 ${KIT_PATH}：${kit.exams.length} 场由培训专员评分的考试，${kit.questions.length} 道题的答案，` +
    `${kit.simulations.length} 个实操评分标准${kit.signingKey ? `，签名密钥 ${kit.signingKey.kid}` : ''}。请妥善保管，切勿发布。`,
);
