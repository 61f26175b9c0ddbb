#!/usr/bin/env node
/**
 * A third-party ActivityPub peer for Kinship's federation tests, built on Fedify.
 *
 * One Fedify `Federation` (in-memory KV store and message queue) serves one Person, `tester`,
 * on a loopback port. Fedify does all the protocol work: WebFinger and actor lookup, signing
 * what the peer sends, verifying what its inbox receives. The peer only records what happened
 * and offers a small JSON control API under /control/ so that a test (Kinship's Java IT, or
 * selftest.mjs) can drive it. See README.md for the options and the control API.
 *
 * Nothing here disables TLS checks: a peer that talks to an https server with a self-signed
 * certificate must be started with NODE_EXTRA_CA_CERTS=<that certificate>.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createPrivateKey, createPublicKey, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { parseArgs } from "node:util";

import {
  createFederation,
  generateCryptoKeyPair,
  InProcessMessageQueue,
  MemoryKvStore,
} from "@fedify/fedify";
import {
  Accept,
  Activity,
  Announce,
  Create,
  Endpoints,
  Follow,
  getTypeId,
  isActor,
  Like,
  Note,
  Person,
  PUBLIC_COLLECTION,
  Undo,
} from "@fedify/vocab";
import { Temporal } from "@js-temporal/polyfill";
import { configure, getTextFormatter } from "@logtape/logtape";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";

const USER = "tester";

// ---------------------------------------------------------------------------------------------
// Options

function usage(message) {
  process.stderr.write(`peer.mjs: ${message}\n`);
  process.exit(2);
}

function parseOptions() {
  return parseArgs({
    options: {
      port: { type: "string", default: "0" },
      origin: { type: "string" },
      "origin-host": { type: "string", default: "127.0.0.1" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      "first-knock": { type: "string", default: "rfc9421" },
      "rsa-only": { type: "boolean", default: false },
      "rsa-key": { type: "string" },
      "signed-fetch": { type: "boolean", default: false },
      "exit-on-stdin-eof": { type: "boolean", default: false },
      "log-level": { type: "string", default: "warning" },
    },
    strict: true,
  }).values;
}

let opts;
try {
  opts = parseOptions();
} catch (error) {
  usage(error.message);
}

const port = Number.parseInt(opts.port, 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`bad --port ${opts.port}`);
if ((opts["tls-cert"] == null) !== (opts["tls-key"] == null)) {
  usage("--tls-cert and --tls-key go together");
}
if (!["rfc9421", "draft-cavage-http-signatures-12"].includes(opts["first-knock"])) {
  usage("--first-knock is rfc9421 or draft-cavage-http-signatures-12");
}
if (!["debug", "info", "warning", "error"].includes(opts["log-level"])) {
  usage("--log-level is debug, info, warning or error");
}
const tls = opts["tls-cert"] != null;
// The point of this peer is to check Kinship's https as a real server would: never blindly.
if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0") {
  usage("NODE_TLS_REJECT_UNAUTHORIZED=0 is refused; trust a test certificate with NODE_EXTRA_CA_CERTS");
}
const scheme = tls ? "https" : "http";

// Logs go to stderr: stdout carries only the PEER_READY line the test waits for.
await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: {
    stderr: (() => {
      const format = getTextFormatter();
      return (record) => process.stderr.write(format(record));
    })(),
  },
  loggers: [
    { category: ["fedify"], sinks: ["stderr"], lowestLevel: opts["log-level"] },
    { category: ["peer"], sinks: ["stderr"], lowestLevel: opts["log-level"] },
    { category: ["logtape", "meta"], sinks: ["stderr"], lowestLevel: "warning" },
  ],
});

function log(message) {
  process.stderr.write(`[peer ${new Date().toISOString()}] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// State: everything lives in memory for the life of the process.

/** Activities the inbox accepted (Fedify verified them), in arrival order. */
const received = [];
/** Inbox POSTs Fedify answered with an error status, with its reason when it gave one. */
const refused = [];
/** Every activity the peer sent, with the outcome of the delivery. */
const sent = [];
/** Notes and activities this peer created, served at their ids so peers can check origin. */
const notes = new Map();
const activities = new Map();
/** Follow activities sent, by the followed actor's id, for undo-follow. */
const follows = new Map();
/** The exact JSON bodies posted to the inbox, by activity id, so `received` shows raw input. */
const rawById = new Map();

