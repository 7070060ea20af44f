//! The Worker: reads bindings at the edge of the handler, runs the pipeline modules in the
//! issue's order, and turns every outcome into a response with security headers and one audit
//! line. Also the `RateLimiter` Durable Object (one instance per principal). The deletion
//! route and the audit sinks are in the submodules.

mod body;
mod delete_route;
mod sinks;
mod webcrypto;

use core::cell::RefCell;
use core::time::Duration;
use std::rc::Rc;
use std::sync::LazyLock;

use std::collections::{BTreeMap, BTreeSet};

use chatguard::auth::{AuthError, Claims, JwksCache, JwksResponse, JwtVerifier, MAX_JWKS_LEN};
use chatguard::{Guard, Policy, UnixTime, Vault};
use futures_util::future::{join, select, Either};
use futures_util::{stream, StreamExt};
use worker::wasm_bindgen_futures::JsFuture;
use worker::worker_sys::web_sys;
use worker::{
    console_error, console_log, event, js_sys, AbortController, ByteStream, Date, Delay, Env,
    Fetch, Headers, Response, State, Stub,
};

use chatguard::inject::canary::Canary;
use wasm_bindgen::{JsCast, JsValue};

use crate::audit::{principal_hash, AuditEvent, Decision};
use crate::authn::{
    anonymous, jwt_step, presented, principal_from_claims, verify_api_key, AuthFailure,
    Credentials, JwtStep, Presented, Principal,
};
use crate::canary;
use crate::chain::Chain;
use crate::config::{Config, ConfigError};
use crate::deletion::{self, CONVERSATION_HEADER};
use crate::error::ApiError;
use crate::filter::{filter_response, redact_request, Tally};
use crate::http::{self, Target, CONSENT_HEADER, FORWARDED_REQUEST_HEADERS, SECURITY_HEADERS};
use crate::injection;
use crate::memo::Memo;
use crate::output::{self, OutputPolicy};
use crate::ratelimit::{object_name, Ask, Verdict as RateVerdict, Window};
use crate::rbac::{authorize, strip_request_tool_calls, strip_response_tool_calls};
use crate::roles::{Role, Roles};
use crate::shape::{self, ChatRequest};
use crate::sse::{error_event, SseFilter};
use crate::verified::VerifiedTokens;
use body::{read_limited, response_bytes};
use sinks::{AuditRecord, Sinks};

/// The policy bundled at build time.
const BUNDLED_POLICY: &str = include_str!("../../tests/policies/default.json");
/// The largest JSON answer the edge reads from the origin.
const MAX_ANSWER_BYTES: usize = 4 * 1024 * 1024;

/// A policy compiled into a guard plus its parsed roles.
struct Compiled {
    guard: Guard,
    roles: Roles,
}

fn compile(text: &str) -> Result<Compiled, String> {
    let policy = Policy::from_json(text).map_err(|e| e.to_string())?;
    let roles = Roles::parse(&policy.roles).map_err(|e| e.to_string())?;
    let guard = Guard::new(policy).map_err(|e| e.to_string())?;
    Ok(Compiled { guard, roles })
}

static BUNDLED: LazyLock<Result<Compiled, String>> = LazyLock::new(|| compile(BUNDLED_POLICY));

thread_local! {
    /// The last policy read from `POLICY` or `POLICY_KV`, compiled once per isolate.
    static OVERRIDE: RefCell<Option<(String, &'static Compiled)>> = const { RefCell::new(None) };
}

async fn compiled(env: &Env) -> Result<&'static Compiled, String> {
    let mut text = None;
    if let Ok(kv) = env.kv("POLICY_KV") {
        text = kv
            .get("policy")
            .text()
            .await
            .map_err(|_| "POLICY_KV: read failed".to_owned())?;
    }
    if text.is_none() {
        text = env
            .var("POLICY")
            .ok()
            .map(|v| v.to_string())
            .filter(|t| !t.trim().is_empty());
    }
    let Some(text) = text else {
        return BUNDLED.as_ref().map_err(Clone::clone);
    };
    if let Some(hit) = OVERRIDE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(t, _)| *t == text)
            .map(|(_, compiled)| *compiled)
    }) {
        return Ok(hit);
    }
    // Leaked once per distinct policy text per isolate: the policy changes on redeploy or KV
    // edit, not per request.
    let fresh: &'static Compiled = Box::leak(Box::new(compile(&text)?));
    OVERRIDE.with(|c| *c.borrow_mut() = Some((text, fresh)));
    Ok(fresh)
}

fn setting(env: &Env, name: &str) -> Option<String> {
    env.secret(name)
        .map(|s| s.to_string())
        .or_else(|_| env.var(name).map(|v| v.to_string()))
        .ok()
}

thread_local! {
    /// The settings, read from the bindings once per isolate: vars and secrets do not change
    /// while an isolate lives (a new deployment or secret starts new isolates).
    static SETTINGS: core::cell::OnceCell<Rc<Result<Config, ConfigError>>> =
        const { core::cell::OnceCell::new() };
}

fn settings(env: &Env) -> Rc<Result<Config, ConfigError>> {
    SETTINGS.with(|cell| {
        Rc::clone(cell.get_or_init(|| Rc::new(Config::from_lookup(|name| setting(env, name)))))
    })
}

fn now_ms() -> u64 {
    Date::now().as_millis()
}

fn request_id() -> String {
    const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";
    (0..16)
        .map(|_| {
            let i = (js_sys::Math::random() * 32.0) as usize;
            char::from(ALPHABET[i.min(31)])
        })
        .collect()
}

