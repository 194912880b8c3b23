// jest runs ES modules natively with `node --experimental-vm-modules`; nothing to compile here.
export default {
  testEnvironment: 'node',
  setupFilesAfterEnv: ['lambda-mock/jest'],
  transform: {},
};
