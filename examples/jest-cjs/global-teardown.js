// Removes the snapshot file global-setup.js wrote (jest runs both in its own process).
const { rmSync } = require('node:fs');
const path = require('node:path');

module.exports = async function globalTeardown() {
  const file = process.env.LAMBDA_MOCK_SEED_FILE;
  if (file) rmSync(path.dirname(file), { recursive: true, force: true });
};