thread_local! {
    /// The runtime's `crypto` object and its `getRandomValues`, looked up once per isolate
    /// (reading `crypto` off the global scope was most of a call's cost).
    static CSPRNG: Option<(JsValue, js_sys::Function)> = {
        let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok();
        crypto.and_then(|crypto| {
            let get_random_values = js_sys::Reflect::get(&crypto, &"getRandomValues".into())
                .ok()?
                .dyn_into()
                .ok()?;
            Some((crypto, get_random_values))
        })
    };
}

/// `N` bytes from the runtime's CSPRNG (WebCrypto `crypto.getRandomValues`), or `None` when the
/// runtime has none (the caller fails closed).
fn random_bytes<const N: usize>() -> Option<[u8; N]> {
    let array = js_sys::Uint8Array::new_with_length(u32::try_from(N).ok()?);
    CSPRNG.with(|csprng| {
        let (crypto, get_random_values) = csprng.as_ref()?;
        get_random_values.call1(crypto, &array).ok()
    })?;
    let mut out = [0u8; N];
    array.copy_to(&mut out);
    Some(out)
}

type Audit = Rc<AuditRecord>;

thread_local! {
    /// This isolate's audit chain (`AUDIT_CHAIN=on`), started on its first line.
    static CHAIN: RefCell<Option<Chain>> = const { RefCell::new(None) };
}

/// Writes the audit line, linked into the isolate's chain when `chain_key` is set, and sends
/// the event to the bound sinks.
fn log_audit(event: &mut AuditEvent, chain_key: Option<&str>, sinks: &Sinks) {
    let line = match chain_key {
        Some(key) => CHAIN.with(|chain| {
            chain
                .borrow_mut()
                .get_or_insert_with(|| {
                    let id = random_bytes::<10>()
                        .map(|b| crate::audit::base32(&b))
                        .unwrap_or_else(request_id);
                    Chain::new(id)
                })
                .seal(key, event)
        }),
        None => event.line(),
    };
    console_log!("{line}");
    sinks.send(event, &line);
}

/// The key audit lines are chained with, when the chain is on.
fn chain_key(config: &Config) -> Option<String> {
    config
        .audit_chain
        .then(|| config.audit_key.clone())
        .flatten()
}

/// The caller's request, read straight from the runtime's object: workers-rs's `Request` also
/// reads the method, URL, headers and `cf` properties of every request it wraps, and the
/// runtime builds the `cf` object anew on each read.
struct Incoming {
    inner: web_sys::Request,
    headers: web_sys::Headers,
}

impl Incoming {
    fn new(inner: web_sys::Request) -> Incoming {
        let headers = inner.headers();
        Incoming { inner, headers }
    }

    /// A header's value, `None` when it is absent.
    fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).ok().flatten()
    }

    fn method(&self) -> String {
        self.inner.method()
    }

    fn path(&self) -> String {
        http::url_path(&self.inner.url()).to_owned()
    }
}

#[event(fetch)]
async fn fetch(req: web_sys::Request, env: Env, ctx: worker::Context) -> worker::Result<Response> {
    let req = Incoming::new(req);
    let started = now_ms();
    let id = request_id();
    let config = settings(&env);
    let route = http::audit_route(&req.path(), config.as_ref().as_ref().ok());
    let audit: Audit = Rc::new(AuditRecord::new(
        AuditEvent::new(started, id.clone(), &route),
        Sinks::from_env(&env, ctx),
    ));
    let origin_header = req.header("Origin");
    let mut cors = None;
    let outcome = match &*config {
        Ok(config) => match http::cors_origin(origin_header.as_deref(), config) {
            Ok(allowed) => {
                cors = allowed.map(str::to_owned);
                handle(req, &env, config, &audit, started).await
            }
            Err(e) => Err(e),
        },
        Err(e) => {
            console_error!("chatguard-edge: configuration error: {e}");
            audit.borrow_mut().rules.insert("config".into());
            Err(ApiError::internal())
        }
    };
    let (mut response, preflight, streaming) = match outcome {
        Ok(Reply::Done(r)) => (r, false, false),
        Ok(Reply::Preflight) => (Response::empty()?.with_status(204), true, false),
        Ok(Reply::Streaming(r)) => (r, false, true),
        Err(e) => {
            let mut a = audit.borrow_mut();
            a.rules.insert(e.code.to_owned());
            a.decision = if e.status >= 500 {
                Decision::Error
            } else {
                Decision::Deny
            };
            (error_response(&e)?, false, false)
        }
    };
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.set(name, value)?;
    }
    headers.set("X-Request-Id", &id)?;
    if let Some(origin) = cors {
        for (name, value) in http::cors_headers(&origin, preflight) {
            headers.set(name, &value)?;
        }
    }
    let mut a = audit.borrow_mut();
    a.status = response.status_code();
    a.latency_ms = now_ms().saturating_sub(started);
    if !streaming {
        let key = config.as_ref().as_ref().ok().and_then(chain_key);
        log_audit(&mut a, key.as_deref(), &audit.sinks);
    }
    Ok(response)
}

fn error_response(e: &ApiError) -> worker::Result<Response> {
    let mut r = Response::from_bytes(e.body().into_bytes())?.with_status(e.status);
    r.headers_mut()
        .set("Content-Type", "application/json; charset=utf-8")?;
    if let Some(secs) = e.retry_after {
        r.headers_mut().set("Retry-After", &secs.to_string())?;
    }
    if e.status == 401 {
        // RFC 6750 §3, without an error description: the reason stays in the audit line.
        r.headers_mut().set("WWW-Authenticate", "Bearer")?;
    }
    Ok(r)
}

enum Reply {
    Done(Response),
    Preflight,
    Streaming(Response),
}

fn internal(context: &str, e: impl core::fmt::Display) -> ApiError {
    console_error!("chatguard-edge: {context}: {e}");
    ApiError::internal()
}

