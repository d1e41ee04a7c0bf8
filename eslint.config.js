import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

// Chinese characters in a component, page or browser module are UI text that belongs in src/i18n/strings/.
const han = '/[\\u3400-\\u9fff]/';
const uiText = '界面文字请放进 src/i18n/strings/<功能>.ts，用 t() 取用。';

// Type-aware rules (typescript-eslint's recommendedTypeCheckedOnly) run on every TypeScript file, through the
// project service (tsconfig.json). They need Astro's generated types (.astro/types.d.ts for astro:content and
// import.meta.env): `npm run check` runs `astro check`, which writes them, before ESLint; alone, run
// `npx astro sync` first. Not type-checked, with reasons:
// - .astro files: TypeScript's project service cannot open them (astro-eslint-parser hands typescript-eslint
//   a rewritten frontmatter, which fails to parse with projectService), and the <script>s eslint-plugin-astro
//   extracts are virtual `X.astro/0_0.ts` files outside any program. Their code is one import line: the
//   element itself lives in `<name>-element.ts` next to the component and is type-checked there.
// - plain JavaScript (tools/*.mjs, config files): without annotations every parameter is `any`, so the
//   no-unsafe-* rules would report missing JSDoc rather than unchecked data.
const typed = ['**/*.ts', '**/*.mts', '**/*.cts'];
const astroFiles = ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'];

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'trainer-kit/'] },
  ...tseslint.configs.recommended,
  {
    files: typed,
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  ...astro.configs.recommended,
  { files: astroFiles, extends: [tseslint.configs.disableTypeChecked] },
  {
    files: ['src/components/**', 'src/pages/**', 'src/layouts/**', 'src/client/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `Literal[value=${han}]`, message: uiText },
        { selector: `TemplateElement[value.raw=${han}]`, message: uiText },
        { selector: `JSXText[value=${han}]`, message: uiText },
      ],
    },
  },
);
