//! Where audit events go besides the Workers log, when the bindings exist: the Queue producer
//! `AUDIT_QUEUE` gets the audit line itself (as a JSON message, sent through `waitUntil` so the
//! answer never waits for it) and the Analytics Engine dataset `AUDIT_ANALYTICS` gets the line's
//! projection [`AuditEvent::data_point`]. A missing binding means that sink is off; a binding of
//! the wrong type, or a send that fails, writes [`sink_error_line`] to the log — the request's
//! answer is never affected and nothing of the event or the runtime's error is written there.

use core::cell::RefCell;
use core::ops::Deref;

use worker::wasm_bindgen::JsValue;
use worker::{
    console_error, js_sys, AnalyticsEngineDataPointBuilder, AnalyticsEngineDataset, Env, Queue,
    QueueContentType, RawMessageBuilder,
};

use crate::audit::{sink_error_line, AuditEvent, Sink, SinkFailure};

/// One request's audit event and the sinks it goes to when it is written.
pub(super) struct AuditRecord {
    event: RefCell<AuditEvent>,
    /// The sinks bound for this request.
    pub(super) sinks: Sinks,
}

impl AuditRecord {
    pub(super) fn new(event: AuditEvent, sinks: Sinks) -> AuditRecord {
        AuditRecord {
            event: RefCell::new(event),
            sinks,
        }
    }
}

impl Deref for AuditRecord {
    type Target = RefCell<AuditEvent>;

    fn deref(&self) -> &RefCell<AuditEvent> {
        &self.event
    }
}

/// The sink bindings of a request, read once from `Env`.
pub(super) struct Sinks {
    queue: Option<Result<Queue, SinkFailure>>,
    analytics: Option<Result<AnalyticsEngineDataset, SinkFailure>>,
    ctx: worker::Context,
}

/// `None` when `name` is not bound.
fn bound(env: &Env, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(env, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

impl Sinks {
    pub(super) fn from_env(env: &Env, ctx: worker::Context) -> Sinks {
        let queue = bound(env, Sink::Queue.binding()).map(|_| {
            env.queue(Sink::Queue.binding())
                .map_err(|_| SinkFailure::BindingInvalid)
        });
        let analytics = bound(env, Sink::Analytics.binding()).map(|value| {
            // workers-rs casts this binding unchecked (Miniflare's is a plain object): check
            // that it can write before calling it a dataset.
            let writes = js_sys::Reflect::get(&value, &JsValue::from_str("writeDataPoint"))
                .is_ok_and(|f| f.is_function());
            if writes {
                env.analytics_engine(Sink::Analytics.binding())
                    .map_err(|_| SinkFailure::BindingInvalid)
            } else {
                Err(SinkFailure::BindingInvalid)
            }
        });
        Sinks {
            queue,
            analytics,
            ctx,
        }
    }

    /// Sends `event`, written to the log as `line`, to every bound sink.
    pub(super) fn send(&self, event: &AuditEvent, line: &str) {
        let failed = |sink: Sink, failure: SinkFailure| {
            console_error!("{}", sink_error_line(sink, &event.request_id, failure));
        };
        match &self.analytics {
            None => {}
            Some(Err(failure)) => failed(Sink::Analytics, *failure),
            Some(Ok(dataset)) => {
                let point = event.data_point();
                let written = AnalyticsEngineDataPointBuilder::new()
                    .indexes([point.index.as_str()])
                    .blobs(point.blobs)
                    .doubles(point.doubles)
                    .write_to(dataset);
                if written.is_err() {
                    failed(Sink::Analytics, SinkFailure::SendFailed);
                }
            }
        }
        match &self.queue {
            None => {}
            Some(Err(failure)) => failed(Sink::Queue, *failure),
            Some(Ok(queue)) => {
                let Ok(body) = js_sys::JSON::parse(line) else {
                    failed(Sink::Queue, SinkFailure::Unencodable);
                    return;
                };
                let (queue, request_id) = (queue.clone(), event.request_id.clone());
                let sending = async move {
                    let message = RawMessageBuilder::new(body)
                        .build_with_content_type(QueueContentType::Json);
                    if queue.send_raw(message).await.is_err() {
                        console_error!(
                            "{}",
                            sink_error_line(Sink::Queue, &request_id, SinkFailure::SendFailed)
                        );
                    }
                    Ok(JsValue::UNDEFINED)
                };
                let promise = worker::wasm_bindgen_futures::future_to_promise(sending);
                if self.ctx.as_ref().wait_until(&promise).is_err() {
                    // The request is over: the send still runs, but may be cut short.
                    failed(Sink::Queue, SinkFailure::SendFailed);
                }
            }
        }
    }
}