async fn handle(
    req: Incoming,
    env: &Env,
    config: &Config,
    audit: &Audit,
    started: u64,
) -> Result<Reply, ApiError> {
    // 1. Route and method (CORS origin was checked by the caller).
    let method = req.method();
    let path = req.path();
    let api = match http::target(&method, &path, config)? {
        Target::Health => {
            return json_reply(200, &serde_json::json!({"status": "ok"})).map(Reply::Done)
        }
        Target::Preflight => return Ok(Reply::Preflight),
        Target::Api(api) => api,
        Target::Deletion(id) => {
            return delete_route::handle(req, env, config, audit, started, id).await
        }
    };
    // 2. Size before buffering.
    let body = read_limited(&req, config.max_body_bytes).await?;
    audit.borrow_mut().bytes_in = body.len() as u64;
    // 3. Authentication.
    let now = UnixTime(started / 1000);
    let (compiled, principal, role) = identify(&req, env, config, audit, now).await?;
    let header = |name: &str| req.header(name);
    // Validation comes before RBAC so the role can be checked against what was asked.
    // 6. Validation (shape, limits; the conversation id the origin receives).
    let content_type = header("Content-Type");
    let mut request = shape::parse(&api, content_type.as_deref(), &body)?;
    if let Some(conversation) = header(CONVERSATION_HEADER) {
        deletion::conversation_id(&conversation)?;
    }
    // 4. Authorization.
    authorize(role, &path, &request)?;
    let removed = strip_request_tool_calls(&mut request.body, &role.tools);
    if removed > 0 {
        audit.borrow_mut().tool_calls_removed += removed as u32;
        let again = serde_json::to_vec(&request.body).map_err(|e| internal("reserialize", e))?;
        request = shape::parse(&api, content_type.as_deref(), &again)?;
    }
    // 5. Rate limits: the principal's Durable Object decides while this isolate scores and
    // redacts the request (steps 7-9). Nothing is forwarded before the decision (fail closed),
    // and a refusal wins over whatever the other steps found.
    let ask = Ask {
        now: now.0,
        tokens: request.estimated_tokens(role.max_tokens),
        limit: role.rate_limit.into(),
    };
    let limiter = rate_limiter(env, config, &principal.id, role)?;
    let preparing = async {
        // One turn of the event loop, so the rate-limit call is on its way before the CPU work.
        Delay::from(Duration::ZERO).await;
        let caller = Caller {
            compiled,
            role,
            principal: &principal.id,
            api: &api,
            now,
        };
        prepare(&req, config, &caller, &mut request, audit)
    };
    let (admitted, prepared) = join(rate_limit(&limiter, ask), preparing).await;
    admitted?;
    let Prepared {
        flags,
        output,
        cx,
        vault,
        canary,
    } = prepared?;
    // 10. Forward.
    let origin = forward(&req, config, &path, &request, &flags, audit).await?;
    let answering = Answering {
        compiled,
        cx,
        vault,
        role,
        canary,
        output,
    };
    answer(origin, answering, config, audit).await
}

thread_local! {
    /// What this isolate knows about texts it has scored, and under which compiled policy.
    static MEMO: RefCell<Option<(usize, Memo)>> = const { RefCell::new(None) };
}

/// Runs `f` with the isolate's memo for `compiled`, starting a fresh one when the policy changed.
/// (Compiled policies are never freed, so their addresses identify them.)
fn with_memo<T>(compiled: &'static Compiled, f: impl FnOnce(&mut Memo) -> T) -> T {
    let id = core::ptr::from_ref(compiled) as usize;
    MEMO.with(|cell| {
        let mut cell = cell.borrow_mut();
        let memo = match &mut *cell {
            Some((known, memo)) if *known == id => memo,
            slot => {
                // Keys never leave memory; the salt only unlinks them from the texts.
                let salt = random_bytes::<16>().unwrap_or_default();
                &mut slot.insert((id, Memo::new(salt))).1
            }
        };
        f(memo)
    })
}

/// What steps 7-9 produce for forwarding and for filtering the answer.
struct Prepared {
    flags: Vec<(&'static str, String)>,
    output: OutputPolicy,
    cx: chatguard::Context,
    vault: Vault,
    canary: Option<Canary>,
}

/// Who is asking, under which policy and route: what steps 7-9 read besides the request.
struct Caller<'a> {
    compiled: &'static Compiled,
    role: &'a Role,
    principal: &'a str,
    api: &'a shape::Api,
    now: UnixTime,
}

