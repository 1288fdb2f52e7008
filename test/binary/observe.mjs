// Loaded into the built CLI (and its extraction thread) with `node --import`, by test/binary/run-binary.ts. It changes
// nothing the CLI does; it writes what the tests cannot see from outside to the file named by LINKROT_OBSERVE, one
// JSON object a line:
// - `lookup`: a host name the process tried to resolve. The tests send nothing beyond 127.0.0.1, so every lookup
//   fails here as a name that does not exist would (ENOTFOUND), without asking a DNS server.
// - `missing-api`: a method of undici's request API (`connect`, `request`, …) looked up on one of undici's
//   dispatchers (an instance, not a prototype) that does not have it. undici's index adds them to every dispatcher; the bundle loads undici's
//   parts without that index, and undici's proxy agent calls `connect` itself: this is how that bug showed.
// - `thread`: the extraction thread started (its script is a bundle of its own).
// - `builtins`: at exit, the Node modules of interest that were loaded (the bundle keeps node:http2 out), and the
//   size of V8's new space then (`newSpace`, bytes: the young generation, see src/cli/young-generation.ts).
// LINKROT_OBSERVE_CORES makes `os.availableParallelism()` answer that many cores (a check's extraction thread needs 4,
// the pieces of a long document 3) and `os.loadavg()` an idle machine.
import { EventEmitter } from 'node:events';
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import os from 'node:os';
import v8 from 'node:v8';
import { syncBuiltinESMExports } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const file = process.env.LINKROT_OBSERVE;
const record = (entry) => {
  if (file) appendFileSync(file, `${JSON.stringify(entry)}\n`);
};

function notFound(hostname) {
  record({ lookup: hostname });
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname, syscall: 'getaddrinfo' });
}
dns.lookup = (hostname, options, callback) => {
  const done = typeof options === 'function' ? options : callback;
  process.nextTick(() => done(notFound(hostname)));
};
dns.promises.lookup = async (hostname) => {
  throw notFound(hostname);
};

const cores = Number(process.env.LINKROT_OBSERVE_CORES ?? '');
// With the cores, an idle machine: the pieces of a long document go to a second thread only when cores are free.
if (cores > 0) {
  os.availableParallelism = () => cores;
  os.loadavg = () => [0, 0, 0];
}
syncBuiltinESMExports();

// undici's lib/api/index.js: the methods its index assigns to Dispatcher.prototype.
for (const name of ['request', 'stream', 'pipeline', 'upgrade', 'connect']) {
  Object.defineProperty(EventEmitter.prototype, name, {
    configurable: true,
    get() {
      if (!Object.hasOwn(this, 'constructor') && typeof this.dispatch === 'function' && typeof this.close === 'function') record({ 'missing-api': name, on: this.constructor?.name });
      return undefined;
    },
    // An assignment (Node's own `Socket.prototype.connect = …`, undici's `Object.assign`) makes the usual own property.
    set(value) {
      Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
    },
  });
}

if (!isMainThread) record({ thread: true });
else {
  process.on('exit', () => {
    const loaded = process.moduleLoadList.filter((entry) => /^NativeModule (http2|internal\/http2\/core|worker_threads)$/.test(entry));
    const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size;
    record({ builtins: loaded.map((entry) => entry.replace('NativeModule ', '')), newSpace });
  });
}
