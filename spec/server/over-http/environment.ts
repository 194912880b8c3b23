// Set-up of the over-HTTP project (setupFiles), before any spec module loads.
// The server accepts any signature: the SDK only needs some credentials to sign with.
process.env.AWS_ACCESS_KEY_ID = 'lambda-mock';
process.env.AWS_SECRET_ACCESS_KEY = 'lambda-mock';
delete process.env.AWS_SESSION_TOKEN;
delete process.env.AWS_PROFILE;
