// `npm test` runs this before jest: lambda-mock/vitest (lib/vitest.ts, as `setupFiles`) under vitest itself.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['spec/vitest/**/*.test.ts'],
    setupFiles: ['./lib/vitest.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