/// Steps 7-9 on the validated request: injection scoring (block or flag), consent, redaction
/// with per-request pseudonyms, and the output side's canary and system-prompt check.
fn prepare(
    req: &Incoming,
    config: &Config,
    caller: &Caller<'_>,
    request: &mut ChatRequest,
    audit: &Audit,
) -> Result<Prepared, ApiError> {
    let &Caller {
        compiled,
        role,
        principal,
        api,
        now,
    } = caller;
    // 7. Injection: block above the policy threshold, flag for the origin in between. Each
    // text is hashed once for the memo, for this step and redaction.
    let (assessment, keys) = with_memo(compiled, |memo| {
        let keys = memo.keys_for(principal, request);
        (
            injection::assess(&compiled.guard, request, memo, &keys),
            keys,
        )
    });
    {
        let mut a = audit.borrow_mut();
        a.injection = Some(assessment.score.milli());
        a.rules
            .extend(assessment.rules.iter().map(|r| (*r).to_owned()));
    }
    if assessment.verdict == chatguard::InjectionVerdict::Block {
        return Err(injection::Assessment::refusal());
    }
    // The answer is checked against the system prompt the caller sent (before redaction).
    let output = OutputPolicy::for_request(config, &output::system_prompt(api, &request.body));
    // 8 + 9. Consent and redaction.
    let consent = match req.header(CONSENT_HEADER) {
        Some(h) => Some(http::parse_consent(&h, &compiled.guard)?),
        None => None,
    };
    let mut granted = chatguard::CategorySet::EMPTY;
    if let Some(c) = &consent {
        granted = role.unredacted.intersect(c.categories);
        audit.borrow_mut().consent = Some(c.record.clone());
    }
    let cx = chatguard::Context { now, granted };
    let mut vault = Vault::new();
    let mut tally = Tally::default();
    with_memo(compiled, |memo| {
        redact_request(
            &compiled.guard,
            &cx,
            request,
            &mut vault,
            &mut tally,
            memo,
            &keys,
        )
    })?;
    audit.borrow_mut().add_tally(&tally);
    // Output side: a fresh canary appended to the system prompt the origin sees.
    let mut canary = None;
    if config.canary {
        let random = random_bytes::<{ Canary::RANDOM_BYTES }>()
            .ok_or_else(|| internal("canary", "no CSPRNG"))?;
        let fresh = Canary::from_random(random);
        if canary::plant(api, &mut request.body, &fresh) {
            canary = Some(fresh);
        }
    }
    Ok(Prepared {
        flags: assessment.flag_headers(),
        output,
        cx,
        vault,
        canary,
    })
}

/// Step 3, shared by every API route: the principal (authenticated, or the anonymous tier) and
/// its role, both recorded in the audit event.
async fn identify(
    req: &Incoming,
    env: &Env,
    config: &Config,
    audit: &Audit,
    now: UnixTime,
) -> Result<(&'static Compiled, Principal, &'static Role), ApiError> {
    let compiled = compiled(env).await.map_err(|e| internal("policy", e))?;
    let header = |name: &str| req.header(name);
    let (authorization, api_key, access, ip) = (
        header("Authorization"),
        header("X-Api-Key"),
        header("Cf-Access-Jwt-Assertion"),
        header("CF-Connecting-IP"),
    );
    let credentials = Credentials {
        authorization: authorization.as_deref(),
        api_key: api_key.as_deref(),
        access_assertion: access.as_deref(),
        client_ip: ip.as_deref(),
    };
    let principal = authenticate(&credentials, config, &compiled.roles, now)
        .await
        .map_err(|f| {
            audit.borrow_mut().rules.insert(f.rule());
            if f.is_unavailable() {
                ApiError::new(
                    503,
                    "jwks_unavailable",
                    "the signing keys could not be fetched; retry later",
                )
            } else {
                ApiError::unauthorized()
            }
        })?;
    let role: &'static Role = compiled.roles.get(&principal.role).ok_or_else(|| {
        ApiError::forbidden("unknown_role", "the caller's role is not configured")
    })?;
    {
        let mut a = audit.borrow_mut();
        a.principal = principal_hash(config.audit_key.as_deref(), &principal.id);
        a.role = Some(role.name.clone());
    }
    Ok((compiled, principal, role))
}

/// How long the JWKS URL has to answer.
const JWKS_TIMEOUT_MS: u64 = 5_000;

/// How often a request that found no key polls while another request fetches the JWKS.
const JWKS_WAIT_STEP_MS: u64 = 20;

