#!/usr/bin/env node
/**
 * Self-test of the Fedify peer: two peers, A and B, on loopback https (a throw-away
 * self-signed certificate made with openssl, trusted through NODE_EXTRA_CA_CERTS), driven
 * through their control APIs the way Kinship's IT will drive one peer.
 *
 * https because Fedify's WebFinger client always asks https://<host[:port]>/ for an acct:
 * handle; the handle carries the port (acct:tester@localhost:<port>), as Kinship's will.
 *
 * Prints one line per check and "N passed, N failed"; exits non-zero on any failure. Both
 * peers are stopped on every path, and a hard timeout ends the whole run.
 */
import { execFileSync, spawn } from "node:child_process";
import { createPrivateKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { generateCryptoKeyPair, signRequest } from "@fedify/fedify";
import { Temporal } from "@js-temporal/polyfill";

const HARD_TIMEOUT_MS = 90_000;
const POLL_TIMEOUT_MS = 15_000;
const here = fileURLToPath(new URL(".", import.meta.url));

const peers = [];
let workDir = null;
let passed = 0;
let failed = 0;

function cleanup() {
  for (const peer of peers) {
    if (peer.process.exitCode == null && peer.process.signalCode == null) peer.process.kill("SIGTERM");
  }
  if (workDir != null) rmSync(workDir, { recursive: true, force: true });
  workDir = null;
}

const hardTimeout = setTimeout(() => {
  process.stderr.write(`selftest: hard timeout after ${HARD_TIMEOUT_MS} ms\n`);
  dumpPeerLogs();
  cleanup();
  process.exit(1);
}, HARD_TIMEOUT_MS);
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});
process.on("SIGTERM", () => {
  cleanup();
  process.exit(143);
});

