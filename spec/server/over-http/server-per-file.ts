// Set-up of the over-HTTP project (setupFilesAfterEnv): one server per spec file.
import { startFileServer, stopFileServer } from './file-server';

beforeAll(startFileServer);
afterAll(stopFileServer);
