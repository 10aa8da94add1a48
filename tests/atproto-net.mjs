// A whole Bluesky network on 127.0.0.1 for the tests, from @atproto/dev-env's
// TestNetwork: a PLC directory, a PDS, an AppView with bsync and ozone (their
// Postgres and Redis from DB_POSTGRES_URL and REDIS_HOST), every port chosen
// free. It makes alice.test (with an app password) and bob.test, writes what
// the tests need to the file named by its second argument, then indexes what
// the PDS receives every half second until SIGTERM.
//
//   node atproto-net.mjs DEV_ENV_DIR ENV_FILE
//
// SPDX-License-Identifier: GPL-3.0-or-later
import net from 'node:net';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [devEnvDir, envFile] = process.argv.slice(2);

// dev-env's servers listen on every interface: loopback only
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    const callbacks = args.slice(1).filter((a) => typeof a === 'function');
    return listen.call(this, port, '127.0.0.1', ...callbacks);
  }
  if (args[0] && typeof args[0] === 'object' && !args[0].path)
    args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};

// dev-env lives in the cache, not next to this file
const require = createRequire(`${devEnvDir}/package.json`);
const { TestNetwork } = await import(pathToFileURL(require.resolve('@atproto/dev-env')).href);

const started = Date.now();
const network = await TestNetwork.create({
  dbPostgresSchema: 'cdesk',
  pds: { hostname: 'localhost' },
});

const xrpc = async (nsid, body, jwt) => {
  const answer = await fetch(`${network.pds.url}/xrpc/${nsid}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await answer.json();
  if (!answer.ok)
    throw new Error(`${nsid}: ${json.error ?? answer.status}`);
  return json;
};

const alice = await xrpc('com.atproto.server.createAccount',
  { handle: 'alice.test', email: 'alice@example.invalid', password: 'alice-pass' });
const appPassword = await xrpc('com.atproto.server.createAppPassword', { name: 'communitydesk' }, alice.accessJwt);
const bob = await xrpc('com.atproto.server.createAccount',
  { handle: 'bob.test', email: 'bob@example.invalid', password: 'bob-pass' });
await network.processAll();

// The clients reach the PDS by its IP: no ::1 tried first
const loopback = (url) => url.replace('//localhost:', '//127.0.0.1:');
const env = {
  ATPROTO_LAB_PDS_URL: loopback(network.pds.url),
  ATPROTO_LAB_APPVIEW_URL: loopback(network.bsky.url),
  ATPROTO_LAB_ALICE_HANDLE: 'alice.test',
  ATPROTO_LAB_ALICE_DID: alice.did,
  ATPROTO_LAB_ALICE_APP_PASSWORD: appPassword.password,
  ATPROTO_LAB_BOB_HANDLE: 'bob.test',
  ATPROTO_LAB_BOB_DID: bob.did,
  ATPROTO_LAB_BOB_PASSWORD: 'bob-pass',
  ATPROTO_LAB_READY_MS: String(Date.now() - started),
};
fs.writeFileSync(`${envFile}.new`, Object.entries(env).map(([k, v]) => `${k}='${v}'\n`).join(''), { mode: 0o600 });
fs.renameSync(`${envFile}.new`, envFile);

// The AppView indexes what the PDS received: notifications appear soon
let indexing = false;
setInterval(async () => {
  if (indexing)
    return;
  indexing = true;
  await network.processAll().catch(() => {});
  indexing = false;
}, 500);

const stop = async () => {
  await network.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
