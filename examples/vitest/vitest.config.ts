import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Installs the mock in each test file, empties it before each test, restores it after the file.
    setupFiles: ['lambda-mock/vitest'],
  },
});