/**
 * How Fedify verified each activity its inbox took, by activity id, read from the
 * "activitypub.activity.received" events of Fedify's own trace spans.
 */
const verificationById = new Map();

/** The RSA key pair from a PKCS#8 PEM file, so a test can sign as this peer. */
async function loadRsaKeyPair(file) {
  const algorithm = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const privateKeyObject = createPrivateKey(readFileSync(file));
  const der = (keyObject, type) => keyObject.export({ type, format: "der" });
  return {
    privateKey: await crypto.subtle.importKey("pkcs8", der(privateKeyObject, "pkcs8"), algorithm, true, ["sign"]),
    publicKey: await crypto.subtle.importKey("spki", der(createPublicKey(privateKeyObject), "spki"), algorithm, true, [
      "verify",
    ]),
  };
}

// RSA for HTTP Signatures and Linked Data Signatures; Ed25519 for Object Integrity Proofs
// (FEP-8b32). Fedify signs with whatever it is given; --rsa-only leaves proofs out.
const keyPairs = [
  opts["rsa-key"] == null ? await generateCryptoKeyPair("RSASSA-PKCS1-v1_5") : await loadRsaKeyPair(opts["rsa-key"]),
];
if (!opts["rsa-only"]) keyPairs.push(await generateCryptoKeyPair("Ed25519"));

/** A tracer that keeps only what Fedify says about the verification of inbox activities. */
function verificationTracer() {
  const recordVerification = (span) => {
    for (const event of span.events) {
      if (event.name !== "activitypub.activity.received") continue;
      const a = event.attributes ?? {};
      let id = span.attributes["activitypub.activity.id"] ?? null;
      try {
        id = JSON.parse(a["activitypub.activity.json"]).id ?? id;
      } catch {
        // keep the span's id
      }
      if (typeof id !== "string") continue;
      verificationById.set(id, {
        verified: a["activitypub.activity.verified"] === true,
        ldSignature: a["ld_signatures.verified"] === true,
        httpSignature: a["http_signatures.verified"] === true,
        keyId: a["http_signatures.key_id"] || null,
      });
    }
  };
  return new BasicTracerProvider({
    spanProcessors: [
      { onStart() {}, onEnd: recordVerification, forceFlush: async () => {}, shutdown: async () => {} },
    ],
  });
}

/**
 * Which check let the activity in. Fedify tries, in order, a Linked Data Signature, an
 * Object Integrity Proof, then the HTTP Signature, and stops at the first that verifies.
 */
function verifiedBy(id) {
  const facts = verificationById.get(id);
  if (facts == null || !facts.verified) return null;
  if (facts.ldSignature) return "linked-data-signature";
  if (facts.httpSignature) return "http-signature";
  return "object-integrity-proof";
}

// ---------------------------------------------------------------------------------------------
// Federation

// The origin is only known once the server listens (port 0), so the federation is created then.
let federation;
let origin;

