//! `DELETE /v1/conversations/{id}` in the Worker: the same size, authentication, role and rate
//! limit steps as the chat routes, then the deletion forwarded to the origin (see
//! [`crate::deletion`] for the rules and why the edge itself has nothing to purge).

use chatguard::UnixTime;
use worker::Env;

use super::{
    identify, json_reply, origin_headers, rate_limit, rate_limiter, read_limited, send_to_origin,
    Audit, Incoming, Outbound, Reply,
};
use crate::audit::Decision;
use crate::config::Config;
use crate::deletion::{self, conversation_hash};
use crate::error::ApiError;
use crate::ratelimit::Ask;
use crate::rbac::authorize_route;

pub(super) async fn handle(
    req: Incoming,
    env: &Env,
    config: &Config,
    audit: &Audit,
    started: u64,
    raw_id: String,
) -> Result<Reply, ApiError> {
    let body = read_limited(&req, config.max_body_bytes).await?;
    audit.borrow_mut().bytes_in = body.len() as u64;
    let now = UnixTime(started / 1000);
    let (_, principal, role) = identify(&req, env, config, audit, now).await?;
    authorize_route(role, deletion::ROUTE)?;
    let id = deletion::conversation_id(&raw_id)?;
    audit.borrow_mut().conversation = conversation_hash(config.audit_key.as_deref(), id);
    let ask = Ask {
        now: now.0,
        tokens: 0,
        limit: role.rate_limit.into(),
    };
    rate_limit(&rate_limiter(env, config, &principal.id, role)?, ask).await?;
    let url = format!("{}/v1/conversations/{id}", config.origin_url);
    let outbound = Outbound {
        url: &url,
        method: "DELETE",
        headers: &origin_headers(config, audit)?,
        body: None,
    };
    let origin = send_to_origin(&outbound, config.origin_timeout_ms).await?;
    deletion::origin_outcome(origin.status_code())?;
    let answer = deletion::answer(id);
    {
        let mut a = audit.borrow_mut();
        a.rules.insert(deletion::RULE.to_owned());
        a.decision = Decision::Allow;
        a.bytes_out = answer.to_string().len() as u64;
    }
    json_reply(200, &answer).map(Reply::Done)
}