thread_local! {
    /// The JWKS of each configured URL, cached per isolate (at most one fetch per 30 s each).
    static JWKS: RefCell<BTreeMap<String, JwksCache>> = const { RefCell::new(BTreeMap::new()) };
    /// Tokens this isolate verified, reused while their key set has not been fetched again.
    static VERIFIED: RefCell<VerifiedTokens> = RefCell::new(VerifiedTokens::new());
    /// The JWKS URLs a request of this isolate is fetching right now.
    static JWKS_IN_FLIGHT: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Marks a JWKS fetch in flight for as long as it lives (also when the request is dropped).
struct InFlight(String);

impl InFlight {
    fn start(url: &str) -> InFlight {
        JWKS_IN_FLIGHT.with(|set| set.borrow_mut().insert(url.to_owned()));
        InFlight(url.to_owned())
    }

    fn is_fetching(url: &str) -> bool {
        JWKS_IN_FLIGHT.with(|set| set.borrow().contains(url))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        JWKS_IN_FLIGHT.with(|set| set.borrow_mut().remove(&self.0));
    }
}

/// Establishes the principal: the one presented credential verified, or the anonymous tier.
async fn authenticate(
    credentials: &Credentials<'_>,
    config: &Config,
    roles: &Roles,
    now: UnixTime,
) -> Result<Principal, AuthFailure> {
    let auth = &config.auth;
    match presented(credentials)? {
        None => anonymous(credentials, roles),
        Some(Presented::ApiKey(key)) => verify_api_key(key, &auth.api_keys),
        Some(Presented::Jwt(token)) => {
            let verifier = auth.jwt.as_ref().ok_or(AuthFailure::Unverifiable)?;
            let claims = verify_jwt("jwt", verifier, token, auth.jwks_url.as_deref(), now).await;
            principal_from_claims(&claims.map_err(AuthFailure::Token)?, roles, "jwt")
        }
        Some(Presented::Access(token)) => {
            let verifier = auth.access.as_ref().ok_or(AuthFailure::Unverifiable)?;
            let url = auth.access_certs_url.as_deref();
            let claims = verify_jwt("access", verifier, token, url, now).await;
            principal_from_claims(&claims.map_err(AuthFailure::Token)?, roles, "access")
        }
    }
}

/// Verifies a JWT, fetching the JWKS of `jwks_url` when the per-isolate cache says so (at most
/// twice per request, and at most once per 30 s per URL). A request that finds no key while
/// another request of the isolate is fetching them waits for that fetch (up to the fetch
/// timeout) instead of failing with 503: concurrent first requests after a cold start all pass.
async fn verify_jwt(
    kind: &str,
    verifier: &JwtVerifier,
    token: &str,
    jwks_url: Option<&str>,
    now: UnixTime,
) -> Result<Claims, AuthError> {
    let key = VerifiedTokens::key(kind, verifier.issuer(), jwks_url, token);
    // Only while the key set is fresh: a stale one is refreshed as if nothing were cached.
    let keys_fresh = jwks_url.is_none_or(|url| {
        JWKS.with(|caches| caches.borrow().get(url).is_some_and(|c| c.is_fresh(now)))
    });
    if keys_fresh {
        if let Some(claims) = VERIFIED.with(|v| v.borrow().get(&key, now).cloned()) {
            return Ok(claims);
        }
    }
    let result = verify_jwt_fully(verifier, token, jwks_url, now).await;
    if let Ok(claims) = &result {
        VERIFIED.with(|v| v.borrow_mut().insert(key, claims.clone(), now));
    }
    result
}

/// [`verify_jwt`] without the cache of verified tokens.
async fn verify_jwt_fully(
    verifier: &JwtVerifier,
    token: &str,
    jwks_url: Option<&str>,
    now: UnixTime,
) -> Result<Claims, AuthError> {
    let mut fetches = 0;
    let mut waited_ms = 0;
    loop {
        let step = JWKS.with(|caches| {
            let mut caches = caches.borrow_mut();
            let cache = jwks_url.map(|url| caches.entry(url.to_owned()).or_default());
            jwt_step(verifier, token, cache, now, fetches < 2)
        });
        match (step, jwks_url) {
            (JwtStep::Done(Err(AuthError::KeysUnavailable)), Some(url))
                if waited_ms < JWKS_TIMEOUT_MS && InFlight::is_fetching(url) =>
            {
                Delay::from(Duration::from_millis(JWKS_WAIT_STEP_MS)).await;
                waited_ms += JWKS_WAIT_STEP_MS;
                continue;
            }
            (JwtStep::Done(result), _) => return result,
            (JwtStep::CheckSignature(pending), _) => {
                let valid = webcrypto::verify(
                    pending.alg,
                    &pending.public,
                    &pending.signature,
                    &pending.signing_input,
                )
                .await;
                return verifier.accept(pending.payload, valid, now);
            }
            (JwtStep::Fetch, None) => return Err(AuthError::KeysUnavailable),
            (JwtStep::Fetch, Some(_)) => {}
        }
        fetches += 1;
        let Some(url) = jwks_url else {
            return Err(AuthError::KeysUnavailable);
        };
        let in_flight = InFlight::start(url);
        let fetched = fetch_jwks(url).await;
        drop(in_flight);
        // The keys were looked at again: tokens verified before must be verified again.
        VERIFIED.with(|v| v.borrow_mut().new_generation());
        JWKS.with(|caches| {
            let mut caches = caches.borrow_mut();
            let cache = caches.entry(url.to_owned()).or_default();
            match &fetched {
                Some((status, cache_control, body)) => {
                    let response = JwksResponse {
                        status: *status,
                        cache_control: cache_control.as_deref(),
                        body,
                    };
                    if let Err(e) = cache.fetched(now, response) {
                        console_error!("chatguard-edge: JWKS not usable: {e}");
                    }
                }
                None => cache.fetch_failed(now),
            }
        });
    }
}

/// GETs a JWKS: status, `Cache-Control` and the body (at most [`MAX_JWKS_LEN`] bytes), or
/// `None` when it could not be read in time.
async fn fetch_jwks(url: &str) -> Option<(u16, Option<String>, String)> {
    let target = worker::Url::parse(url).ok()?;
    let reading = Box::pin(async move {
        let mut response = Fetch::Url(target).send().await.ok()?;
        let status = response.status_code();
        let cache_control = response.headers().get("Cache-Control").ok().flatten();
        let mut body = Vec::new();
        let mut chunks = response.stream().ok()?;
        while let Some(chunk) = chunks.next().await {
            let chunk = chunk.ok()?;
            if body.len() + chunk.len() > MAX_JWKS_LEN {
                return None;
            }
            body.extend_from_slice(&chunk);
        }
        Some((status, cache_control, String::from_utf8(body).ok()?))
    });
    let timeout = Delay::from(Duration::from_millis(JWKS_TIMEOUT_MS));
    match select(reading, timeout).await {
        Either::Left((result, _)) => {
            if result.is_none() {
                console_error!("chatguard-edge: JWKS could not be fetched");
            }
            result
        }
        Either::Right(_) => {
            console_error!("chatguard-edge: JWKS fetch timed out");
            None
        }
    }
}

fn json_reply(status: u16, value: &serde_json::Value) -> Result<Response, ApiError> {
    let mut r = Response::from_bytes(value.to_string().into_bytes())
        .map_err(|e| internal("response", e))?
        .with_status(status);
    r.headers_mut()
        .set("Content-Type", "application/json; charset=utf-8")
        .map_err(|e| internal("headers", e))?;
    Ok(r)
}

/// The principal's rate-limit Durable Object (one per role and principal, named by a hash), as
/// the runtime's stub: [`rate_limit`] calls its `fetch` directly.
fn rate_limiter(
    env: &Env,
    config: &Config,
    principal_id: &str,
    role: &Role,
) -> Result<worker::worker_sys::DurableObject, ApiError> {
    let namespace = env
        .durable_object("RATE_LIMITER")
        .map_err(|e| internal("RATE_LIMITER binding", e))?;
    let name = object_name(config.audit_key.as_deref(), &role.name, principal_id);
    namespace
        .get_by_name(&name)
        .map(Stub::into_rpc)
        .map_err(|e| internal("rate limiter stub", e))
}

/// Asks the principal's object to admit a request: `Ok` when admitted, 429 when over the
/// limit, 500 when it could not be asked or answered anything else (fail closed). The ask goes
/// in the URL of a bodiless `GET` and the verdict comes back as the status (see
/// [`crate::ratelimit`]). The answer is read straight from the runtime's object — its status,
/// and `Retry-After` only on a refusal: workers-rs's `Response` would also read its headers,
/// body, `webSocket` and `cf` first.
async fn rate_limit(stub: &worker::worker_sys::DurableObject, ask: Ask) -> Result<(), ApiError> {
    let url = format!("https://rate-limiter/admit?{}", ask.to_query());
    let asking = stub
        .fetch_with_str(&url)
        .map_err(|e| internal("rate limiter", worker::Error::from(e)))?;
    let resp: web_sys::Response = JsFuture::from(asking)
        .await
        .and_then(JsCast::dyn_into)
        .map_err(|e| internal("rate limiter", worker::Error::from(e)))?;
    let status = resp.status();
    let retry_after = if status == crate::ratelimit::REFUSED {
        resp.headers().get("Retry-After").ok().flatten()
    } else {
        None
    };
    let verdict = RateVerdict::from_status(status, retry_after.as_deref())
        .ok_or_else(|| internal("rate verdict", format!("status {status}")))?;
    if verdict.allowed {
        return Ok(());
    }
    let mut e = ApiError::new(429, "rate_limited", "too many requests; retry later");
    e.retry_after = Some(verdict.retry_after);
    Err(e)
}

async fn forward(
    req: &Incoming,
    config: &Config,
    path: &str,
    request: &ChatRequest,
    flags: &[(&str, String)],
    audit: &Audit,
) -> Result<Response, ApiError> {
    let headers = origin_headers(config, audit)?;
    for (name, value) in flags {
        headers
            .set(name, value)
            .map_err(|e| internal("headers", e))?;
    }
    for name in FORWARDED_REQUEST_HEADERS {
        if let Some(value) = req.header(name) {
            headers
                .set(name, &value)
                .map_err(|e| internal("headers", e))?;
        }
    }
    headers
        .set("Content-Type", "application/json")
        .map_err(|e| internal("headers", e))?;
    let body = serde_json::to_string(&request.body).map_err(|e| internal("serialize", e))?;
    let url = format!("{}{}", config.origin_url, path);
    let outbound = Outbound {
        url: &url,
        method: "POST",
        headers: &headers,
        body: Some(&body),
    };
    send_to_origin(&outbound, config.origin_timeout_ms).await
}

/// A request to the origin.
struct Outbound<'a> {
    url: &'a str,
    method: &'a str,
    headers: &'a Headers,
    body: Option<&'a str>,
}