function dumpPeerLogs() {
  for (const peer of peers) {
    process.stderr.write(`---- stderr of peer ${peer.name} ----\n${peer.stderr}\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// Plumbing

function makeCertificate(dir) {
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
      "-keyout", key, "-out", cert, "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return { cert, key, pem: readFileSync(cert) };
}

/** An RSA key the test hands to peer B (--rsa-key), so it can sign requests as B. */
async function makeRsaKey(dir) {
  const file = join(dir, "b-rsa.pem");
  execFileSync("openssl", ["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", file], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const der = createPrivateKey(readFileSync(file)).export({ type: "pkcs8", format: "der" });
  const privateKey = await crypto.subtle.importKey(
    "pkcs8",
    der,
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    true, // Fedify's signRequest insists on an extractable key
    ["sign"],
  );
  return { file, privateKey };
}

function startPeer(name, tlsFiles, extraArgs = []) {
  const args = [
    join(here, "peer.mjs"),
    "--port", "0",
    "--origin-host", "localhost",
    "--tls-cert", tlsFiles.cert,
    "--tls-key", tlsFiles.key,
    "--exit-on-stdin-eof",
    "--log-level", "info",
    ...extraArgs,
    // e.g. SELFTEST_PEER_ARGS="--signed-fetch --rsa-only" to run the same checks in other modes
    ...(process.env.SELFTEST_PEER_ARGS ?? "").split(/\s+/).filter((arg) => arg !== ""),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: tlsFiles.cert },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const peer = { name, process: child, stderr: "", base: null };
  peers.push(peer);
  child.stderr.on("data", (chunk) => {
    peer.stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const match = /^PEER_READY (\S+)$/m.exec(stdout);
      if (match != null && peer.base == null) {
        peer.base = match[1];
        resolve(peer);
      }
    });
    child.on("exit", (code) => reject(new Error(`peer ${name} exited (${code}) before PEER_READY`)));
    setTimeout(() => reject(new Error(`peer ${name} not ready in 30 s`)), 30_000).unref();
  });
}

/** An https request that trusts only our test certificate (TLS checks stay on). */
function request(ca, url, { method = "GET", headers = {}, body = null } = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method, headers, ca }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json = null;
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on("error", reject);
    req.setTimeout(20_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    if (body != null) req.write(body);
    req.end();
  });
}

function control(ca, peer, method, path, payload) {
  return request(ca, `${peer.base}${path}`, {
    method,
    headers: payload == null ? {} : { "Content-Type": "application/json" },
    body: payload == null ? null : JSON.stringify(payload),
  });
}

async function waitFor(what, probe) {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const found = await probe();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function check(name, body) {
  try {
    await body();
    passed++;
    process.stdout.write(`ok    ${name}\n`);
  } catch (error) {
    failed++;
    process.stdout.write(`FAIL  ${name}: ${error?.message ?? error}\n`);
  }
}

// ---------------------------------------------------------------------------------------------
// The checks

async function run() {
  workDir = mkdtempSync(join(tmpdir(), "fedify-peer-"));
  const tlsFiles = makeCertificate(workDir);
  const ca = tlsFiles.pem;
  const bKey = await makeRsaKey(workDir);
  // A signs RFC 9421 first (Fedify's default), B draft-cavage: both verification paths run.
  const [a, b] = await Promise.all([
    startPeer("A", tlsFiles),
    startPeer("B", tlsFiles, ["--first-knock", "draft-cavage-http-signatures-12", "--rsa-key", bKey.file]),
  ]);
  const received = async (peer) => (await control(ca, peer, "GET", "/control/received")).json;
  const receivedOf = async (peer, predicate) => (await received(peer)).received.find(predicate);

  let aActor;
  let bActor;
  await check("health answers with the actor and its handle (port included)", async () => {
    const ha = await control(ca, a, "GET", "/control/health");
    const hb = await control(ca, b, "GET", "/control/health");
    assert(ha.status === 200 && hb.status === 200, `health ${ha.status}/${hb.status}`);
    aActor = ha.json.actor;
    bActor = hb.json.actor;
    assert(hb.json.handle === `acct:tester@${new URL(b.base).host}`, `handle ${hb.json.handle}`);
    assert(new URL(b.base).port !== "", "the test needs a port in the handle");
  });

  let follow;
  await check("A follows B by WebFinger handle with a port (acct:tester@localhost:<port>)", async () => {
    const handle = `acct:tester@${new URL(b.base).host}`;
    const res = await control(ca, a, "POST", "/control/follow", { handle });
    assert(res.status === 200, `follow answered ${res.status} ${res.text}`);
    follow = res.json;
    assert(follow.actor === bActor, `resolved ${follow.actor}, expected ${bActor}`);
    assert(follow.webfinger?.subject === handle, `WebFinger subject ${follow.webfinger?.subject}`);
    assert(follow.inbox === `${b.base}/users/tester/inbox`, `inbox ${follow.inbox}`);
    assert(follow.sharedInbox === `${b.base}/inbox`, `sharedInbox ${follow.sharedInbox}`);
    assert(typeof follow.followId === "string" && follow.followId.startsWith(a.base), `followId ${follow.followId}`);
  });

  await check("B received A's Follow, verified, with the raw JSON", async () => {
    const entry = await waitFor("Follow at B", () => receivedOf(b, (e) => e.id === follow.followId));
    assert(entry.type === "Follow" && entry.verified === true, JSON.stringify(entry));
    assert(entry.actor === aActor && entry.objectId === bActor, `actor/object ${entry.actor} ${entry.objectId}`);
    assert(entry.objectType === "Person", `objectType ${entry.objectType}`);
    assert(entry.raw?.id === follow.followId && entry.raw?.["@context"] != null, "raw JSON missing");
    assert(entry.verifiedBy != null, "Fedify's trace does not say how it verified the Follow");
  });

  await check("A received B's automatic Accept of the Follow, verified", async () => {
    const entry = await waitFor("Accept at A", () =>
      receivedOf(a, (e) => e.type === "Accept" && e.actor === bActor),
    );
    assert(entry.verified === true && entry.objectId === follow.followId, JSON.stringify(entry));
    assert(entry.objectType === "Follow", `objectType ${entry.objectType}`);
  });

  let reply;
  await check("B replies to A (Create(Note) to Public + group, audience, inReplyTo); A received it verified", async () => {
    const inReplyTo = `${a.base}/notes/some-thread`;
    const res = await control(ca, b, "POST", "/control/reply", {
      inReplyTo,
      group: aActor,
      content: "<p>Hello from B</p>",
    });
    assert(res.status === 200, `reply answered ${res.status} ${res.text}`);
    reply = res.json;
    const entry = await waitFor("Create at A", () => receivedOf(a, (e) => e.id === reply.createId));
    assert(entry.type === "Create" && entry.verified === true, JSON.stringify(entry));
    assert(entry.objectId === reply.noteId && entry.objectType === "Note", `object ${entry.objectId} ${entry.objectType}`);
    assert(entry.audience === aActor, `audience ${entry.audience}`);
    const note = entry.raw.object;
    assert(note.inReplyTo === inReplyTo, `inReplyTo ${note.inReplyTo}`);
    assert(note.content === "<p>Hello from B</p>", `content ${note.content}`);
    const to = [].concat(entry.raw.to);
    assert(to.includes("as:Public") || to.includes("https://www.w3.org/ns/activitystreams#Public"), `to ${to}`);
    assert(to.includes(aActor), `to ${to}`);
  });

  await check("B serves the note it created at its id (origin check)", async () => {
    const res = await request(ca, reply.noteId, { headers: { Accept: "application/activity+json" } });
    assert(res.status === 200, `GET note ${res.status}`);
    assert(res.json?.id === reply.noteId && res.json?.type === "Note", res.text);
    assert(res.json.attributedTo === bActor, `attributedTo ${res.json.attributedTo}`);
  });

  await check("B likes A's object; A received the Like verified", async () => {
    const object = `${a.base}/notes/some-thread`;
    const res = await control(ca, b, "POST", "/control/like", { object, group: aActor });
    assert(res.status === 200, `like answered ${res.status} ${res.text}`);
    const entry = await waitFor("Like at A", () => receivedOf(a, (e) => e.id === res.json.likeId));
    assert(entry.type === "Like" && entry.verified === true && entry.objectId === object, JSON.stringify(entry));
  });

  await check("B announces its Create (FEP-1b12 style); A reports innerType and innerObjectType", async () => {
    const res = await control(ca, b, "POST", "/control/announce", { object: reply.createId, to: aActor });
    assert(res.status === 200, `announce answered ${res.status} ${res.text}`);
    const entry = await waitFor("Announce at A", () => receivedOf(a, (e) => e.id === res.json.announceId));
    assert(entry.type === "Announce" && entry.verified === true, JSON.stringify(entry));
    assert(entry.objectId === reply.createId, `objectId ${entry.objectId}`);
    assert(entry.innerType === "Create" && entry.innerObjectType === "Note", `inner ${entry.innerType}/${entry.innerObjectType}`);
    assert(entry.innerObjectId === reply.noteId, `innerObjectId ${entry.innerObjectId}`);
    assert(entry.audience === bActor, `audience ${entry.audience}`);
  });

  const inboxOfA = `${a.base}/users/tester/inbox`;
  const forged = (tag) => ({
    "@context": "https://www.w3.org/ns/activitystreams",
    id: `${b.base}/activities/forged-${tag}`,
    type: "Create",
    actor: bActor,
    to: aActor,
    object: { id: `${b.base}/notes/forged-${tag}`, type: "Note", attributedTo: bActor, content: "forged" },
  });
  const forgedIds = [];
  /** A request to A's inbox signed with Fedify's signRequest, as a plain HTTP-signature sender. */
  const signedPost = async (activity, privateKey, keyId, spec, currentTime) => {
    const body = JSON.stringify(activity);
    const unsigned = new Request(inboxOfA, {
      method: "POST",
      headers: { "Content-Type": "application/activity+json" },
      body,
    });
    const signed = await signRequest(unsigned, privateKey, new URL(keyId), { spec, currentTime });
    const headers = {};
    signed.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return request(ca, inboxOfA, { method: "POST", headers, body });
  };

  for (const spec of ["draft-cavage-http-signatures-12", "rfc9421"]) {
    await check(`a genuine ${spec} HTTP signature alone (no LD signature, no proof) is accepted`, async () => {
      const activity = forged(`genuine-${spec}`);
      const res = await signedPost(activity, bKey.privateKey, `${bActor}#main-key`, spec);
      assert(res.status === 202, `inbox answered ${res.status} ${res.text}`);
      const entry = await waitFor("the HTTP-signed Create at A", () => receivedOf(a, (e) => e.id === activity.id));
      assert(entry.verified === true && entry.verifiedBy === "http-signature", `verifiedBy ${entry.verifiedBy}`);
      assert(entry.signatureKeyId === `${bActor}#main-key`, `keyId ${entry.signatureKeyId}`);
    });
  }

  await check("a FEP-1b12 Announce(Create(Page)) with only an HTTP signature is reported with its inner types", async () => {
    // The shape a Kinship (or Lemmy) community sends: the group announces a member's Create.
    const group = bActor;
    const page = {
      id: `${b.base}/threads/1`,
      type: "Page",
      attributedTo: `${b.base}/users/member`,
      name: "A shared thread",
      content: "<p>first post</p>",
      to: ["https://www.w3.org/ns/activitystreams#Public", group],
      audience: group,
    };
    const announce = {
      "@context": ["https://www.w3.org/ns/activitystreams", "https://join-lemmy.org/context.json"],
      id: `${b.base}/activities/announce-1b12`,
      type: "Announce",
      actor: group,
      to: ["https://www.w3.org/ns/activitystreams#Public"],
      cc: [`${group}/followers`],
      object: {
        id: `${b.base}/activities/create-1b12`,
        type: "Create",
        actor: `${b.base}/users/member`,
        to: ["https://www.w3.org/ns/activitystreams#Public", group],
        object: page,
        audience: group,
      },
    };
    const res = await signedPost(announce, bKey.privateKey, `${bActor}#main-key`, "draft-cavage-http-signatures-12");
    assert(res.status === 202, `inbox answered ${res.status} ${res.text}`);
    const entry = await waitFor("the 1b12 Announce at A", () => receivedOf(a, (e) => e.id === announce.id));
    assert(entry.verifiedBy === "http-signature", `verifiedBy ${entry.verifiedBy}`);
    assert(entry.innerType === "Create" && entry.innerObjectType === "Page", `inner ${entry.innerType}/${entry.innerObjectType}`);
    assert(entry.innerActor === `${b.base}/users/member` && entry.innerObjectId === page.id, JSON.stringify(entry));
    assert(entry.audience === group, `audience ${entry.audience}`);
  });

  await check("an Announce embedding an activity from another origin is not taken on trust", async () => {
    // Fedify refetches an embedded object whose id is on another origin; that fails here, so
    // the peer must not report an inner activity it could not check.
    const announce = {
      "@context": "https://www.w3.org/ns/activitystreams",
      id: `${b.base}/activities/announce-foreign`,
      type: "Announce",
      actor: bActor,
      to: aActor,
      object: {
        // A third origin where nothing listens (port 9 on loopback: "discard", closed here).
        id: "https://localhost:9/activities/not-there",
        type: "Create",
        actor: "https://localhost:9/users/someone",
        object: { id: "https://localhost:9/notes/not-there", type: "Note", content: "claimed for someone" },
      },
    };
    const res = await signedPost(announce, bKey.privateKey, `${bActor}#main-key`, "draft-cavage-http-signatures-12");
    assert(res.status === 202, `inbox answered ${res.status} ${res.text}`);
    const entry = await waitFor("the foreign Announce at A", () => receivedOf(a, (e) => e.id === announce.id));
    assert(entry.objectId === "https://localhost:9/activities/not-there", `objectId ${entry.objectId}`);
    assert(entry.innerType === null && entry.innerObjectType === null, `inner ${entry.innerType}/${entry.innerObjectType}`);
  });

  const expectRefused = async (id, status, reasonType) => {
    assert(status === 401, `inbox answered ${status}, expected 401`);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a queued listener would have run by now
    const all = await received(a);
    assert(!all.received.some((e) => e.id === id), "a forged activity is listed as received");
    const entry = all.refused.find((e) => e.id === id);
    assert(entry != null, "the forged activity is not in the refused list");
    assert(entry.status === 401, `refused status ${entry.status}`);
    if (reasonType != null) assert(entry.reason?.type === reasonType, `reason ${JSON.stringify(entry.reason)}`);
  };

  await check("a request with a garbage signature (plain fetch) is refused, not received", async () => {
    const body = JSON.stringify(forged("garbage"));
    forgedIds.push(forged("garbage").id);
    const res = await request(ca, inboxOfA, {
      method: "POST",
      headers: {
        "Content-Type": "application/activity+json",
        Date: new Date().toUTCString(),
        Signature: `keyId="${bActor}#main-key",algorithm="rsa-sha256",headers="(request-target) host date",signature="${Buffer.from("not a signature").toString("base64")}"`,
      },
      body,
    });
    await expectRefused(forged("garbage").id, res.status, "invalidSignature");
  });

  await check("a well-formed signature by an impostor key under B's keyId is refused", async () => {
    const impostor = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
    forgedIds.push(forged("impostor").id);
    const res = await signedPost(forged("impostor"), impostor.privateKey, `${bActor}#main-key`, "draft-cavage-http-signatures-12");
    await expectRefused(forged("impostor").id, res.status, "invalidSignature");
  });

  await check("a genuine signature two hours old is refused", async () => {
    const activity = forged("stale");
    forgedIds.push(activity.id);
    const twoHoursAgo = Temporal.Now.instant().subtract({ hours: 2 });
    const res = await signedPost(activity, bKey.privateKey, `${bActor}#main-key`, "draft-cavage-http-signatures-12", twoHoursAgo);
    await expectRefused(activity.id, res.status, null);
  });

  await check("a genuine signature by B for an activity whose actor is someone else is refused", async () => {
    const activity = { ...forged("not-the-actor"), actor: `${b.base}/users/somebody-else` };
    forgedIds.push(activity.id);
    const res = await signedPost(activity, bKey.privateKey, `${bActor}#main-key`, "draft-cavage-http-signatures-12");
    await expectRefused(activity.id, res.status, null);
    const entry = (await received(a)).refused.find((e) => e.id === activity.id);
    assert(/signer and the actor do not match/.test(entry.response), `response ${entry.response}`);
  });

  await check("an unsigned activity is refused with reason noSignature", async () => {
    const res = await request(ca, inboxOfA, {
      method: "POST",
      headers: { "Content-Type": "application/activity+json" },
      body: JSON.stringify(forged("unsigned")),
    });
    forgedIds.push(forged("unsigned").id);
    await expectRefused(forged("unsigned").id, res.status, "noSignature");
  });

  await check("A undoes its Follow; B received the Undo verified", async () => {
    const res = await control(ca, a, "POST", "/control/undo-follow", { actor: bActor });
    assert(res.status === 200, `undo-follow answered ${res.status} ${res.text}`);
    const entry = await waitFor("Undo at B", () => receivedOf(b, (e) => e.id === res.json.undoId));
    assert(entry.type === "Undo" && entry.verified === true, JSON.stringify(entry));
    assert(entry.objectId === follow.followId && entry.objectType === "Follow", `object ${entry.objectId} ${entry.objectType}`);
    const again = await control(ca, a, "POST", "/control/undo-follow", { actor: bActor });
    assert(again.status === 404 && again.json?.error === "NOT_FOLLOWING", `second undo ${again.status} ${again.text}`);
  });

  await check("the control API refuses bad input with stable codes", async () => {
    const cases = [
      [{ handle: "not a handle" }, 400, "BAD_HANDLE"],
      [{}, 400, "MISSING_FIELD"],
      [{ handle: `acct:nobody@${new URL(b.base).host}` }, 502, "WEBFINGER_FAILED"],
    ];
    for (const [payload, status, code] of cases) {
      const res = await control(ca, a, "POST", "/control/follow", payload);
      assert(res.status === status && res.json?.error === code, `${JSON.stringify(payload)} -> ${res.status} ${res.text}`);
    }
    const bad = await request(ca, `${a.base}/control/follow`, { method: "POST", body: "{" });
    assert(bad.status === 400 && bad.json?.error === "BAD_JSON", `bad JSON -> ${bad.status}`);
    const unknown = await control(ca, a, "GET", "/control/nothing");
    assert(unknown.status === 404 && unknown.json?.error === "NOT_FOUND", `unknown -> ${unknown.status}`);
  });

  if (process.env.SELFTEST_DUMP != null) {
    // For a person reading what went over the wire: both peers' records as JSON.
    const dump = {};
    for (const peer of [a, b]) {
      dump[peer.name] = {
        ...(await received(peer)),
        ...(await control(ca, peer, "GET", "/control/sent")).json,
      };
    }
    writeFileSync(process.env.SELFTEST_DUMP, JSON.stringify(dump, null, 2));
  }

  await check("every activity A accepted is verified and none of the forged ones is there", async () => {
    const all = await received(a);
    assert(all.received.length >= 4, `only ${all.received.length} received`);
    assert(all.received.every((e) => e.verified === true), "an unverified entry");
    assert(forgedIds.every((id) => !all.received.some((e) => e.id === id)), "forged entry listed");
  });
}

let exitCode = 1;
try {
  await run();
  exitCode = failed === 0 && passed > 0 ? 0 : 1;
} catch (error) {
  failed++;
  process.stdout.write(`FAIL  setup: ${error?.stack ?? error}\n`);
} finally {
  if (failed > 0 || process.env.PEER_LOGS === "1") dumpPeerLogs();
  cleanup();
  clearTimeout(hardTimeout);
}
process.stdout.write(`fedify-peer: ${passed} passed, ${failed} failed\n`);
process.exit(exitCode);
