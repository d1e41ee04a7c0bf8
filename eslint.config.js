import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

// Chinese characters in a component, page or browser module are UI text that belongs in src/i18n/strings/.
const han = '/[\\u3400-\\u9fff]/';
const uiText = '界面文字请放进 src/i18n/strings/<功能>.ts，用 t() 取用。';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'trainer-kit/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
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