/// What every request to the origin carries: the origin credential and the request id.
fn origin_headers(config: &Config, audit: &Audit) -> Result<Headers, ApiError> {
    let headers = Headers::new();
    if let Some(key) = &config.origin_api_key {
        headers
            .set("Authorization", &format!("Bearer {key}"))
            .map_err(|e| internal("headers", e))?;
    }
    headers
        .set("X-Request-Id", &audit.borrow().request_id)
        .map_err(|e| internal("headers", e))?;
    Ok(headers)
}

/// Sends a request to the origin; unreachable → 502, no answer within `timeout_ms` → 504. A
/// redirect is never followed (it would carry the origin credential and the body to wherever
/// it points) but refused → 502.
///
/// The runtime's `fetch(url, init)` is called with the options directly: no `Request` object is
/// built first (workers-rs's `Request` also copies the headers and reads back the method, URL,
/// headers and `cf` of each one it wraps).
async fn send_to_origin(outbound: &Outbound<'_>, timeout_ms: u64) -> Result<Response, ApiError> {
    let controller = AbortController::default();
    let signal = controller.signal();
    let init = web_sys::RequestInit::new();
    init.set_method(outbound.method);
    init.set_headers(&outbound.headers.0);
    if let Some(body) = outbound.body {
        init.set_body(&JsValue::from_str(body));
    }
    init.set_redirect(web_sys::RequestRedirect::Manual);
    init.set_signal(Some(&signal));
    let global: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let fetching = JsFuture::from(global.fetch_with_str_and_init(outbound.url, &init));
    let sending = Box::pin(async move {
        let answer = fetching.await.map_err(worker::Error::from)?;
        let answer: web_sys::Response = answer.dyn_into().map_err(worker::Error::from)?;
        Ok::<Response, worker::Error>(Response::from(answer))
    });
    let timeout = Delay::from(Duration::from_millis(timeout_ms));
    let raced = select(sending, timeout).await;
    let result = match raced {
        Either::Left((Ok(response), _)) if (300..400).contains(&response.status_code()) => {
            console_error!("chatguard-edge: the origin answered with a redirect");
            Err(ApiError::new(
                502,
                "origin_redirect",
                "the origin answered with a redirect, which is not followed",
            ))
        }
        Either::Left((Ok(response), _)) => Ok(response),
        Either::Left((Err(e), _)) => {
            console_error!("chatguard-edge: origin unreachable: {e}");
            Err(ApiError::new(
                502,
                "origin_unreachable",
                "the origin could not be reached",
            ))
        }
        Either::Right(((), _)) => {
            controller.abort();
            Err(ApiError::new(
                504,
                "origin_timeout",
                "the origin did not answer in time",
            ))
        }
    };
    result
}

/// What the answer is filtered with.
struct Answering<'r> {
    compiled: &'static Compiled,
    cx: chatguard::Context,
    vault: Vault,
    role: &'r Role,
    canary: Option<Canary>,
    output: OutputPolicy,
}

