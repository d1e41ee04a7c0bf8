// Creates the trainer signing key pair: the public key into src/trainer-public-key.json (commit it; the
// site verifies with it), the private key into trainer-kit/signing-key.json (never commit or publish it).
// Refuses to replace an existing private key unless run with --force.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { generateSigningKeys } from '../src/lib/grading/signing.ts';
import { KIT_DIR, PUBLIC_KEY_PATH, SIGNING_KEY_PATH } from './trainer-kit-files.ts';

if (existsSync(SIGNING_KEY_PATH) && !process.argv.includes('--force')) {
  console.error(`${SIGNING_KEY_PATH} 已存在：换密钥会让已签发的证书无法用新站点核验。确需更换请加 --force。`);
  process.exit(1);
}
const { publicKey, privateKey } = await generateSigningKeys();
mkdirSync(KIT_DIR, { recursive: true });
writeFileSync(SIGNING_KEY_PATH, `${JSON.stringify(privateKey, null, 2)}\n`, { mode: 0o600 });
writeFileSync(PUBLIC_KEY_PATH, `${JSON.stringify({ keys: [publicKey] }, null, 2)}\n`);
console.log(
  `已生成 ${publicKey.alg} 签名密钥 ${publicKey.kid}：公钥写入 ${PUBLIC_KEY_PATH}（提交并重新构建），` +
    `私钥写入 ${SIGNING_KEY_PATH}（随评分包保管，切勿提交或发布）。`,
);