function buildFederation() {
  const fed = createFederation({
    kv: new MemoryKvStore(),
    queue: new InProcessMessageQueue({ pollInterval: { milliseconds: 200 } }),
    manuallyStartQueue: true,
    origin,
    // Everything in the tests is on 127.0.0.1; without this Fedify's SSRF guard refuses to
    // fetch loopback addresses (WebFinger, actors, keys). Never set outside tests.
    allowPrivateAddress: true,
    firstKnock: opts["first-knock"],
    tracerProvider: verificationTracer(),
  });

  fed
    .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
      if (identifier !== USER) return null;
      const keys = await ctx.getActorKeyPairs(identifier);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: "Fedify test peer",
        summary: "A third-party ActivityPub peer in Kinship's test suite.",
        inbox: ctx.getInboxUri(identifier),
        outbox: ctx.getOutboxUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: keys[0].cryptographicKey,
        assertionMethods: keys.map((key) => key.multikey),
        manuallyApprovesFollowers: false,
      });
    })
    .setKeyPairsDispatcher((_ctx, identifier) => (identifier === USER ? keyPairs : []))
    .mapHandle((_ctx, username) => (username === USER ? USER : null));

  fed.setOutboxDispatcher("/users/{identifier}/outbox", (_ctx, identifier) =>
    identifier === USER ? { items: [] } : null,
  );

  fed.setObjectDispatcher(Note, "/notes/{id}", (_ctx, { id }) => notes.get(id) ?? null);
  fed.setObjectDispatcher(Activity, "/activities/{id}", (_ctx, { id }) => activities.get(id) ?? null);

  fed
    .setInboxListeners("/users/{identifier}/inbox", "/inbox")
    // One listener for the base class sees every verified activity; Fedify answers types that
    // no listener takes with 202 and drops them, which would hide what Kinship sent.
    .on(Activity, onVerifiedActivity)
    // Called only for an activity that parsed but whose signature did not verify. Returning
    // nothing keeps Fedify's own answer (401); the reason is kept for the `refused` list.
    .onUnverifiedActivity((ctx, activity, reason) => {
      if (ctx.data != null) ctx.data.unverified = { activityId: activity.id?.href ?? null, reason };
    })
    .onError((ctx, error) => {
      log(`inbox error: ${error?.stack ?? error}`);
      if (ctx.data != null) ctx.data.errors.push(String(error?.message ?? error));
    });

  return fed;
}

/** Short ActivityStreams type name of a vocabulary object ("Announce", "Page", ...). */
function typeName(object) {
  if (object == null) return null;
  const id = getTypeId(object).href;
  return id.substring(Math.max(id.lastIndexOf("#"), id.lastIndexOf("/")) + 1);
}

/** Loaders for dereferencing; GETs are signed as `tester` with --signed-fetch. */
async function loaders(ctx) {
  const documentLoader = opts["signed-fetch"] ? await ctx.getDocumentLoader({ identifier: USER }) : ctx.documentLoader;
  return { documentLoader, contextLoader: ctx.contextLoader };
}

/**
 * Object of an activity, or null with the reason when it cannot be had. Fedify re-fetches an
 * embedded object whose id is on another origin than the activity (and refuses it if the
 * fetch fails), so an object returned here is vouched for by its origin or by the signer.
 */
async function objectOf(ctx, activity) {
  try {
    return { object: await activity.getObject(await loaders(ctx)), error: null };
  } catch (error) {
    return { object: null, error: String(error?.message ?? error) };
  }
}

async function onVerifiedActivity(ctx, activity) {
  const id = activity.id?.href ?? null;
  const entry = {
    id,
    type: typeName(activity),
    actor: activity.actorId?.href ?? null,
    objectId: activity.objectId?.href ?? null,
    objectType: null,
    innerType: null,
    innerObjectType: null,
    innerObjectId: null,
    audience: activity.audienceId?.href ?? null,
    verified: true,
    inbox: ctx.recipient == null ? "shared" : `personal:${ctx.recipient}`,
    receivedAt: new Date().toISOString(),
    raw: rawById.get(id) ?? (await activity.toJsonLd()),
  };
  const local = entry.objectId != null && entry.objectId.startsWith(`${origin}/`);
  const { object, error } = local ? { object: null, error: null } : await objectOf(ctx, activity);
  if (local) {
    entry.objectType = localObjectType(ctx, entry.objectId);
  } else if (object != null) {
    entry.objectType = typeName(object);
  } else if (error != null) {
    entry.objectError = error;
  }
  // FEP-1b12: a group wraps each accepted activity in an Announce; report what it wraps.
  if (activity instanceof Announce && object instanceof Activity) {
    entry.innerType = typeName(object);
    entry.innerActor = object.actorId?.href ?? null;
    entry.innerObjectId = object.objectId?.href ?? null;
    const inner = await objectOf(ctx, object);
    entry.innerObjectType = typeName(inner.object);
    if (inner.error != null) entry.innerObjectError = inner.error;
    entry.innerAudience = inner.object?.audienceId?.href ?? object.audienceId?.href ?? null;
    if (entry.audience == null) entry.audience = entry.innerAudience;
  } else if (activity instanceof Announce && object != null) {
    entry.innerObjectType = typeName(object);
    entry.innerObjectId = object.id?.href ?? null;
  }
  received.push(entry);
  log(`received ${entry.type} ${id} from ${entry.actor}`);

  if (activity instanceof Follow && activity.objectId?.href === ctx.getActorUri(USER).href) {
    await acceptFollow(ctx, activity);
  }
}