async fn answer(
    mut origin: Response,
    answering: Answering<'_>,
    config: &Config,
    audit: &Audit,
) -> Result<Reply, ApiError> {
    let Answering {
        compiled,
        cx,
        vault,
        role,
        canary,
        output,
    } = answering;
    let status = origin.status_code();
    // The origin refusing the edge's own credential is the edge's failure, not the caller's:
    // its body (which may quote part of the key) and its 401 never reach the caller.
    if status >= 500 || matches!(status, 401 | 407) {
        return Err(ApiError::new(
            502,
            "origin_error",
            "the origin failed to answer",
        ));
    }
    let content_type = origin
        .headers()
        .get("Content-Type")
        .ok()
        .flatten()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if content_type.starts_with("text/event-stream") {
        let body = origin.stream().map_err(|e| internal("origin stream", e))?;
        let mut filter =
            SseFilter::new(&compiled.guard, cx, vault, role.tools.clone()).with_output(output);
        if let Some(c) = canary {
            filter = filter.with_canary(c);
        }
        audit.borrow_mut().stream = true;
        let out = stream_answer(
            body,
            filter,
            Rc::clone(audit),
            config.origin_timeout_ms,
            chain_key(config),
        );
        let mut r = Response::from_stream(out)
            .map_err(|e| internal("stream", e))?
            .with_status(status);
        r.headers_mut()
            .set("Content-Type", "text/event-stream; charset=utf-8")
            .map_err(|e| internal("headers", e))?;
        return Ok(Reply::Streaming(r));
    }
    let invalid = || {
        ApiError::new(
            502,
            "origin_invalid_response",
            "the origin's answer could not be checked",
        )
    };
    if !content_type.starts_with("application/json") {
        return Err(invalid());
    }
    let bytes = response_bytes(&origin, MAX_ANSWER_BYTES)
        .await
        .map_err(|_| invalid())?;
    let mut body: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    if canary.as_ref().is_some_and(|c| canary::leaked_in(c, &body)) {
        audit.borrow_mut().rules.insert(canary::RULE.to_owned());
        return Err(ApiError::new(
            502,
            "blocked_response",
            "the answer was stopped by the filter",
        ));
    }
    let removed = strip_response_tool_calls(&mut body, &role.tools);
    let mut tally = Tally::default();
    filter_response(&compiled.guard, &cx, &mut body, &vault, &mut tally)?;
    let mut output_rules = Vec::new();
    let copied_prompt = output.check_json(&mut body, &mut output_rules);
    let neutralised = !output_rules.is_empty();
    tally.rules.extend(output_rules);
    if copied_prompt && output.block_fragments {
        audit.borrow_mut().add_tally(&tally);
        return Err(ApiError::new(
            502,
            "blocked_response",
            "the answer was stopped by the filter",
        ));
    }
    {
        let mut a = audit.borrow_mut();
        a.tool_calls_removed += removed as u32;
        a.add_tally(&tally);
        a.fully_scanned = true;
        a.decision = if a.kinds.is_empty() && a.tool_calls_removed == 0 && !neutralised {
            Decision::Allow
        } else {
            Decision::Redact
        };
    }
    let out = body.to_string();
    audit.borrow_mut().bytes_out = out.len() as u64;
    let mut r = Response::from_bytes(out.into_bytes())
        .map_err(|e| internal("response", e))?
        .with_status(status);
    r.headers_mut()
        .set("Content-Type", "application/json; charset=utf-8")
        .map_err(|e| internal("headers", e))?;
    if status == 429 {
        let retry = origin.headers().get("Retry-After").ok().flatten();
        if let Some(secs) = retry.as_deref().and_then(http::origin_retry_after) {
            r.headers_mut()
                .set("Retry-After", secs)
                .map_err(|e| internal("headers", e))?;
        }
    }
    Ok(Reply::Done(r))
}

/// State of a filtered stream.
struct Streaming {
    body: ByteStream,
    filter: SseFilter<'static>,
    audit: Audit,
    timeout_ms: u64,
    chain_key: Option<String>,
    done: bool,
    logged: bool,
}

impl Drop for Streaming {
    /// A caller that goes away mid-stream still gets its request audited, as not fully scanned.
    fn drop(&mut self) {
        if !self.logged {
            self.audit
                .borrow_mut()
                .rules
                .insert("stream_cancelled".to_owned());
            end_stream(self, 0);
        }
    }
}

fn stream_answer(
    body: ByteStream,
    filter: SseFilter<'static>,
    audit: Audit,
    timeout_ms: u64,
    chain_key: Option<String>,
) -> impl futures_util::Stream<Item = worker::Result<Vec<u8>>> {
    let state = Streaming {
        body,
        filter,
        audit,
        timeout_ms,
        chain_key,
        done: false,
        logged: false,
    };
    stream::unfold(state, |mut s| async move {
        loop {
            if s.done {
                return None;
            }
            let next = select(
                s.body.next(),
                Delay::from(Duration::from_millis(s.timeout_ms)),
            )
            .await;
            let mut out = String::new();
            let result = match next {
                Either::Left((Some(Ok(chunk)), _)) => s
                    .filter
                    .push(&chunk, &mut out)
                    .map_err(|e| (e.code(), e.rule())),
                Either::Left((Some(Err(_)), _)) => {
                    Err(("origin_stream_error", "origin_stream_error"))
                }
                Either::Left((None, _)) => {
                    s.done = true;
                    s.filter.finish(&mut out).map_err(|e| (e.code(), e.rule()))
                }
                Either::Right(_) => Err(("origin_timeout", "origin_timeout")),
            };
            if let Err((code, rule)) = result {
                out.push_str(&error_event(code));
                s.done = true;
                s.audit.borrow_mut().rules.insert(rule.to_owned());
            }
            if s.done {
                end_stream(&mut s, out.len());
            } else {
                s.audit.borrow_mut().bytes_out += out.len() as u64;
            }
            if !out.is_empty() {
                return Some((Ok(out.into_bytes()), s));
            }
            if s.done {
                return None;
            }
        }
    })
}

