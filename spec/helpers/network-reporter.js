// Prints how many sockets the run's tests opened, and fails the run if any went anywhere but a
// server the tests themselves started on loopback (see spec/helpers/no-network.ts). Each worker
// appends its counts to a directory made here, before any worker starts.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

class NetworkReporter {
  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambda-mock-network-'));
    process.env.LAMBDA_MOCK_NETWORK_LOG = this.dir;
    this.error = undefined;
  }

  onRunComplete() {
    const entries = fs
      .readdirSync(this.dir)
      .flatMap((name) => fs.readFileSync(path.join(this.dir, name), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    fs.rmSync(this.dir, { recursive: true, force: true });
    const counts = entries.filter((e) => typeof e.sockets === 'number');
    const refused = entries.filter((e) => e.refused !== undefined);
    const sockets = counts.reduce((sum, e) => sum + e.sockets, 0);
    const own = counts.reduce((sum, e) => sum + e.ownServerSockets, 0);
    console.log(
      `network: ${sockets} sockets opened by ${counts.length} spec files, ${own} to servers the tests started on loopback, ` +
        `${refused.length} anywhere else`,
    );
    if (refused.length > 0) {
      for (const e of refused) console.log(`  refused in ${path.relative(process.cwd(), e.file)}: ${e.refused}`);
      this.error = new Error(`${refused.length} attempt(s) to reach the network: the run fails`);
    }
  }

  getLastError() {
    return this.error;
  }
}

module.exports = NetworkReporter;