/** Type of one of our own objects (our actor, a note, an activity), without fetching it. */
function localObjectType(ctx, id) {
  if (id === ctx.getActorUri(USER).href) return "Person";
  const key = new URL(id).pathname.split("/").pop();
  if (id === ctx.getObjectUri(Note, { id: key }).href) return notes.has(key) ? "Note" : null;
  if (id === ctx.getObjectUri(Activity, { id: key }).href) return typeName(activities.get(key));
  return null;
}

/** Auto-accepts a Follow of `tester`, as most servers do for unlocked accounts. */
async function acceptFollow(ctx, follow) {
  const follower = await follow.getActor(await loaders(ctx));
  if (follower == null || follower.id == null) {
    log(`cannot accept ${follow.id?.href}: follower not found`);
    return;
  }
  const accept = new Accept({
    id: newActivityId(ctx),
    actor: ctx.getActorUri(USER),
    object: follow,
    to: follower.id,
  });
  // Queued, so Fedify retries if the follower is briefly unreachable.
  await send(ctx, follower, accept, { immediate: false });
}

function newActivityId(ctx) {
  return ctx.getObjectUri(Activity, { id: randomUUID() });
}

/** Sends through Fedify (which signs) and keeps the outcome for GET /control/sent. */
async function send(ctx, recipient, activity, { immediate = true, preferSharedInbox = false } = {}) {
  const record = {
    id: activity.id.href,
    type: typeName(activity),
    to: recipient.id?.href ?? null,
    immediate,
    ok: null,
    at: new Date().toISOString(),
  };
  sent.push(record);
  activities.set(activity.id.pathname.split("/").pop(), activity);
  try {
    await ctx.sendActivity({ identifier: USER }, recipient, activity, { immediate, preferSharedInbox });
    record.ok = true;
  } catch (error) {
    record.ok = false;
    record.error = String(error?.message ?? error);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Control API

class ControlError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function requireString(body, field) {
  const value = body?.[field];
  if (typeof value !== "string" || value.trim() === "") {
    throw new ControlError(400, "MISSING_FIELD", `"${field}" must be a non-empty string`);
  }
  return value.trim();
}

function requireUrl(body, field) {
  const value = requireString(body, field);
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return url;
  } catch {
    // falls through to the refusal below
  }
  throw new ControlError(400, "BAD_URL", `"${field}" must be an http(s) URL`);
}

/** Fetches an actor by id with Fedify, refusing anything that is not an actor. */
async function fetchActor(ctx, url) {
  let actor;
  try {
    actor = await ctx.lookupObject(url.href, { documentLoader: (await loaders(ctx)).documentLoader });
  } catch (error) {
    throw new ControlError(502, "ACTOR_LOOKUP_FAILED", `${url.href}: ${error?.message ?? error}`);
  }
  if (actor == null) throw new ControlError(502, "ACTOR_LOOKUP_FAILED", `${url.href}: not found`);
  if (!isActor(actor)) {
    throw new ControlError(502, "NOT_AN_ACTOR", `${url.href} is a ${typeName(actor)}`);
  }
  return actor;
}

/** "acct:u@h[:p]", "@u@h[:p]" or "u@h[:p]" as an acct: URI string. */
function toAcct(handle) {
  const bare = handle.replace(/^acct:/, "").replace(/^@/, "");
  if (!/^[^@\s/?#]+@[^@\s/?#]+$/.test(bare)) {
    throw new ControlError(400, "BAD_HANDLE", `not a handle: ${handle}`);
  }
  return `acct:${bare}`;
}

async function controlFollow(ctx, body) {
  const handle = requireString(body, "handle");
  let actorUrl;
  let webfinger = null;
  if (/^https?:\/\//.test(handle)) {
    actorUrl = requireUrl(body, "handle");
  } else {
    // Fedify's WebFinger client: https://<host[:port]>/.well-known/webfinger?resource=acct:...
    const acct = toAcct(handle);
    webfinger = await ctx.lookupWebFinger(acct);
    const self = webfinger?.links?.find(
      (link) =>
        link.rel === "self" &&
        (link.type === "application/activity+json" ||
          /^application\/ld\+json;\s*profile="https:\/\/www.w3.org\/ns\/activitystreams"/.test(link.type ?? "")),
    );
    if (self?.href == null) {
      throw new ControlError(
        502,
        "WEBFINGER_FAILED",
        webfinger == null
          ? `no WebFinger answer for ${acct} from https://${acct.split("@").pop()}/.well-known/webfinger ` +
              "(Fedify always asks https for acct: handles; --log-level debug shows why)"
          : `no self link for ${acct}`,
      );
    }
    actorUrl = new URL(self.href);
  }
  const actor = await fetchActor(ctx, actorUrl);
  const follow = new Follow({
    id: newActivityId(ctx),
    actor: ctx.getActorUri(USER),
    object: actor.id,
    to: actor.id,
  });
  await deliver(ctx, actor, follow);
  follows.set(actor.id.href, follow);
  return {
    actor: actor.id.href,
    actorType: typeName(actor),
    inbox: actor.inboxId?.href ?? null,
    sharedInbox: actor.endpoints?.sharedInbox?.href ?? null,
    followId: follow.id.href,
    webfinger,
  };
}

async function controlUndoFollow(ctx, body) {
  const actorUrl = requireUrl(body, "actor");
  const follow = follows.get(actorUrl.href);
  if (follow == null) throw new ControlError(404, "NOT_FOLLOWING", `no Follow sent to ${actorUrl.href}`);
  const actor = await fetchActor(ctx, actorUrl);
  const undo = new Undo({ id: newActivityId(ctx), actor: ctx.getActorUri(USER), object: follow, to: actor.id });
  await deliver(ctx, actor, undo);
  follows.delete(actorUrl.href);
  return { undoId: undo.id.href, followId: follow.id.href };
}

async function controlReply(ctx, body) {
  const inReplyTo = requireUrl(body, "inReplyTo");
  const groupUrl = requireUrl(body, "group");
  const content = requireString(body, "content");
  // FEP-7888: the thread's context, when the test wants the reply to carry it.
  const threadContext = body.context == null ? null : requireUrl(body, "context");
  const group = await fetchActor(ctx, groupUrl);
  const noteKey = randomUUID();
  const noteId = ctx.getObjectUri(Note, { id: noteKey });
  const published = Temporal.Now.instant();
  const note = new Note({
    id: noteId,
    attribution: ctx.getActorUri(USER),
    tos: [PUBLIC_COLLECTION, group.id],
    cc: group.id,
    audience: group.id,
    replyTarget: inReplyTo,
    contexts: threadContext == null ? [] : [threadContext],
    content,
    mediaType: "text/html",
    published,
  });
  notes.set(noteKey, note);
  const create = new Create({
    id: newActivityId(ctx),
    actor: ctx.getActorUri(USER),
    object: note,
    tos: [PUBLIC_COLLECTION, group.id],
    cc: group.id,
    audience: group.id,
    published,
  });
  await deliver(ctx, group, create, body.sharedInbox === true);
  return { createId: create.id.href, noteId: noteId.href };
}

async function controlLike(ctx, body) {
  const object = requireUrl(body, "object");
  const group = await fetchActor(ctx, requireUrl(body, "group"));
  const like = new Like({
    id: newActivityId(ctx),
    actor: ctx.getActorUri(USER),
    object,
    to: group.id,
    audience: group.id,
  });
  await deliver(ctx, group, like, body.sharedInbox === true);
  return { likeId: like.id.href };
}

/**
 * Wraps one of this peer's own activities in an Announce to an actor, as a FEP-1b12 group
 * does. Kinship does not need it; the self-test uses it to exercise the Announce report.
 */
async function controlAnnounce(ctx, body) {
  const objectUrl = requireUrl(body, "object");
  const wrapped = activities.get(objectUrl.pathname.split("/").pop());
  if (wrapped == null || wrapped.id.href !== objectUrl.href) {
    throw new ControlError(404, "UNKNOWN_ACTIVITY", `${objectUrl.href} is not an activity of this peer`);
  }
  const to = await fetchActor(ctx, requireUrl(body, "to"));
  const announce = new Announce({
    id: newActivityId(ctx),
    actor: ctx.getActorUri(USER),
    object: wrapped,
    to: to.id,
    audience: ctx.getActorUri(USER),
  });
  await deliver(ctx, to, announce, false);
  return { announceId: announce.id.href };
}

async function deliver(ctx, recipient, activity, preferSharedInbox = false) {
  try {
    await send(ctx, recipient, activity, { immediate: true, preferSharedInbox });
  } catch (error) {
    throw new ControlError(502, "DELIVERY_FAILED", `${typeName(activity)} to ${recipient.id?.href}: ${error?.message ?? error}`);
  }
}

const controlRoutes = {
  "GET /control/health": (ctx) => ({
    ok: true,
    actor: ctx.getActorUri(USER).href,
    handle: `acct:${USER}@${new URL(origin).host}`,
    origin,
  }),
  "GET /control/received": () => ({
    received: received.map((entry) => ({
      ...entry,
      verifiedBy: verifiedBy(entry.id),
      signatureKeyId: verificationById.get(entry.id)?.keyId ?? null,
    })),
    refused,
  }),
  "GET /control/sent": () => ({ sent }),
  "POST /control/follow": controlFollow,
  "POST /control/undo-follow": controlUndoFollow,
  "POST /control/reply": controlReply,
  "POST /control/like": controlLike,
  "POST /control/announce": controlAnnounce,
};

function isLoopback(address) {
  return address === "::1" || /^(::ffff:)?127\./.test(address ?? "");
}

async function handleControl(req, bodyBuffer) {
  if (!isLoopback(req.socket.remoteAddress)) {
    return [403, { error: "FORBIDDEN", message: "the control API answers loopback only" }];
  }
  const path = new URL(req.url, origin).pathname;
  const route = controlRoutes[`${req.method} ${path}`];
  if (route == null) return [404, { error: "NOT_FOUND", message: `${req.method} ${path}` }];
  let body = null;
  if (req.method === "POST") {
    try {
      body = JSON.parse(bodyBuffer.toString("utf8") || "null");
    } catch {
      return [400, { error: "BAD_JSON", message: "the body is not JSON" }];
    }
    if (body == null || typeof body !== "object" || Array.isArray(body)) {
      return [400, { error: "BAD_JSON", message: "the body must be a JSON object" }];
    }
  }
  try {
    const ctx = federation.createContext(new URL(origin), { unverified: null, errors: [] });
    return [200, await route(ctx, body)];
  } catch (error) {
    if (error instanceof ControlError) {
      log(`control ${path}: ${error.code} ${error.message}`);
      return [error.status, { error: error.code, message: error.message }];
    }
    const logId = randomUUID();
    log(`control ${path} failed [${logId}]: ${error?.stack ?? error}`);
    return [500, { error: "INTERNAL", message: `unexpected error, see the peer's stderr (${logId})` }];
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP server: a thin bridge from node:http to Fedify's fetch-style handler.

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function describeReason(reason) {
  if (reason == null) return null;
  const out = { type: reason.type };
  if (reason.keyId != null) out.keyId = reason.keyId.href;
  if (reason.result != null) {
    out.keyFetch =
      "status" in reason.result
        ? { status: reason.result.status }
        : { error: String(reason.result.error?.message ?? reason.result.error) };
  }
  return out;
}

async function handleFederation(req, bodyBuffer) {
  // The URL as the client saw it: RFC 9421 signatures cover the target URI.
  const url = new URL(req.url, `${scheme}://${req.headers.host ?? new URL(origin).host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value != null) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, { method: req.method, headers, body: hasBody ? bodyBuffer : undefined });

  const isInboxPost = req.method === "POST" && /\/inbox$/.test(url.pathname);
  let json = null;
  if (isInboxPost) {
    try {
      json = JSON.parse(bodyBuffer.toString("utf8"));
      if (typeof json?.id === "string") rawById.set(json.id, json);
    } catch {
      json = null;
    }
  }

  const data = { unverified: null, errors: [] };
  const response = await federation.fetch(request, { contextData: data });

  if (isInboxPost && response.status >= 400) {
    const text = await response.clone().text();
    refused.push({
      id: typeof json?.id === "string" ? json.id : null,
      type: typeof json?.type === "string" ? json.type : null,
      actor: typeof json?.actor === "string" ? json.actor : (json?.actor?.id ?? null),
      inbox: url.pathname,
      status: response.status,
      response: text,
      reason: describeReason(data.unverified?.reason),
      errors: data.errors,
      receivedAt: new Date().toISOString(),
    });
    if (typeof json?.id === "string") rawById.delete(json.id);
    log(`refused inbox POST ${json?.id ?? "(no id)"}: ${response.status} ${text}`);
  }
  return response;
}

async function onRequest(req, res) {
  try {
    const bodyBuffer = await readBody(req);
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/control" || path.startsWith("/control/")) {
      const [status, payload] = await handleControl(req, bodyBuffer);
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(payload));
      return;
    }
    const response = await handleFederation(req, bodyBuffer);
    const outHeaders = {};
    response.headers.forEach((value, name) => {
      outHeaders[name] = value;
    });
    res.writeHead(response.status, outHeaders);
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    const logId = randomUUID();
    log(`request ${req.method} ${req.url} failed [${logId}]: ${error?.stack ?? error}`);
    if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: "INTERNAL", message: `unexpected error (${logId})` }));
  }
}

const server = tls
  ? https.createServer({ cert: readFileSync(opts["tls-cert"]), key: readFileSync(opts["tls-key"]) }, onRequest)
  : http.createServer(onRequest);

// Loopback only: the control API must never be reachable from elsewhere.
server.listen(port, "127.0.0.1", () => {
  const actualPort = server.address().port;
  origin = opts.origin ?? `${scheme}://${opts["origin-host"]}:${actualPort}`;
  origin = new URL(origin).origin;
  federation = buildFederation();
  federation.startQueue({ unverified: null, errors: [] }, { signal: queueStop.signal }).catch((error) => {
    if (!queueStop.signal.aborted) log(`queue stopped: ${error?.stack ?? error}`);
  });
  process.stdout.write(`PEER_READY ${origin}\n`);
});
server.on("error", (error) => {
  log(`cannot listen: ${error.message}`);
  process.exit(1);
});

const queueStop = new AbortController();

function stop(why) {
  log(`stopping (${why})`);
  queueStop.abort();
  server.close();
  server.closeAllConnections?.();
  process.exit(0);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
if (opts["exit-on-stdin-eof"]) {
  // A test that dies without stopping us closes our stdin: do not outlive it.
  process.stdin.on("end", () => stop("stdin closed"));
  process.stdin.on("error", () => stop("stdin error"));
  process.stdin.resume();
}