fn end_stream(s: &mut Streaming, last: usize) {
    s.logged = true;
    let mut a = s.audit.borrow_mut();
    a.bytes_out += last as u64;
    a.add_tally(&s.filter.tally);
    a.tool_calls_removed += s.filter.tool_calls_removed;
    a.fully_scanned = s.filter.fully_scanned();
    a.latency_ms = now_ms().saturating_sub(a.ts);
    a.decision = if !a.fully_scanned {
        Decision::Error
    } else if a.kinds.is_empty() && a.tool_calls_removed == 0 && !s.filter.output_changed() {
        Decision::Allow
    } else {
        Decision::Redact
    };
    log_audit(&mut a, s.chain_key.as_deref(), &s.audit.sinks);
}

/// Exact per-principal windows: one object per principal. The window lives in the object's
/// memory and every admission is decided there without awaiting anything, so decisions are
/// exact and never interleave. Storage is read once when the object starts (after an eviction
/// or a restart); writes are coalesced: at most one per [`PERSIST_DELAY_MS`], carrying the
/// window as it is then, never on the answer's path. Durability: an object that stops between
/// an admission and the next write (a crash or a redeploy, not an idle eviction, which only
/// happens after far longer than the delay) forgets at most that last delay's admissions.
///
/// The class is exported with `wasm_bindgen` directly rather than through workers-rs's
/// `#[durable_object]`, whose `fetch` wraps each request in a workers-rs `Request` (reading its
/// method, URL, headers and a `cf` object the runtime builds anew) and each answer in a
/// workers-rs `Response` (a new `Headers` object, copied into a `ResponseInit`): here the URL is
/// the only thing read and the answer carries a header only when it refuses.
#[wasm_bindgen::prelude::wasm_bindgen]
pub struct RateLimiter {
    state: State,
    window: Rc<RefCell<Option<Window>>>,
    loaded: core::cell::Cell<bool>,
    /// A write is scheduled and will carry the latest window.
    write_scheduled: Rc<core::cell::Cell<bool>>,
}

/// How long admissions are collected in memory before the window is written.
const PERSIST_DELAY_MS: u64 = 1_000;

/// The storage key of the window.
const WINDOW_KEY: &str = "window";

impl RateLimiter {
    /// Schedules one write of the window [`PERSIST_DELAY_MS`] from now, unless one is pending.
    fn schedule_write(&self) {
        if self.write_scheduled.replace(true) {
            return;
        }
        let (storage, window, scheduled) = (
            self.state.storage(),
            Rc::clone(&self.window),
            Rc::clone(&self.write_scheduled),
        );
        worker::wasm_bindgen_futures::spawn_local(async move {
            Delay::from(Duration::from_millis(PERSIST_DELAY_MS)).await;
            scheduled.set(false);
            let latest = *window.borrow();
            if let Some(w) = latest {
                if storage.put(WINDOW_KEY, w).await.is_err() {
                    console_error!("chatguard-edge: rate-limit window not persisted");
                }
            }
        });
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(wasm_bindgen_futures = worker::wasm_bindgen_futures)]
impl RateLimiter {
    /// Called by the runtime when the object starts.
    #[wasm_bindgen(constructor)]
    pub fn new(state: worker::worker_sys::DurableObjectState, _env: Env) -> RateLimiter {
        RateLimiter {
            state: State::from(state),
            window: Rc::new(RefCell::new(None)),
            loaded: core::cell::Cell::new(false),
            write_scheduled: Rc::new(core::cell::Cell::new(false)),
        }
    }

    /// One ask of the Worker ([`Ask::to_query`] in the URL); answers 204 (admitted), 429 with
    /// `Retry-After` (refused) or 400 (not an ask). A storage error rejects the promise, which
    /// the Worker turns into a 500.
    pub async fn fetch(&self, req: web_sys::Request) -> Result<JsValue, JsValue> {
        core::panic::AssertUnwindSafe(self.admit(req)).await
    }
}

impl RateLimiter {
    async fn admit(&self, req: web_sys::Request) -> Result<JsValue, JsValue> {
        let Some(ask) = Ask::from_url(&req.url()) else {
            // Not an ask the Worker sends: the Worker reads any status but 204/429 as an error.
            return bare_response(400, None);
        };
        if !self.loaded.get() {
            let stored: Option<Window> = self
                .state
                .storage()
                .get(WINDOW_KEY)
                .await
                .map_err(JsValue::from)?;
            // Another request may have loaded (and counted) while this one waited.
            if !self.loaded.replace(true) {
                *self.window.borrow_mut() = stored;
            }
        }
        let current = *self.window.borrow();
        let (next, verdict) = crate::ratelimit::admit(current, &ask);
        if verdict.allowed {
            *self.window.borrow_mut() = Some(next);
            self.schedule_write();
        }
        let (status, retry_after) = verdict.status();
        bare_response(status, retry_after.map(|secs| secs.to_string()).as_deref())
    }
}

/// A bodiless answer with `status` and, when given, a `Retry-After` header.
fn bare_response(status: u16, retry_after: Option<&str>) -> Result<JsValue, JsValue> {
    let init = web_sys::ResponseInit::new();
    init.set_status(status);
    if let Some(secs) = retry_after {
        let headers = web_sys::Headers::new()?;
        headers.set("Retry-After", secs)?;
        init.set_headers(&headers);
    }
    web_sys::Response::new_with_opt_str_and_init(None, &init).map(JsValue::from)
}
